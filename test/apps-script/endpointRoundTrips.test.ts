// Round trips of a clip batch on the built bundle: with the script cache warm a batch of any size costs at
// most six spreadsheet round trips, and losing the cache or moving columns costs reads, never a duplicate,
// a lost clip or a value in the wrong column.
import { describe, expect, it } from "vitest";
import { roundTripsOf, spreadsheetRoundTripsOf } from "../../sandbox/emulator/roundTrips.ts";
import type { ClipResponse, EndpointResponse } from "../../shared/clip/protocol.ts";
import { clip, type Endpoint, openEndpoint } from "./endpointHarness.ts";
import { writeRows } from "./peerWorkbook.ts";

function asClip(response: EndpointResponse): ClipResponse {
  if (!response.ok || response.op !== "clip")
    throw new Error(`Expected a clip response: ${JSON.stringify(response).slice(0, 300)}`);
  return response;
}

/** A batch with no site named (a site's pseudonym, once remembered, costs nothing more: see below). */
const batchOf = (n: number) => Array.from({ length: n }, () => clip({ site: "" }));

function send(endpoint: Endpoint, clips: unknown[]) {
  const { calls } = endpoint.addon.emulator.env;
  calls.reset();
  const response = asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips }));
  const counts = calls.snapshot();
  return { response, counts, spreadsheet: spreadsheetRoundTripsOf(counts), ...roundTripsOf(counts) };
}

/** Forgets the script cache entries whose key starts with `prefix` (Google may evict any entry early). */
function evict(endpoint: Endpoint, prefix = ""): void {
  const { emulator } = endpoint.addon;
  const keys = Object.keys(emulator.cache.peek()).filter((k) => k.startsWith(prefix));
  emulator.globals.CacheService.getScriptCache().removeAll(keys);
}

const column = (endpoint: Endpoint, header: string) =>
  endpoint.insights().map((row) => row[(endpoint.tab("Insights")[0] as string[]).indexOf(header)]);

