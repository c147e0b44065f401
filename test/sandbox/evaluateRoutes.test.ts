// The evaluate flow through the sandbox's HTTP interface: create the survey, answer it on the form page
// as respondents would, summarize; export the compendium and download it as a valid .docx.
import { afterEach, describe, expect, it } from "vitest";
import { type SandboxServer, startServer } from "../../sandbox/server.ts";
import { unzip } from "../helpers/unzip.ts";

let server: SandboxServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers field by field.
type Json = any;

async function api(path: string, body: unknown): Promise<Json> {
  const response = await fetch(`${server!.url}${path}`, { method: "POST", body: JSON.stringify(body) });
  return response.json();
}

const runItem = (fn: string, responses: string[] = ["OK"]) => api("/api/run", { fn, responses });

async function exchange(): Promise<void> {
  server = await startServer({ port: 0 });
  await runItem("setUpWorkbook");
  const book: Json = await (await fetch(`${server.url}/api/workbook`)).json();
  const peers = book.sheets.find((s: { name: string }) => s.name === "Peers");
  const headers = peers.values[0] as string[];
  const row = (values: Record<string, unknown>) => headers.map((h) => (h in values ? values[h] : null));
  const last = String.fromCharCode(64 + headers.length);
  await api("/api/edit", {
    sheet: "Peers",
    range: `A2:${last}3`,
    values: [
      row({ "Site name": "Lakeside", Pseudonym: "Site A", "Permission to identify": true, Selected: true }),
      row({ "Site name": "Hilltop", Pseudonym: "Site B", "Permission to identify": false, Selected: true }),
    ].map((r) => r.map((cell) => (cell === null ? "" : cell))),
  });
}

/** A respondent's submission: the form page's own field names, chosen by the question's label text. */
function fill(html: string, answers: Record<string, string>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [question, value] of Object.entries(answers)) {
    const pattern = new RegExp(
      `(?:for="(item-\\d+)">|<legend>)[^<]*${question}[\\s\\S]*?name="(item-\\d+)"`,
      "i",
    );
    const match = pattern.exec(html);
    if (!match) throw new Error(`no question “${question}” on the form page`);
    body.set((match[1] ?? match[2]) as string, value);
  }
  return body;
}

describe("evaluate through the sandbox", () => {
  it("creates the survey, takes answers on its form page, and summarizes them", async () => {
    await exchange();
    const created = await runItem("createSurvey");
    expect(created.ok).toBe(true);
    const id = created.result.id as string;

    // The link the coordinator is given is this server's form page.
    expect(created.result.url).toBe(`${server!.url}/forms/${id}`);
    const page = await fetch(created.result.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<main>/);
    expect(html).toContain("<option>Lakeside</option><option>Site B</option>");
    expect(html).not.toContain("Hilltop");

    const answers = [
      {
        site: "Lakeside",
        satisfied: "5",
        relevant: "4",
        confident: "4",
        recommend: "10",
        differently: "Pilot on one ward",
      },
      { site: "Site B", satisfied: "3", relevant: "5", confident: "2", recommend: "6", differently: "" },
    ];
    for (const a of answers) {
      const body = fill(html, a);
      const posted = await fetch(`${server!.url}/forms/${id}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: server!.url },
        body,
      });
      expect(posted.status).toBe(200);
      expect(await posted.text()).toContain("Your response has been recorded.");
    }
    // A required question left blank is refused with the reason, and nothing is recorded.
    const incomplete = await fetch(`${server!.url}/forms/${id}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: fill(html, { site: "Lakeside" }),
    });
    expect(incomplete.status).toBe(400);
    expect(await incomplete.text()).toMatch(/role="alert".*is a required question/s);
    // Another origin may not answer on someone's behalf.
    const foreign = await fetch(`${server!.url}/forms/${id}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://evil.example" },
      body: fill(html, answers[0]!),
    });
    expect(foreign.status).toBe(403);

    const summary = await runItem("summarizeSurvey");
    expect(summary.result).toMatchObject({ ok: true, imported: 2, responses: 2 });
    const book: Json = await (await fetch(`${server!.url}/api/workbook`)).json();
    const evaluation = book.sheets.find((s: { name: string }) => s.name === "Evaluation");
    const headers = evaluation.values[0] as string[];
    const satisfaction = (evaluation.values as unknown[][]).find(
      (r) => r[headers.indexOf("Item")] === "Satisfaction",
    )!;
    expect(satisfaction[headers.indexOf("n")]).toBe(2);
    expect(satisfaction[headers.indexOf("Median")]).toBe(4);
    expect(satisfaction[headers.indexOf("Top-2-box %")]).toBe(50);
  });

  it("downloads the compendium as a .docx whose document.xml holds its text", async () => {
    await exchange();
    await api("/api/edit", {
      sheet: "Charter",
      range: "B2",
      values: [["Discharge exchange"]],
    });
    const book: Json = await (await fetch(`${server!.url}/api/workbook`)).json();
    const charter = book.sheets.find((s: { name: string }) => s.name === "Charter").values as string[][];
    const rowOf = (label: string) => charter.findIndex((r) => r[0] === label) + 1;
    await api("/api/edit", {
      sheet: "Charter",
      range: `B${rowOf("Ownership")}`,
      values: [["Owned jointly by the sites."]],
    });
    await api("/api/edit", {
      sheet: "Charter",
      range: `B${rowOf("Dissemination")}`,
      values: [["Within the exchange only."]],
    });
    const practices = book.sheets.find((s: { name: string }) => s.name === "Practices").values[0] as string[];
    const cell = (header: string) => String.fromCharCode(65 + practices.indexOf(header));
    for (const [header, value] of [
      ["Title", "Morning discharge huddle"],
      ["Source site", "Hilltop"],
      ["Tags", "discharge planning"],
      ["Status", "published"],
    ])
      await api("/api/edit", { sheet: "Practices", range: `${cell(header)}2`, values: [[value]] });

    const exported = await runItem("exportCompendium");
    expect(exported.result.ok).toBe(true);
    const response = await fetch(`${server!.url}/api/documents/${exported.result.id}.docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("wordprocessingml");
    const files = unzip(Buffer.from(await response.arrayBuffer()));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml"]));
    const text = (files["word/document.xml"] ?? "").replace(/<[^>]+>/g, " ");
    expect(text).toContain("Morning discharge huddle");
    expect(text).toContain("Owned jointly by the sites.");
    expect(text).toContain("Source site: Site B");
    expect(text).not.toContain("Hilltop");

    const missing = await fetch(`${server!.url}/api/documents/nope.docx`);
    expect(missing.status).toBe(404);
  });
});
