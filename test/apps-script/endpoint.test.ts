// The clip endpoint on the built bundle: doPost refuses bad requests before touching the workbook, lands
// valid clips once, neutralized, in one block, and stays whole under injected faults.
import { describe, expect, it } from "vitest";
import { CELL_CHAR_LIMIT, TRUNCATION_MARKER } from "../../shared/clip/injection.ts";
import type {
  ClipResponse,
  EndpointResponse,
  ErrorResponse,
  HelloResponse,
} from "../../shared/clip/protocol.ts";
import { decodeConnectionCode } from "../../shared/clip/tokens.ts";
import { openAddon, zonedAt } from "../helpers/addon.ts";
import { clip, connect, openEndpoint } from "./endpointHarness.ts";

function asClip(response: EndpointResponse): ClipResponse {
  if (!response.ok || response.op !== "clip")
    throw new Error(`Expected a clip response: ${JSON.stringify(response)}`);
  return response;
}

function asError(response: EndpointResponse): ErrorResponse["error"] {
  if (response.ok) throw new Error(`Expected an error: ${JSON.stringify(response).slice(0, 300)}`);
  return response.error;
}

/** Service calls that touch a spreadsheet (opening it counts). */
function workbookCalls(endpoint: ReturnType<typeof openEndpoint>): number {
  const calls = endpoint.addon.emulator.env.calls;
  return ["SpreadsheetApp", "Spreadsheet", "Sheet", "Range", "TextFinder"].reduce(
    (n, s) => n + calls.total(s),
    0,
  );
}

describe("doPost refuses bad requests before touching the workbook", () => {
  const cases: [string, (token: string) => unknown, string][] = [
    ["bad JSON", () => "{not json", "bad_json"],
    ["an empty body", () => "", "bad_json"],
    ["a JSON array", () => [1, 2], "bad_request"],
    ["an unknown version", (token) => ({ v: 2, token, op: "hello" }), "unsupported_version"],
    ["no version", (token) => ({ token, op: "hello" }), "unsupported_version"],
    ["no token", () => ({ v: 1, op: "hello" }), "unauthorized"],
    ["a malformed token", () => ({ v: 1, token: "let-me-in", op: "hello" }), "unauthorized"],
    ["an unknown operation", (token) => ({ v: 1, token, op: "drop" }), "bad_request"],
    [
      "a batch over the limit",
      (token) => ({ v: 1, token, op: "clip", clips: new Array(501).fill({}) }),
      "too_large",
    ],
  ];
  for (const [what, body, code] of cases) {
    it(`${what} → ${code}`, () => {
      const endpoint = openEndpoint();
      endpoint.addon.emulator.env.calls.reset();
      const error = asError(endpoint.post(body(endpoint.token)));
      expect(error.code).toBe(code);
      expect(error.retryable).toBe(false);
      expect(error.message.length).toBeGreaterThan(20);
      expect(workbookCalls(endpoint)).toBe(0);
    });
  }

  it("refuses a wrong secret and an unknown scribe alike, in the same words", () => {
    const endpoint = openEndpoint();
    const [id, secret] = endpoint.token.split(".") as [string, string];
    const wrongSecret = `${id}.${secret.slice(0, -2)}${secret.endsWith("AA") ? "BB" : "AA"}`;
    const unknownScribe = `zzzzzzzzzzzz.${secret}`;
    endpoint.addon.emulator.env.calls.reset();
    const a = asError(endpoint.post({ v: 1, token: wrongSecret, op: "hello" }));
    const b = asError(endpoint.post({ v: 1, token: unknownScribe, op: "clip", clips: [clip()] }));
    expect(a).toEqual(b);
    expect(a.code).toBe("unauthorized");
    expect(workbookCalls(endpoint)).toBe(0);
    expect(endpoint.insights()).toEqual([]);
  });

  it("answers with ContentService JSON", () => {
    const endpoint = openEndpoint();
    endpoint.addon.emulator.setContext("webapp");
    const output = endpoint.addon.run("doPost", { postData: { contents: "{}" } }) as {
      getMimeType(): string;
    };
    endpoint.addon.emulator.setContext("bound");
    expect(String(output.getMimeType())).toBe("JSON");
  });
});