describe("a clip batch's round trips", () => {
  for (const size of [1, 10, 50]) {
    it(`${size} clip${size > 1 ? "s" : ""}: at most 6 spreadsheet round trips once the cache is warm`, () => {
      const endpoint = openEndpoint();
      send(endpoint, batchOf(3));
      const { response, spreadsheet, byKind, counts } = send(endpoint, batchOf(size));
      expect(response.results.every((r) => r.status === "added")).toBe(true);
      expect(spreadsheet, JSON.stringify(counts)).toBeLessThanOrEqual(6);
      // One append and one flush, whatever the size.
      expect(counts["Range.setValues"]).toBe(1);
      expect(byKind.flush).toBe(1);
    });
  }

  it("a batch naming the sites' pseudonyms: at most 6 once they are remembered", () => {
    const endpoint = openEndpoint();
    writeRows(endpoint.addon, "Peers", [
      { "Site name": "Valley General", Pseudonym: "Site A", Selected: true },
      { "Site name": "Hill Memorial", Pseudonym: "Site B", Selected: true },
    ]);
    const named = (n: number) =>
      Array.from({ length: n }, (_, i) => clip({ site: i % 2 ? "Site A" : "Site B" }));
    send(endpoint, named(2));
    const { response, spreadsheet, counts } = send(endpoint, named(10));
    expect(response.results.every((r) => r.status === "added" && !("note" in r))).toBe(true);
    expect(spreadsheet, JSON.stringify(counts)).toBeLessThanOrEqual(6);
  });

  it("costs the same at 10 and 1,000 clips already on the tab", () => {
    const trips = (existing: number) => {
      const endpoint = openEndpoint();
      for (let sent = 0; sent < existing; sent += 500)
        send(endpoint, batchOf(Math.min(500, existing - sent)));
      // The filter of written ids is rebuilt bigger (one read) each time the tab doubles: not measured.
      send(endpoint, batchOf(10));
      return send(endpoint, batchOf(10)).roundTrips;
    };
    expect(trips(1_000)).toBe(trips(10));
  });

  it("lands a retried clip once when the cache forgot everything, at the cost of a read", () => {
    const endpoint = openEndpoint();
    const clips = batchOf(5);
    send(endpoint, batchOf(2));
    send(endpoint, clips);
    evict(endpoint);
    const retry = send(endpoint, [...clips, ...batchOf(1)]);
    expect(retry.response.results.map((r) => r.status)).toEqual([...clips.map(() => "duplicate"), "added"]);
    expect(retry.response.results.slice(0, 5).map((r) => ("row" in r ? r.row : 0))).toEqual([4, 5, 6, 7, 8]);
    expect(endpoint.insights()).toHaveLength(8);
    // Each forgotten entry costs its read, no search: the header row's width (+1), the tab's height
    // (+1), the Clip id column (+1) and the taxonomy (the Tags tab: +5).
    expect(retry.counts["TextFinder.findAll"] ?? 0).toBe(0);
    expect(retry.spreadsheet).toBeLessThanOrEqual(6 + 1 + 1 + 1 + 5);
  });

  it("lands a retried clip once when the filter of written ids and the row hints were evicted", () => {
    const endpoint = openEndpoint();
    const clips = batchOf(3);
    send(endpoint, clips);
    // "clip." row hints and the "clips.seen." filter; the layout and taxonomy stay.
    evict(endpoint, "clip");
    const retry = send(endpoint, clips);
    expect(retry.response.results.map((r) => r.status)).toEqual(["duplicate", "duplicate", "duplicate"]);
    expect(endpoint.insights()).toHaveLength(3);
  });

  it("sees clips a concurrent execution landed after this one read the cache", () => {
    const endpoint = openEndpoint();
    const clips = batchOf(2);
    send(endpoint, batchOf(1));
    const cacheBefore = endpoint.addon.emulator.cache.peek();
    send(endpoint, clips);
    // The other execution's cache write is lost: the cache holds what it held before it.
    const cache = endpoint.addon.emulator.globals.CacheService.getScriptCache();
    cache.removeAll(Object.keys(endpoint.addon.emulator.cache.peek()));
    cache.putAll(cacheBefore, 21_600);
    const retry = send(endpoint, clips);
    expect(retry.response.results.map((r) => r.status)).toEqual(["duplicate", "duplicate"]);
    expect(endpoint.insights()).toHaveLength(3);
  });

  it("writes each field under its header after a coordinator moved and renamed columns", () => {
    const endpoint = openEndpoint();
    send(endpoint, batchOf(2));
    const sheet =
      endpoint.addon.emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Insights")!;
    const width = sheet.getLastColumn();
    const all = sheet.getRange(1, 1, sheet.getLastRow(), width).getValues();
    const headers = all[0] as string[];
    const [text, speaker] = [headers.indexOf("Text"), headers.indexOf("Speaker")];
    // Swap the Text and Speaker columns, header and data, as dragging them in Sheets does.
    for (const row of all) [row[text], row[speaker]] = [row[speaker], row[text]];
    sheet.getRange(1, 1, all.length, width).setValues(all);
    const moved = clip({ site: "", text: "Moved columns still land right.", speaker: "Dr. Moss" });
    const after = send(endpoint, [moved]);
    expect(after.response.results[0]?.status).toBe("added");
    expect(column(endpoint, "Text").at(-1)).toBe("Moved columns still land right.");
    expect(column(endpoint, "Speaker").at(-1)).toBe("Dr. Moss");
  });

  it("finds a column moved beyond the remembered width", () => {
    const endpoint = openEndpoint();
    send(endpoint, batchOf(1));
    const sheet =
      endpoint.addon.emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Insights")!;
    const width = sheet.getLastColumn();
    const headers = sheet.getRange(1, 1, 1, width).getValues()[0] as string[];
    const speaker = headers.indexOf("Speaker") + 1;
    // The Speaker column moves to the far right: its old place keeps a header of the coordinator's own.
    sheet.insertColumnsAfter(width, 1);
    const values = sheet.getRange(1, speaker, sheet.getLastRow(), 1).getValues();
    sheet.getRange(1, width + 1, values.length, 1).setValues(values);
    sheet.getRange(1, speaker, values.length, 1).setValues(values.map((_, i) => [i === 0 ? "My notes" : ""]));
    send(endpoint, [clip({ site: "", speaker: "Dr. Far" })]);
    expect(column(endpoint, "Speaker").at(-1)).toBe("Dr. Far");
    expect(column(endpoint, "My notes").at(-1)).toBe("");
  });

  it("grows the tab when a coordinator cut rows the cache still remembers", () => {
    const endpoint = openEndpoint();
    send(endpoint, batchOf(1));
    const sheet =
      endpoint.addon.emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Insights")!;
    sheet.deleteRows(3, sheet.getMaxRows() - 2);
    const after = send(endpoint, batchOf(5));
    expect(after.response.results.map((r) => r.status)).toEqual(Array(5).fill("added"));
    expect(endpoint.insights()).toHaveLength(6);
  });
});
