// TEMPORARY development stand-in for the sandbox endpoint (PX_E2E_FAKE=1); the final tests use the sandbox.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CLIP_LIMITS, type ClipInput } from "../../shared/clip/protocol.ts";
import { encodeConnectionCode } from "../../shared/clip/tokens.ts";
import type { Endpoint, InsightRow } from "./sandbox.ts";

export async function startFakeEndpoint(): Promise<Endpoint> {
  const rows = new Map<string, InsightRow>();
  let server: Server | null = null;
  let port = 0;
  const listen = async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        const r = JSON.parse(body);
        let out: unknown;
        if (r.op === "hello") {
          out = {
            ok: true,
            v: 1,
            op: "hello",
            workbook: { title: "Fake" },
            scribe: { name: "Dana Lee" },
            tags: [],
            kinds: ["insight", "best practice"],
            today: "",
            sessions: [],
            sites: [],
            limits: CLIP_LIMITS,
          };
        } else {
          out = {
            ok: true,
            v: 1,
            op: "clip",
            newTags: [],
            results: r.clips.map((c: ClipInput, index: number) => {
              if (rows.has(c.id)) return { index, id: c.id, status: "duplicate" };
              rows.set(c.id, {
                Text: c.text,
                Tags: c.tags.join(", "),
                Kind: c.kind,
                Scribe: "Dana Lee",
                "PHI check": `${c.phi.action} ${c.phi.types.join(",")}`,
              });
              return { index, id: c.id, status: "added", row: rows.size + 1, truncated: false };
            }),
          };
        }
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(out));
      });
    });
    await new Promise<void>((r) => server!.listen(port, "127.0.0.1", r));
    port = (server!.address() as AddressInfo).port;
  };
  await listen();
  const execUrl = `http://127.0.0.1:${port}/exec`;
  return {
    execUrl,
    connectScribe: async (name) =>
      encodeConnectionCode({ url: execUrl, token: "abcdefgh.abcdefghijklmnopqrstuvwxyz", scribe: name }),
    insights: async () => [...rows.values()],
    stop: async () => {
      server?.closeAllConnections();
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
      server = null;
    },
    start: async () => {
      if (!server) await listen();
    },
  };
}