describe("scribes", () => {
  it("store only a SHA-256 hash of a ≥ 128-bit secret, one script property per scribe", async () => {
    const { createHash } = await import("node:crypto");
    const endpoint = openEndpoint();
    const [id, secret] = endpoint.token.split(".") as [string, string];
    expect(Buffer.from(secret, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const properties = endpoint.addon.emulator.properties.peek("script");
    const stored = JSON.stringify(properties);
    expect(stored).not.toContain(secret);
    const record = JSON.parse(properties[`scribe.${id}`] ?? "{}") as { hash: string; name: string };
    expect(record.name).toBe("Ann Scribe");
    expect(record.hash).toBe(createHash("sha256").update(secret).digest("hex"));
  });

  it("cannot be connected before the web app is deployed, and the coordinator is told how", () => {
    const addon = openAddon({ webAppUrl: "" });
    addon.emulator.ui.respondWith([{ button: "OK", text: "Ann" }]);
    expect(addon.run("connectScribe")).toBeNull();
    const events = addon.emulator.ui.takeEvents();
    expect(events.find((e) => e.type === "prompt")?.message).toMatch(/ends in \/exec/);
    expect(events.find((e) => e.type === "alert")?.message).toMatch(/Deploy → New deployment → Web app/);
    expect(addon.emulator.properties.peek("script")).toEqual({});
  });

  it("asks once for the /exec address when Apps Script only knows the /dev one", () => {
    const addon = openAddon({ webAppUrl: "https://script.google.com/macros/s/SCRIPT/dev" });
    const exec = "https://script.google.com/macros/s/DEPLOYMENT/exec";
    addon.emulator.ui.respondWith([
      { button: "OK", text: ` ${exec} ` },
      { button: "OK", text: "Ann" },
    ]);
    const first = addon.run("connectScribe") as { connectionCode: string };
    addon.emulator.ui.respondWith([{ button: "OK", text: "Bo" }]);
    const second = addon.run("connectScribe") as { connectionCode: string };
    for (const issued of [first, second]) {
      const decoded = decodeConnectionCode(issued.connectionCode);
      expect(decoded.ok && decoded.value.url).toBe(exec);
    }
    expect(addon.emulator.ui.takeEvents().filter((e) => e.type === "prompt")).toHaveLength(3);
  });

  it("are neither connected nor revoked when the coordinator cancels the name prompt", () => {
    const endpoint = openEndpoint();
    endpoint.addon.emulator.ui.respondWith([{ button: "CANCEL", text: "Bo" }]);
    expect(endpoint.addon.run("connectScribe")).toBeNull();
    endpoint.addon.emulator.ui.respondWith([{ button: "CANCEL", text: "ann scribe" }]);
    endpoint.addon.run("revokeScribe");
    const events = endpoint.addon.emulator.ui.takeEvents();
    expect(events.filter((e) => e.type === "dialog")).toEqual([]);
    expect(endpoint.addon.run("listScribes")).toEqual([
      expect.objectContaining({ name: "Ann Scribe", revoked: "" }),
    ]);
    expect(endpoint.post({ v: 1, token: endpoint.token, op: "hello" }).ok).toBe(true);
  });

  it("never share a name, so every clip's Scribe names one person", () => {
    const endpoint = openEndpoint();
    endpoint.addon.emulator.ui.respondWith([{ button: "OK", text: "  ann   SCRIBE " }]);
    expect(endpoint.addon.run("connectScribe")).toBeNull();
    const alert = endpoint.addon.emulator.ui.takeEvents().find((e) => e.type === "alert");
    expect(JSON.stringify(alert)).toMatch(/A scribe called “Ann Scribe” is already connected/);
    expect(JSON.stringify(alert)).toMatch(/Re-issue a scribe's code/);
    expect(endpoint.addon.run("listScribes")).toHaveLength(1);
    expect(connect(endpoint.addon, "Ann Scribe (pharmacy)").name).toBe("Ann Scribe (pharmacy)");
  });

  it("show the connection code once in a dialog, auto-escaped", () => {
    const endpoint = openEndpoint();
    endpoint.addon.emulator.ui.respondWith([{ button: "OK", text: "<b>Bo</b>" }]);
    const issued = endpoint.addon.run("connectScribe") as { connectionCode: string };
    const dialog = endpoint.addon.emulator.ui.takeEvents().find((e) => e.type === "dialog");
    expect(dialog?.html).toContain(issued.connectionCode);
    expect(dialog?.html).toContain("&lt;b&gt;Bo&lt;/b&gt;");
    expect(dialog?.html).not.toContain("<b>Bo</b>");
  });

  it("can be revoked (refused with a clear reason) and re-issued (old code dead, new one works)", () => {
    const endpoint = openEndpoint();
    expect(endpoint.post({ v: 1, token: endpoint.token, op: "hello" }).ok).toBe(true);
    endpoint.addon.emulator.ui.respondWith([{ button: "OK", text: "ann scribe" }, "OK"]);
    endpoint.addon.run("revokeScribe");
    const revoked = asError(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [clip()] }));
    expect(revoked.code).toBe("revoked");
    expect(revoked.retryable).toBe(false);
    expect(endpoint.insights()).toEqual([]);

    const listed = endpoint.addon.run("listScribes") as { name: string; revoked: string }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]?.revoked).not.toBe("");
    expect(JSON.stringify(listed)).not.toContain("hash");

    endpoint.addon.emulator.ui.respondWith([{ button: "OK", text: endpoint.scribeId }]);
    const reissued = endpoint.addon.run("reissueScribe") as { connectionCode: string };
    const token = JSON.parse(Buffer.from(reissued.connectionCode.slice(5), "base64url").toString("utf8")).t;
    expect(asError(endpoint.post({ v: 1, token: endpoint.token, op: "hello" })).code).toBe("unauthorized");
    expect(endpoint.post({ v: 1, token, op: "hello" }).ok).toBe(true);
  });

  it("are rate-limited per token, with a retryable error", () => {
    const endpoint = openEndpoint();
    let accepted = 0;
    let limited: ErrorResponse["error"] | undefined;
    // 120 a minute: a minute boundary during the loop at most doubles what passes.
    for (let i = 0; i < 300 && !limited; i += 1) {
      const response = endpoint.post({ v: 1, token: endpoint.token, op: "hello" });
      if (response.ok) accepted += 1;
      else limited = response.error;
    }
    expect(limited?.code).toBe("rate_limited");
    expect(limited?.retryable).toBe(true);
    expect(limited?.retryAfterSeconds).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThanOrEqual(120);
    expect(accepted).toBeLessThanOrEqual(240);
  });
});

