// The sandbox's journal: each request appends only what it changed, fsynced; a restart replays it onto
// the base and gets the very same state; a line cut short or a journal older than its base is ignored.
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../sandbox/emulator/index.ts";
import { type SandboxServer, startServer } from "../../sandbox/server.ts";
import { StateJournal } from "../../sandbox/stateJournal.ts";
import { connectScribes, makeClip } from "../helpers/clipLoad.ts";

let servers: SandboxServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

const stateFile = () => join(mkdtempSync(join(tmpdir(), "px-journal-")), "state.json");

async function start(file: string): Promise<SandboxServer> {
  const server = await startServer({ port: 0, stateFile: file });
  servers.push(server);
  return server;
}

async function post(server: SandboxServer, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, { method: "POST", body: JSON.stringify(body) });
  return response.json();
}

const size = (file: string) => statSync(file).size;

describe("the state journal", () => {
  it("appends a few hundred bytes per clip, leaves the base alone, and restores the same workbook", async () => {
    const file = stateFile();
    const server = await start(file);
    const [token] = await connectScribes(server.url, 1);
    const base = readFileSync(file, "utf8");
    const journalBefore = size(`${file}.journal`);
    for (let i = 0; i < 20; i++) {
      const answer = (await post(server, "/exec", { v: 1, token, op: "clip", clips: [makeClip(i)] })) as {
        ok: boolean;
      };
      expect(answer.ok).toBe(true);
    }
    expect(readFileSync(file, "utf8")).toBe(base);
    const perClip = (size(`${file}.journal`) - journalBefore) / 20;
    // The clip's row, its cache entry and the tag counts that changed; never the whole workbook.
    expect(perClip).toBeGreaterThan(100);
    expect(perClip).toBeLessThan(3_000);
    expect(server.emulator().snapshotText().length).toBeGreaterThan(100_000);
    const before = server.emulator().snapshot();
    await server.close();
    servers = [];
    const again = await start(file);
    expect(again.emulator().snapshot()).toEqual(before);
  });

  it("writes nothing for a request that changed nothing", async () => {
    const file = stateFile();
    const server = await start(file);
    await connectScribes(server.url, 1);
    const journal = size(`${file}.journal`);
    await post(server, "/exec", {
      v: 1,
      token: "nobody.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      op: "hello",
    });
    await post(server, "/exec", "not a request");
    await fetch(`${server.url}/api/workbook`);
    expect(size(`${file}.journal`)).toBe(journal);
  });

  it("ignores a last line cut short by a crash, and a journal older than its base", async () => {
    const file = stateFile();
    const server = await start(file);
    const workbook = (await (await fetch(`${server.url}/api/workbook`)).json()) as {
      sheets: { name: string }[];
    };
    const name = workbook.sheets[0]?.name;
    await post(server, "/api/edit", { sheet: name, range: "A1", values: [["kept"]] });
    await server.close();
    servers = [];
    appendFileSync(`${file}.journal`, '{"sections":{},"workbooks":{"activeId"');
    const restored = new StateJournal(file).load();
    const sheet = restored?.spreadsheets.books[0]?.sheets.find((s) => s.name === name);
    expect(sheet?.values[0]?.[0]).toBe("kept");
    // A journal whose generation is not the base's was already folded into it.
    const journal = readFileSync(`${file}.journal`, "utf8").split("\n");
    writeFileSync(`${file}.journal`, [JSON.stringify({ generation: 999 }), ...journal.slice(1)].join("\n"));
    const stale = new StateJournal(file).load();
    const staleSheet = stale?.spreadsheets.books[0]?.sheets.find((s) => s.name === name);
    expect(staleSheet?.values[0]?.[0] ?? "").toBe("");
  });

  it("replays row edits, inserted and deleted rows, formats and new tabs exactly", () => {
    const file = stateFile();
    const emulator = createEmulator();
    const journal = new StateJournal(file);
    journal.compact(emulator);
    const book = emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = book.getSheets()[0]!;
    sheet.getRange("A1:C3").setValues([
      [1, "two", new Date(Date.UTC(2026, 2, 4))],
      ["x", "", true],
      ["=A1*2", "y", 3.5],
    ]);
    journal.save(emulator);
    sheet.insertRowsBefore(2, 2);
    sheet.getRange("B1").setBackground("#d9ead3").setNumberFormat("0.0");
    journal.save(emulator);
    const other = book.insertSheet("Other");
    other.getRange("B2").setValue("new tab");
    sheet.deleteRow(1);
    sheet.getRange("C5").clearContent();
    journal.save(emulator);
    journal.close();
    expect(new StateJournal(file).load()).toEqual(
      JSON.parse(`${emulator.snapshotText().slice(0, -1)},"journalGeneration":1}`),
    );
  });
});
