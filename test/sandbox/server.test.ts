// The sandbox server: the HTTP interface of ARCHITECTURE.md on the real bundle, with persisted state.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { type SandboxServer, startServer } from "../../sandbox/server.ts";
import { launchSandbox, stopSandbox } from "../helpers/sandboxProcess.ts";

let servers: SandboxServer[] = [];
// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary JSON answers field by field.
type Json = any;

async function start(stateFile?: string): Promise<SandboxServer> {
  const server = await startServer({ port: 0, ...(stateFile ? { stateFile } : {}) });
  servers.push(server);
  return server;
}

async function call(server: SandboxServer, path: string, body?: unknown, raw?: string) {
  const init: RequestInit =
    body === undefined && raw === undefined ? {} : { method: "POST", body: raw ?? JSON.stringify(body) };
  const response = await fetch(`${server.url}${path}`, init);
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    json: (await response.json()) as Json,
  };
}

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe("sandbox server", () => {
  it("serves the workbook as JSON", async () => {
    const server = await start();
    const { status, json } = await call(server, "/api/workbook");
    expect(status).toBe(200);
    expect(json.name).toBe("Peer Exchange");
    expect(Array.isArray(json.sheets)).toBe(true);
  });

  it("runs onOpen and returns the menu it built, each item's label and function", async () => {
    const server = await start();
    const { json } = await call(server, "/api/run", { fn: "onOpen" });
    expect(json.ok).toBe(true);
    const menu = json.ui.find((event: { type: string }) => event.type === "menu");
    expect(menu.items).toEqual(
      expect.arrayContaining([{ label: "Set up / repair workbook", fn: "setUpWorkbook" }]),
    );
  });

  it("edits cells like a person typing, formulas included", async () => {
    const server = await start();
    const sheet = (await call(server, "/api/workbook")).json.sheets[0].name as string;
    const edit = await call(server, "/api/edit", { sheet, range: "A1:C1", values: [[2, 3, "=A1*B1"]] });
    expect(edit.json.ok).toBe(true);
    expect(edit.json.values).toEqual([[2, 3, 6]]);
  });

  it("persists every change and loses nothing across a restart", async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), "px-sandbox-")), "state.json");
    const first = await start(stateFile);
    const sheet = (await call(first, "/api/workbook")).json.sheets[0].name as string;
    await call(first, "/api/edit", { sheet, range: "B2", values: [["kept"]] });
    await first.close();
    servers = [];
    const second = await start(stateFile);
    const tab = (await call(second, "/api/workbook")).json.sheets.find(
      (s: { name: string }) => s.name === sheet,
    );
    expect(tab.values[1][1]).toBe("kept");
    // The state file is whole JSON (written atomically).
    expect(() => JSON.parse(readFileSync(stateFile, "utf8"))).not.toThrow();
  });

  it("resets to an empty workbook", async () => {
    const server = await start();
    const sheet = (await call(server, "/api/workbook")).json.sheets[0].name as string;
    await call(server, "/api/edit", { sheet, range: "A1", values: [["gone"]] });
    await call(server, "/api/reset", {});
    const after = (await call(server, "/api/workbook")).json.sheets[0];
    expect(after.values.flat()).not.toContain("gone");
  });

  it("resets to the bundled demo exchange, set up with live formulas", async () => {
    const server = await start();
    const { json } = await call(server, "/api/reset", { demo: true });
    expect(json.ok).toBe(true);
    const peers = json.workbook.sheets.find((s: { name: string }) => s.name === "Peers");
    const header = peers.values[0] as string[];
    const rows = (peers.values as unknown[][])
      .slice(1)
      .filter((row) => row[header.indexOf("Site name")] !== "");
    expect(rows).toHaveLength(10);
    const score = header.indexOf("Weighted score");
    expect(rows.every((row) => typeof row[score] === "number")).toBe(true);
    expect(peers.formulas[1][score]).toMatch(/^=/);
    // An exchange in progress: today's agenda, with a knowledge scribe, and a starter taxonomy.
    const sheet = (name: string) => json.workbook.sheets.find((s: { name: string }) => s.name === name);
    const [agendaHeader, ...sessions] = sheet("Agenda").values as unknown[][];
    const startColumn = (agendaHeader as string[]).indexOf("Start");
    const scribe = (agendaHeader as string[]).indexOf("Scribe");
    expect(sessions.length).toBeGreaterThan(4);
    expect(String(sessions[0]?.[startColumn]).slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    expect(sessions[0]?.[scribe]).toBe("Farah Haddad");
    expect((sheet("Tags").values as unknown[][]).slice(1).map((row) => row[0])).toContain(
      "discharge planning",
    );
  });

  it("exports the workbook as an .xlsx file with values and formulas", async () => {
    const server = await start();
    await call(server, "/api/reset", { demo: true });
    const response = await fetch(`${server.url}/api/export.xlsx`);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const peers = book.getWorksheet("Peers");
    expect(peers?.getCell("A2").value).toBe("Lakeside University Hospital");
    // A live formula with its computed value beside it (the weighted score of the first candidate).
    const cells = ((peers?.getRow(2).values ?? []) as unknown[]).filter(
      (v) =>
        typeof v === "object" &&
        v !== null &&
        "formula" in v &&
        typeof (v as { result?: unknown }).result === "number",
    );
    expect(cells.length).toBeGreaterThan(0);
  });

  it("refuses API calls from other pages' origins, and nothing changes", async () => {
    const server = await start();
    const sheet = (await call(server, "/api/workbook")).json.sheets[0].name as string;
    await call(server, "/api/edit", { sheet, range: "A1", values: [["kept"]] });
    const response = await fetch(`${server.url}/api/reset`, {
      method: "POST",
      headers: { origin: "http://attacker.example" },
      body: "{}",
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as Json).error.code).toBe("forbidden_origin");
    expect((await call(server, "/api/workbook")).json.sheets[0].values[0][0]).toBe("kept");
    // The sandbox's own page may.
    const own = await fetch(`${server.url}/api/reset`, {
      method: "POST",
      headers: { origin: server.url },
      body: "{}",
    });
    expect(own.status).toBe(200);
  });

  it("answers loopback names only: a foreign Host (DNS rebinding) gets nothing, whatever the Origin", async () => {
    const server = await start();
    const raw = (path: string, method: string, headers: Record<string, string>, body = "") =>
      new Promise<{ status: number; json: Json }>((resolve, reject) => {
        const req = httpRequest(`${server.url}${path}`, { method, headers }, (res) => {
          let text = "";
          res.on("data", (c: Buffer) => {
            text += c.toString();
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
        });
        req.on("error", reject);
        req.end(body);
      });
    const evil = `rebind.example:${server.port}`;
    for (const [path, method, body] of [
      ["/api/workbook", "GET", ""],
      [
        "/api/run",
        "POST",
        JSON.stringify({ fn: "connectScribe", responses: [{ button: "OK", text: "Eve" }] }),
      ],
      ["/exec", "POST", "{}"],
      ["/", "GET", ""],
    ] as const) {
      const answer = await raw(path, method, { host: evil, origin: `http://${evil}` }, body);
      expect(answer.status, path).toBe(421);
      expect(answer.json.error.code).toBe("forbidden_host");
    }
    expect((await call(server, "/api/run", { fn: "listScribes" })).json.result).toEqual([]);
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`]) {
      expect((await raw("/api/workbook", "GET", { host })).status, host).toBe(200);
    }
    expect((await raw("/api/workbook", "GET", { host: `127.0.0.1:${server.port + 1}` })).status).toBe(421);
  });

  it("lets a page read the clip endpoint's answer, as Google's web apps do (Check installation's test)", async () => {
    const server = await start();
    const response = await fetch(`${server.url}/exec`, {
      method: "POST",
      body: "{}",
      headers: { origin: "null" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect((await response.json()) as unknown).toMatchObject({ ok: false });
  });

  it("answers a script that stops on Google's limits as Google does: HTTP 200 and an HTML error page", async () => {
    const server = await start();
    server.emulator().limits.elsewhere.set(server.emulator().env.user, 30);
    const response = await fetch(`${server.url}/exec`, { method: "POST", body: "{}" });
    server.emulator().limits.elsewhere.clear();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await response.text()).toContain("Exception: There are too many scripts running.");
    const after = await fetch(`${server.url}/exec`, { method: "POST", body: "{}" });
    expect((await after.json()) as unknown).toMatchObject({ ok: false });
  });

  it("answers a body over 10 MiB with the JSON too_large error, not a reset", async () => {
    const server = await start();
    for (const path of ["/exec", "/api/run"]) {
      const response = await fetch(`${server.url}${path}`, {
        method: "POST",
        body: "x".repeat(10 * 1024 * 1024 + 1),
      });
      expect(response.status).toBe(413);
      const json = (await response.json()) as Json;
      expect(json.error.code).toBe("too_large");
      expect(json.error.message).toMatch(/10,485,760 bytes/);
    }
    expect((await call(server, "/api/workbook")).status).toBe(200);
  });

  it("stops an interactive run at the first unanswered question and leaves no trace", async () => {
    const server = await start();
    await call(server, "/api/run", { fn: "setUpWorkbook", responses: ["OK"] });
    const before = (await call(server, "/api/workbook")).json;
    const { json } = await call(server, "/api/run", { fn: "connectScribe", interactive: true });
    expect(json.ok).toBe(true);
    expect(json.awaiting).toMatchObject({ type: "prompt", choices: ["OK", "CANCEL"] });
    expect((await call(server, "/api/workbook")).json).toEqual(before);
    expect((await call(server, "/api/run", { fn: "listScribes" })).json.result).toEqual([]);
    // Answered, the same run goes through.
    const answered = await call(server, "/api/run", {
      fn: "connectScribe",
      interactive: true,
      responses: [{ button: "OK", text: "Ana" }],
    });
    expect(answered.json.awaiting).toBeUndefined();
    expect((await call(server, "/api/run", { fn: "listScribes" })).json.result).toHaveLength(1);
  });

  it("answers bad requests with a JSON error, never a crash", async () => {
    const server = await start();
    const cases = [
      { path: "/api/run", raw: "{not json", status: 400 },
      { path: "/api/run", body: { fn: "no such function" }, status: 400 },
      { path: "/api/run", body: { fn: "missingFunction" }, status: 404 },
      { path: "/api/run", body: { fn: "onOpen", args: "x" }, status: 400 },
      { path: "/api/edit", body: { sheet: "Nope", range: "A1", values: [[1]] }, status: 404 },
      { path: "/api/edit", body: { sheet: "Peer Exchange", range: "A1", values: "x" }, status: 400 },
      { path: "/api/nothing", body: {}, status: 404 },
    ];
    for (const c of cases) {
      const result = await call(server, c.path, c.body, c.raw);
      expect(result.status, c.path + JSON.stringify(c.body ?? c.raw)).toBe(c.status);
      expect(result.type).toContain("application/json");
      expect(result.json.ok).toBe(false);
      expect(typeof result.json.error.message).toBe("string");
      expect(result.json.error.retryable).toBe(false);
    }
    const sheet = (await call(server, "/api/workbook")).json.sheets[0].name as string;
    const shape = await call(server, "/api/edit", { sheet, range: "A1:B1", values: [[1]] });
    expect(shape.status).toBe(400);
    expect(shape.json.error.message).toMatch(/1×2/);
    // Still serving after all of that.
    expect((await call(server, "/api/workbook")).status).toBe(200);
  });

  it("refuses to start on a corrupt state file, saying what to do", async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), "px-sandbox-")), "state.json");
    writeFileSync(stateFile, "{half");
    await expect(startServer({ port: 0, stateFile })).rejects.toThrow(/Move it aside/);
  });
});

describe("npm start", () => {
  const launch = (stateFile: string) => launchSandbox(stateFile);
  const stop = stopSandbox;

  it("serves GET /api/workbook and keeps edits across a restart", async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), "px-start-")), "state.json");
    const first = await launch(stateFile);
    const workbook = (await (await fetch(`${first.url}/api/workbook`)).json()) as Json;
    const sheet = workbook.sheets[0].name;
    await fetch(`${first.url}/api/edit`, {
      method: "POST",
      body: JSON.stringify({ sheet, range: "C3", values: [["persisted"]] }),
    });
    await stop(first.child);
    const second = await launch(stateFile);
    const again = (await (await fetch(`${second.url}/api/workbook`)).json()) as Json;
    await stop(second.child);
    expect(again.sheets[0].values[2][2]).toBe("persisted");
    // Nothing is left behind listening once npm is gone.
    await expect(fetch(`${second.url}/healthz`)).rejects.toThrow();
  });
});