/** Writes records under the headers they name, from row 2, in one block. */
function putRows(
  endpoint: ReturnType<typeof openEndpoint>,
  tab: string,
  rows: Record<string, unknown>[],
): void {
  const book = endpoint.addon.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = book.getSheetByName(tab)!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const values = rows.map((r) => headers.map((h) => r[h] ?? ""));
  sheet.getRange(2, 1, values.length, headers.length).setValues(values);
}

describe("hello", () => {
  it("returns the workbook, scribe, approved tags, kinds, today's sessions, sites and limits", () => {
    const endpoint = openEndpoint();
    const book = endpoint.addon.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
    const put = (tab: string, rows: Record<string, unknown>[]) => putRows(endpoint, tab, rows);
    const at = (days: number, hours: number) => zonedAt(days, hours);
    put("Tags", [
      {
        Tag: "discharge planning",
        Category: "process",
        Synonyms: "discharge, DC planning",
        Status: "approved",
      },
      { Tag: "huddles", Category: "method" },
      { Tag: "proposed", Status: "review" },
      { Tag: "old", Status: "retired" },
    ]);
    put("Peers", [
      { "Site name": "Valley General", Pseudonym: "Site A", "Permission to identify": true, Selected: true },
      { "Site name": "Hill Memorial", Pseudonym: "Site B", "Permission to identify": false, Selected: true },
      { "Site name": "Not chosen", Pseudonym: "Site C", Selected: false },
    ]);
    put("Agenda", [
      {
        Session: "Later case",
        Format: "rapid-fire case",
        "Presenting site": "Site B",
        Start: at(0, 11),
        "Duration (min)": 20,
      },
      {
        Session: "Opening",
        Format: "opening",
        "Presenting site": "Site A",
        Start: at(0, 9),
        "Duration (min)": 15,
      },
      { Session: "Tomorrow", Format: "Q&A", Start: at(1, 9), "Duration (min)": 15 },
    ]);

    const response = endpoint.post({ v: 1, token: endpoint.token, op: "hello" }) as HelloResponse;
    expect(response.ok).toBe(true);
    expect(response.workbook.title).toBe(book.getName());
    expect(response.workbook.title).toBe("Peer Exchange");
    expect(response.scribe.name).toBe("Ann Scribe");
    expect(response.tags).toEqual([
      {
        tag: "discharge planning",
        category: "process",
        description: "",
        synonyms: ["discharge", "DC planning"],
      },
      { tag: "huddles", category: "method", description: "", synonyms: [] },
    ]);
    expect(response.kinds).toContain("did-not-work");
    expect(response.sites).toEqual([
      { label: "Valley General", pseudonym: "Site A", identified: true },
      { label: "Site B", pseudonym: "Site B", identified: false },
    ]);
    expect(response.sessions.map((s) => [s.name, s.site])).toEqual([
      ["Opening", "Valley General"],
      ["Later case", "Site B"],
    ]);
    expect(response.sessions[0]?.start).toBe(at(0, 9).toISOString());
    expect(response.sessions[0]?.end).toBe(new Date(at(0, 9).getTime() + 15 * 60_000).toISOString());
    expect(response.limits).toMatchObject({
      maxBatch: 500,
      maxTextChars: 50_000,
      maxTags: 20,
      maxTagChars: 40,
    });
  });

  it("lists no break and not the slot's end among today's sessions, but a closing session people run", () => {
    const endpoint = openEndpoint();
    const at = (hours: number) => zonedAt(0, hours);
    const rows: Record<string, unknown>[] = [
      { Session: "Case: Site A", Format: "rapid-fire case", Start: at(9), "Duration (min)": 15 },
      { Session: "Break", Format: "break", Start: at(10), "Duration (min)": 10 },
      { Session: "Closing: commitments", Format: "closing", Start: at(11), "Duration (min)": 10 },
      // What Build agenda writes last: the end of the time slot, not a session.
      { Session: "End of time slot", Format: "closing", Start: at(12), "Duration (min)": 0 },
    ];
    putRows(endpoint, "Agenda", rows);

    const response = endpoint.post({ v: 1, token: endpoint.token, op: "hello" }) as HelloResponse;
    expect(response.ok).toBe(true);
    expect(response.sessions.map((s) => [s.name, s.format])).toEqual([
      ["Case: Site A", "rapid-fire case"],
      ["Closing: commitments", "closing"],
    ]);
  });
});

