// The sandbox server as the Clipper's endpoint: start, stop and restart it on one port and state file,
// connect a scribe through the add-on's own menu function, and read the Insights rows that landed.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeConnectionCode, encodeConnectionCode } from "../../shared/clip/tokens.ts";

/** What this file uses of sandbox/server.ts (imported at run time: its Apps Script types are not in the browser tests' tsconfig). */
interface SandboxServer {
  readonly port: number;
  close(): Promise<void>;
}
type StartServer = (options: { port?: number; stateFile?: string }) => Promise<SandboxServer>;
const serverModule: string = "../../sandbox/server.ts";
const { startServer } = (await import(serverModule)) as { startServer: StartServer };

export type InsightRow = Record<string, unknown>;

export interface Endpoint {
  /** The web app's /exec URL, stable across restarts. */
  readonly execUrl: string;
  connectScribe(name: string): Promise<string>;
  insights(): Promise<InsightRow[]>;
  /** A person typing into the workbook (POST /api/edit). */
  edit(sheet: string, range: string, values: (string | number | boolean)[][]): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function api(base: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

interface DescribedSheet {
  name: string;
  values: unknown[][];
}

export async function startSandboxEndpoint(): Promise<Endpoint> {
  const stateFile = join(mkdtempSync(join(tmpdir(), "px-sandbox-")), "state.json");
  let server: SandboxServer | null = await startServer({ port: 0, stateFile });
  const port = server.port;
  const base = `http://127.0.0.1:${port}`;
  const execUrl = `${base}/exec`;
  await api(base, "/api/reset", {});
  const setUp = await api(base, "/api/run", { fn: "setUpWorkbook", responses: [] });
  if (setUp.ok !== true) throw new Error(`Set up failed: ${JSON.stringify(setUp)}`);

  return {
    execUrl,
    async connectScribe(name) {
      const run = await api(base, "/api/run", {
        fn: "connectScribe",
        responses: [{ button: "OK", text: name }],
      });
      const result = run.result as { connectionCode?: string } | null;
      if (!result?.connectionCode) throw new Error(`Connect a scribe gave no code: ${JSON.stringify(run)}`);
      const decoded = decodeConnectionCode(result.connectionCode);
      if (!decoded.ok) throw new Error(decoded.message);
      // The code must point at this server's /exec whatever URL the emulated deployment reports.
      return encodeConnectionCode({ ...decoded.value, url: execUrl });
    },
    async insights() {
      const workbook = (await api(base, "/api/workbook")) as { sheets?: DescribedSheet[] };
      const sheet = workbook.sheets?.find((s) => s.name === "Insights");
      if (!sheet) throw new Error("The workbook has no Insights tab.");
      const [header = [], ...rows] = sheet.values;
      return rows
        .filter((row) => row.some((cell) => cell !== ""))
        .map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
    },
    async edit(sheet, range, values) {
      const answer = await api(base, "/api/edit", { sheet, range, values });
      if (answer.ok !== true) throw new Error(`Edit of ${sheet}!${range} failed: ${JSON.stringify(answer)}`);
    },
    async stop() {
      await server?.close();
      server = null;
    },
    async start() {
      if (!server) server = await startServer({ port, stateFile });
    },
  };
}