describe("hello's today", () => {
  it("is the date in the workbook's time zone, which the Agenda's times are typed in", () => {
    const endpoint = openEndpoint();
    const now = new Date();
    // A zone whose date differs from the UTC date right now (the script's own zone is UTC).
    const zone = now.getUTCHours() >= 12 ? "Etc/GMT-14" : "Etc/GMT+12";
    const book = endpoint.addon.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
    book.setSpreadsheetTimeZone(zone);
    const localDay = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(now);
    expect(localDay).not.toBe(now.toISOString().slice(0, 10));
    const day = 24 * 3600_000;
    putRows(endpoint, "Agenda", [
      { Session: "Now", Format: "rapid-fire case", Start: now },
      { Session: "A day ago", Format: "rapid-fire case", Start: new Date(now.getTime() - day) },
      { Session: "In a day", Format: "rapid-fire case", Start: new Date(now.getTime() + day) },
    ]);
    const response = endpoint.post({ v: 1, token: endpoint.token, op: "hello" }) as HelloResponse;
    expect(response.today).toBe(localDay);
    expect(response.sessions.map((s) => s.name)).toEqual(["Now"]);
  });
});

describe("hello in a far-west workbook", () => {
  it("lists the sessions of the workbook's today, typed in its zone, not the script's or the host's", () => {
    // 08:00 UTC on March 4 is 22:00 on March 3 in Honolulu.
    const endpoint = openEndpoint({
      now: () => new Date("2026-03-04T08:00:00Z"),
      spreadsheetTimeZone: "Pacific/Honolulu",
    });
    const emulator = endpoint.addon.emulator;
    const headers = endpoint.tab("Agenda")[0] as string[];
    const typed = (session: string, start: string) =>
      headers.map((h) =>
        h === "Session"
          ? session
          : h === "Format"
            ? "rapid-fire case"
            : h === "Start"
              ? start
              : h === "Duration (min)"
                ? "15"
                : "",
      );
    emulator.spreadsheets.edit(
      "Agenda",
      "A2",
      [
        typed("Yesterday's case", "2026-03-02 09:00"),
        typed("Today's case", "2026-03-03 09:00"),
        typed("Tomorrow's case", "2026-03-04 09:00"),
      ].map((row) => row.slice(0, headers.length)),
    );
    const response = endpoint.post({ v: 1, token: endpoint.token, op: "hello" }) as HelloResponse;
    expect(response.today).toBe("2026-03-03");
    expect(response.sessions.map((s) => [s.name, s.start, s.end])).toEqual([
      ["Today's case", "2026-03-03T19:00:00.000Z", "2026-03-03T19:15:00.000Z"],
    ]);
  });
});

describe("hello keeps site names private", () => {
  it("names a presenting site by its pseudonym even when the Agenda holds its real name", () => {
    const endpoint = openEndpoint();
    const today = zonedAt(0, 9);
    putRows(endpoint, "Peers", [
      { "Site name": "Valley General", Pseudonym: "Site A", "Permission to identify": true, Selected: true },
      { "Site name": "Hill Memorial", Pseudonym: "Site B", "Permission to identify": false, Selected: true },
      { "Site name": "Not chosen", Pseudonym: "Site C", "Permission to identify": false, Selected: false },
      { "Site name": "No Pseudonym Yet", "Permission to identify": false, Selected: false },
    ]);
    putRows(endpoint, "Agenda", [
      { Session: "Case one", Format: "rapid-fire case", "Presenting site": "Hill Memorial", Start: today },
      { Session: "Case two", Format: "rapid-fire case", "Presenting site": " not chosen ", Start: today },
      { Session: "Case three", Format: "rapid-fire case", "Presenting site": "Site A", Start: today },
      {
        Session: "Case four",
        Format: "rapid-fire case",
        "Presenting site": "No pseudonym yet",
        Start: today,
      },
    ]);
    const response = endpoint.post({ v: 1, token: endpoint.token, op: "hello" }) as HelloResponse;
    expect(response.ok).toBe(true);
    expect(response.sessions.map((s) => s.site)).toEqual(["Site B", "Site C", "Valley General", ""]);
    expect(JSON.stringify(response)).not.toMatch(/Hill Memorial|Not chosen|No pseudonym/i);
  });

  it("leaves out sites that have neither a pseudonym nor permission to be named", () => {
    const endpoint = openEndpoint();
    putRows(endpoint, "Peers", [
      { "Site name": "Lakeside", "Permission to identify": true },
      { "Site name": "Quiet Hospital", "Permission to identify": false },
      { "Site name": "Named", Pseudonym: "Site N", "Permission to identify": false },
    ]);
    const response = endpoint.post({ v: 1, token: endpoint.token, op: "hello" }) as HelloResponse;
    expect(response.sites).toEqual([
      { label: "Lakeside", pseudonym: "", identified: true },
      { label: "Site N", pseudonym: "Site N", identified: false },
    ]);
  });
});

describe("clip", () => {
  it("lands valid clips in one block, rejects invalid ones with the field, and reports each", () => {
    const endpoint = openEndpoint();
    const clips = [clip({ tags: [] }), clip({ kind: "rumour" }), clip({ tags: [] }), { nonsense: true }];
    endpoint.addon.emulator.env.calls.reset();
    const response = asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips }));
    expect(endpoint.addon.emulator.env.calls.get("Range.setValues")).toBe(1);
    // The web app has no active spreadsheet: it opens the workbook by the id set-up stored.
    expect(endpoint.addon.emulator.env.calls.get("SpreadsheetApp.openById")).toBe(1);
    expect(response.results.map((r) => r.status)).toEqual(["added", "rejected", "added", "rejected"]);
    expect(response.results[0]).toMatchObject({
      status: "added",
      row: 2,
      id: clips[0]!.id,
      truncated: false,
    });
    expect(response.results[2]).toMatchObject({ status: "added", row: 3 });
    expect(response.results[1]).toMatchObject({
      status: "rejected",
      reason: expect.stringContaining("clips[1].kind:"),
    });
    const rows = endpoint.insights();
    expect(rows).toHaveLength(2);
    const headers = endpoint.tab("Insights")[0] as string[];
    const cell = (row: unknown[], header: string) => row[headers.indexOf(header)];
    expect(cell(rows[0]!, "Clip id")).toBe(clips[0]!.id);
    expect(cell(rows[0]!, "Text")).toBe(clips[0]!.text);
    expect(cell(rows[0]!, "Scribe")).toBe("Ann Scribe");
    expect(cell(rows[0]!, "Kind")).toBe("insight");
    expect(cell(rows[0]!, "Tags")).toBe("");
    expect(cell(rows[0]!, "Review status")).toBe("new");
    expect(cell(rows[0]!, "Confidential")).toBe(false);
    expect(cell(rows[0]!, "PHI check")).toBe("none");
    expect(cell(rows[0]!, "Captured at")).toBe("2026-03-04T14:05:00.000Z");
  });

  it("truncates text over the cell limit with a visible marker and says so", () => {
    const endpoint = openEndpoint();
    const long = clip({ text: "x".repeat(60_000) });
    const response = asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [long] }));
    expect(response.results[0]).toMatchObject({ status: "added", truncated: true });
    const headers = endpoint.tab("Insights")[0] as string[];
    const text = String(endpoint.insights()[0]![headers.indexOf("Text")]);
    expect(text.length).toBeLessThanOrEqual(CELL_CHAR_LIMIT);
    expect(text.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(text.startsWith("xxxx")).toBe(true);
  });

  it("refuses an impossible capture time and lands the rest, never shifting the date", () => {
    const endpoint = openEndpoint();
    const bad = clip({ capturedAt: "2026-02-31T10:00:00Z" });
    const good = clip();
    const response = asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [bad, good] }));
    expect(response.results[0]).toMatchObject({ status: "rejected" });
    expect((response.results[0] as { reason: string }).reason).toMatch(
      /capturedAt: 2026-02-31 is not a date/,
    );
    expect(response.results[1]).toMatchObject({ status: "added" });
    expect(endpoint.insights()).toHaveLength(1);
  });

  it("neutralizes NUL and right-to-left overrides in every field and says which fields", () => {
    const endpoint = openEndpoint();
    const sent = clip({ text: "gpj\u202e.exe\u0000 huddle", speaker: "Ann\u202e Lee" });
    const response = asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [sent] }));
    expect(response.results[0]).toMatchObject({ status: "added", neutralized: ["text", "speaker"] });
    const headers = endpoint.tab("Insights")[0] as string[];
    const row = endpoint.insights()[0]!;
    expect(row[headers.indexOf("Text")]).toBe("gpj.exe huddle");
    expect(row[headers.indexOf("Speaker")]).toBe("Ann Lee");
  });

  it("rejects a clip with 10,000 tags with a clear reason, and lands the rest of the batch", () => {
    const endpoint = openEndpoint();
    const tags = Array.from({ length: 10_000 }, (_, i) => `tag ${i}`);
    const response = asClip(
      endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [clip({ tags }), clip()] }),
    );
    expect(response.results[0]).toMatchObject({
      status: "rejected",
      reason: "clips[0].tags: a clip has at most 20 tags (got 10,000)",
    });
    expect(response.results[1]?.status).toBe("added");
    expect(endpoint.insights()).toHaveLength(1);
    expect(endpoint.tab("Tags").flat()).not.toContain("tag 1");
  });

  it("lands formula-like strings (= + - @ tab CR LF) as literal text, never as formulas", () => {
    const endpoint = openEndpoint();
    const payloads = [
      '=HYPERLINK("http://evil.test")',
      "+1+2",
      "-3+4",
      "@SUM(A1:A2)",
      "\t=1+1",
      "\r=1+1",
      "\n=1+1",
    ];
    const clips = payloads.map((p) =>
      clip({
        text: p,
        speaker: p,
        site: p,
        session: p,
        tags: [p.trim()],
        source: { platform: "web", url: "", title: p },
      }),
    );
    const response = asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips }));
    expect(response.results.every((r) => r.status === "added")).toBe(true);
    const headers = endpoint.tab("Insights")[0] as string[];
    const rows = endpoint.insights();
    // The only formulas are the derived Tag key column's; no clip text became one.
    const derived = headers.indexOf("Tag key");
    const formulas = endpoint.formulas("Insights").slice(1);
    expect(formulas.flatMap((row) => row.filter((f, c) => c !== derived && f !== ""))).toEqual([]);
    expect(formulas.every((row) => String(row[derived]).startsWith("=IF(TRIM("))).toBe(true);
    rows.forEach((row, i) => {
      expect(row[headers.indexOf("Text")]).toBe(payloads[i]);
      expect(row[headers.indexOf("Speaker")]).toBe(payloads[i]!.replace(/\s+/g, " ").trim());
    });
    // New tags land on Tags literal too (the use-count formula is the only formula there).
    const tagFormulas = endpoint
      .formulas("Tags")
      .flat()
      .filter((f) => f !== "");
    expect(tagFormulas.every((f) => f.startsWith("=IF("))).toBe(true);
    const tagColumn = (endpoint.tab("Tags")[0] as string[]).indexOf("Tag");
    expect(endpoint.tab("Tags").map((r) => r[tagColumn])).toEqual(
      expect.arrayContaining(["=1+1", "+1+2", "@SUM(A1:A2)"]),
    );
  });

  it("keeps text Sheets would read as a number, boolean or date", () => {
    const endpoint = openEndpoint();
    const texts = ["42", "TRUE", "2026-03-04", "'quoted'"];
    asClip(
      endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: texts.map((text) => clip({ text })) }),
    );
    const headers = endpoint.tab("Insights")[0] as string[];
    expect(endpoint.insights().map((r) => r[headers.indexOf("Text")])).toEqual(texts);
  });

  it("adds unknown tags to the taxonomy once, for review, and knows tags by synonym", () => {
    const endpoint = openEndpoint();
    const book = endpoint.addon.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
    const tags = book.getSheetByName("Tags")!;
    const headers = tags.getRange(1, 1, 1, tags.getLastColumn()).getValues()[0] as string[];
    tags
      .getRange(2, 1, 1, headers.length)
      .setValues([
        headers.map(
          (h) => ({ Tag: "Discharge planning", Synonyms: "DC planning", Status: "approved" })[h] ?? "",
        ),
      ]);
    const first = asClip(
      endpoint.post({
        v: 1,
        token: endpoint.token,
        op: "clip",
        clips: [
          clip({ tags: ["discharge planning", "Huddles"] }),
          clip({ tags: ["huddles", "dc planning", "Sepsis"] }),
        ],
      }),
    );
    expect(first.newTags).toEqual(["Huddles", "Sepsis"]);
    const second = asClip(
      endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [clip({ tags: ["HUDDLES"] })] }),
    );
    expect(second.newTags).toEqual([]);
    const rows = endpoint.tab("Tags").slice(1);
    const col = (h: string) => (endpoint.tab("Tags")[0] as string[]).indexOf(h);
    expect(rows.map((r) => [r[col("Tag")], r[col("Status")], r[col("Added by")]])).toEqual([
      ["Discharge planning", "approved", ""],
      ["Huddles", "review", "Ann Scribe"],
      ["Sepsis", "review", "Ann Scribe"],
    ]);
  });

  it("lands a clip id once: within a batch, across batches, and after the cache forgot it", () => {
    let now = Date.parse("2026-11-25T12:00:00Z");
    const endpoint = openEndpoint({ now: () => new Date(now) });
    const a = clip();
    const b = clip();
    const first = asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [a, a, b] }));
    expect(first.results.map((r) => [r.status, "row" in r ? r.row : undefined])).toEqual([
      ["added", 2],
      ["duplicate", 2],
      ["added", 3],
    ]);
    const again = asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [b, clip()] }));
    expect(again.results.map((r) => r.status)).toEqual(["duplicate", "added"]);
    expect(again.results[0]).toMatchObject({ row: 3 });
    // Seven hours later the cache has forgotten: the Clip id column is read once instead (and the
    // filter of written ids rebuilt from it).
    now += 7 * 3600_000;
    endpoint.addon.emulator.env.calls.reset();
    const upper = { ...a, id: String(a.id).toUpperCase() };
    const later = asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [upper, b] }));
    expect(endpoint.addon.emulator.env.calls.get("TextFinder.findAll")).toBe(0);
    // Insights' header row and Clip id column, the Peers header row (the clips name a site), and the
    // Tags tab's header row and taxonomy.
    expect(endpoint.addon.emulator.env.calls.get("Range.getValues")).toBe(5);
    expect(later.results).toMatchObject([
      { status: "duplicate", row: 2 },
      { status: "duplicate", row: 3 },
    ]);
    expect(endpoint.insights()).toHaveLength(3);
  });

  it("answers busy (retryable) and writes nothing when the script lock is not free", () => {
    const endpoint = openEndpoint();
    const emulator = endpoint.addon.emulator;
    emulator.env.faults.lockContention = true;
    const batch = { v: 1, token: endpoint.token, op: "clip", clips: [clip({ tags: ["brand new"] }), clip()] };
    const error = asError(endpoint.post(batch));
    expect(error.code).toBe("busy");
    expect(error.retryable).toBe(true);
    expect(endpoint.insights()).toEqual([]);
    expect(endpoint.tab("Tags").flat()).not.toContain("brand new");
    expect(emulator.locks.holding).toBe(0);
    emulator.env.faults.clear();
    const retry = asClip(endpoint.post(batch));
    expect(retry.results.map((r) => r.status)).toEqual(["added", "added"]);
    expect(endpoint.insights()).toHaveLength(2);
  });

  it("leaves nothing half-written when the append fails, and a retry lands each clip once", () => {
    const endpoint = openEndpoint();
    const emulator = endpoint.addon.emulator;
    const batch = {
      v: 1,
      token: endpoint.token,
      op: "clip",
      clips: [clip({ tags: ["fresh tag"] }), clip(), clip()],
    };
    emulator.env.faults.throwOn("Range.setValues", 1, "Service Spreadsheets failed while accessing document");
    const error = asError(endpoint.post(batch));
    expect(error).toMatchObject({ code: "server_error", retryable: true });
    expect(endpoint.insights()).toEqual([]);
    expect(endpoint.tab("Tags").flat()).not.toContain("fresh tag");
    expect(emulator.locks.holding).toBe(0);
    const retry = asClip(endpoint.post(batch));
    expect(retry.results.map((r) => r.status)).toEqual(["added", "added", "added"]);
    expect(endpoint.insights()).toHaveLength(3);
    expect(
      endpoint
        .tab("Tags")
        .flat()
        .filter((v) => v === "fresh tag"),
    ).toHaveLength(1);
  });

  it("answers a quota error as retryable and writes nothing", () => {
    const endpoint = openEndpoint();
    endpoint.addon.emulator.env.faults.quotaExceeded("Range.setValues");
    const error = asError(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [clip()] }));
    expect(error).toMatchObject({ code: "server_error", retryable: true });
    expect(error.message).toMatch(/too many times/);
    expect(endpoint.insights()).toEqual([]);
    expect(endpoint.addon.emulator.locks.holding).toBe(0);
  });

  it("completes the tags on retry when only the tag write failed", () => {
    const endpoint = openEndpoint();
    const emulator = endpoint.addon.emulator;
    const batch = { v: 1, token: endpoint.token, op: "clip", clips: [clip({ tags: ["late tag"] })] };
    // The first setValues is the Insights block; the second the new tags.
    emulator.env.faults.throwOn("Range.setValues", 2, "Service Spreadsheets timed out");
    expect(asError(endpoint.post(batch)).retryable).toBe(true);
    expect(endpoint.insights()).toHaveLength(1);
    const retry = asClip(endpoint.post(batch));
    expect(retry.results[0]?.status).toBe("duplicate");
    expect(retry.newTags).toEqual(["late tag"]);
    expect(endpoint.insights()).toHaveLength(1);
    expect(
      endpoint
        .tab("Tags")
        .flat()
        .filter((v) => v === "late tag"),
    ).toHaveLength(1);
  });

  it("does not open the workbook for a batch in which every clip is invalid", () => {
    const endpoint = openEndpoint();
    endpoint.addon.emulator.env.calls.reset();
    const response = asClip(
      endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [{}, { id: 1 }] }),
    );
    expect(response.results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(workbookCalls(endpoint)).toBe(0);
  });

  it("makes the same service calls into 1,000 and 20,000 existing rows", () => {
    const callsFor = (existing: number) => {
      const endpoint = openEndpoint();
      const sheet =
        endpoint.addon.emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Insights")!;
      const width = sheet.getLastColumn();
      sheet.insertRowsAfter(sheet.getMaxRows(), existing);
      const rows = Array.from({ length: existing }, (_, i) => {
        const row = new Array(width).fill("");
        row[0] = `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
        return row;
      });
      sheet.getRange(2, 1, existing, width).setValues(rows);
      const clips = Array.from({ length: 100 }, () => clip());
      clips[0] = { ...clips[0], id: rows[existing - 1]![0] };
      endpoint.addon.emulator.env.calls.reset();
      const response = asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips }));
      expect(response.results[0]).toMatchObject({ status: "duplicate", row: existing + 1 });
      expect(response.results.filter((r) => r.status === "added")).toHaveLength(99);
      return endpoint.addon.emulator.env.calls.snapshot();
    };
    const small = callsFor(1_000);
    const large = callsFor(20_000);
    expect(large).toEqual(small);
    // Headers of Insights and Tags, the taxonomy, and Insights' headers again for the Tags formula.
    expect(small["Range.getValues"] ?? 0).toBeLessThanOrEqual(4);
    expect(small["Range.setValues"]).toBe(2);
  });
});

describe("errors a scribe cannot fix", () => {
  it("tell the scribe to ask the coordinator, and what the coordinator should do", () => {
    const endpoint = openEndpoint();
    const book = endpoint.addon.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
    book.getSheetByName("Insights")!.setName("Old clips");
    const missingTab = asError(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [clip()] }));
    expect(missingTab.code).toBe("not_set_up");
    expect(missingTab.message).toMatch(/coordinator/i);
    expect(missingTab.message).toMatch(/Set up \/ repair/);

    const store = endpoint.addon.emulator.globals.PropertiesService;
    store.getScriptProperties().deleteProperty("workbookId");
    store.getDocumentProperties()?.deleteProperty("workbookId");
    const notSetUp = asError(endpoint.post({ v: 1, token: endpoint.token, op: "hello" }));
    expect(notSetUp.code).toBe("not_set_up");
    expect(notSetUp.message).toMatch(/coordinator/i);
  });
});

describe("clip, when people edit the Insights tab", () => {
  /** The Insights tab as the coordinator edits it in Sheets. */
  function insightsSheet(endpoint: ReturnType<typeof openEndpoint>) {
    return endpoint.addon.emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Insights")!;
  }

  it("reports a duplicate at the row the clip is in now, after rows were deleted, inserted or sorted", () => {
    const endpoint = openEndpoint();
    const [a, b, c] = [clip({ text: "c text" }), clip({ text: "a text" }), clip({ text: "b text" })];
    const send = (clips: unknown[]) =>
      asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips }));
    send([a, b, c]);
    const sheet = insightsSheet(endpoint);
    const headers = endpoint.tab("Insights")[0] as string[];
    const rowOf = (id: unknown) =>
      endpoint.insights().findIndex((r) => r[headers.indexOf("Clip id")] === id) + 2;

    sheet.deleteRow(2);
    expect(send([b]).results[0]).toMatchObject({ status: "duplicate", row: rowOf(b.id) });
    sheet.insertRowsBefore(2, 3);
    expect(send([c]).results[0]).toMatchObject({ status: "duplicate", row: rowOf(c.id) });
    sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort(headers.indexOf("Text") + 1);
    const sorted = send([b, c]);
    expect(sorted.results).toMatchObject([
      { status: "duplicate", row: rowOf(b.id) },
      { status: "duplicate", row: rowOf(c.id) },
    ]);
    expect(rowOf(b.id)).not.toBe(rowOf(c.id));
  });

  it("recognizes a retried batch by the rows it landed in, checked with one read, no search", () => {
    const endpoint = openEndpoint();
    const clips = Array.from({ length: 100 }, () => clip());
    asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: clips.slice(0, 60) }));
    asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [clip()] }));
    asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: clips.slice(60) }));
    const { calls } = endpoint.addon.emulator.env;
    calls.reset();
    const retry = asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips }));
    expect(retry.results.map((r) => (r.status === "duplicate" ? r.row : r.status))).toEqual(
      clips.map((_, i) => (i < 60 ? i + 2 : i + 3)),
    );
    expect(calls.get("TextFinder.findAll")).toBe(0);
    expect(calls.get("Range.getValue")).toBe(0);
  });

  it("never lands a clip twice, even when a person deleted its row (and names no row then)", () => {
    const endpoint = openEndpoint();
    const a = clip();
    endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [a, clip()] });
    insightsSheet(endpoint).deleteRow(2);
    const retry = asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [a] }));
    expect(retry.results[0]).toEqual({ index: 0, id: a.id, status: "duplicate" });
    expect(endpoint.insights()).toHaveLength(1);
  });

  it("flushes its writes before it lets the script lock go, so the next execution sees them", () => {
    const endpoint = openEndpoint();
    const { emulator } = endpoint.addon;
    const app = emulator.globals.SpreadsheetApp as unknown as { flush(): void };
    const flush = app.flush.bind(app);
    const heldAtFlush: number[] = [];
    app.flush = () => {
      heldAtFlush.push(emulator.locks.holding);
      flush();
    };
    asClip(endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [clip({ tags: ["new one"] })] }));
    expect(heldAtFlush.length).toBeGreaterThanOrEqual(1);
    expect(heldAtFlush.every((held) => held > 0)).toBe(true);
  });

  it("keeps what it writes for a 50,000-character clip within the cell limit, quote prefix included", () => {
    const endpoint = openEndpoint();
    const text = "y".repeat(CELL_CHAR_LIMIT);
    const response = asClip(
      endpoint.post({ v: 1, token: endpoint.token, op: "clip", clips: [clip({ text })] }),
    );
    expect(response.results[0]).toMatchObject({ status: "added", truncated: true });
    const headers = endpoint.tab("Insights")[0] as string[];
    const stored = String(endpoint.insights()[0]![headers.indexOf("Text")]);
    expect(stored.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(stored.length).toBeLessThan(CELL_CHAR_LIMIT);
  });
});
