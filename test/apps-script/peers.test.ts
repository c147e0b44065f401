// Peers on the built bundle: weighted-score formulas (evaluated by HyperFormula) equal the shared method,
// similarity suggested against the host, pseudonyms, Select peer group with its constraints and chart.
import { describe, expect, it } from "vitest";
import { pseudonym } from "../../shared/methods/pseudonyms.ts";
import { weightedScore } from "../../shared/methods/weightedScore.ts";
import { PEERS, type PeerFixture, WEIGHTS } from "../fixtures/peers.ts";
import { openAddon } from "../helpers/addon.ts";
import {
  alerts,
  exchangeWithPeers,
  lastAlert,
  PRIVATE_NAMES,
  peerRecord,
  records,
  settingLabel,
  setUp,
  workbook,
  writeForm,
  writeRows,
} from "./peerWorkbook.ts";

type Report = { ok: boolean; message: string; selected: string[]; unmet: string[] };

const scoresOf = (p: PeerFixture) => ({
  similarity: p.similarity,
  success: p.success,
  willingness: p.willingness,
  diversity: p.diversity,
});

describe("Select peer group (built bundle)", () => {
  it("weighted-score formulas, with weights from Settings, equal the shared weightedScore", () => {
    const addon = exchangeWithPeers();
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("selectPeers");
    const rows = records(addon, "Peers");
    expect(rows).toHaveLength(PEERS.length);
    const sheet = workbook(addon).getSheetByName("Peers")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const formula = sheet.getRange(2, headers.indexOf("Weighted score") + 1).getFormula();
    expect(formula).toMatch(/Settings!\$B\$\d+/); // weights are read from Settings, not baked in
    PEERS.forEach((p, i) => {
      const expected = weightedScore(scoresOf(p), WEIGHTS).score;
      const cell = rows[i]!["Weighted score"];
      if (expected === undefined) {
        expect(cell).toBe("");
        expect(rows[i]!["Missing scores"]).toBe("success");
      } else expect(cell as number).toBeCloseTo(expected, 10);
    });
  });

  it("a weight edited in Settings updates the formulas at once", () => {
    const addon = exchangeWithPeers();
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("selectPeers");
    const settings = workbook(addon).getSheetByName("Settings")!;
    const labels = settings
      .getRange(1, 1, settings.getLastRow(), 1)
      .getValues()
      .map((r) => r[0]);
    const weights = { similarity: 0.1, success: 0.2, willingness: 0.3, diversity: 0.4 };
    settings.getRange(labels.indexOf("Weight: similarity of context") + 1, 2).setValue(weights.similarity);
    settings.getRange(labels.indexOf("Weight: demonstrated success") + 1, 2).setValue(weights.success);
    settings.getRange(labels.indexOf("Weight: willingness to share") + 1, 2).setValue(weights.willingness);
    settings.getRange(labels.indexOf("Weight: diversity of perspective") + 1, 2).setValue(weights.diversity);
    const rows = records(addon, "Peers");
    expect(rows[0]!["Weighted score"] as number).toBeCloseTo(
      weightedScore(scoresOf(PEERS[0]!), weights).score!,
      10,
    );
  });

  it("selects the six best willing candidates meeting every constraint, and explains each choice", () => {
    const addon = exchangeWithPeers();
    addon.emulator.ui.respondWith(["OK"]);
    const report = addon.run("selectPeers") as Report;
    expect(report.ok).toBe(true);
    expect(report.unmet).toEqual([]);
    const rows = records(addon, "Peers");
    expect(rows.map((r) => r.Pseudonym)).toEqual(PEERS.map((_, i) => pseudonym(i)));
    const selected = rows.filter((r) => r.Selected === true).map((r) => r["Site name"]);
    expect(selected).toEqual([
      "Lakeside University Hospital",
      "St. Brigid Community Hospital",
      "Northfield Regional Medical Center",
      "Harborview Children's Hospital",
      "Cedar Ridge Veterans Hospital",
      "Bayshore Rehabilitation Institute",
    ]);
    const chosen = rows.filter((r) => r.Selected === true);
    expect(chosen.some((r) => r.Outlier === true)).toBe(true);
    expect(new Set(chosen.map((r) => r.Setting)).size).toBeGreaterThan(1);
    expect(chosen.every((r) => (r["Willingness to share"] as number) >= 3)).toBe(true);
    const mesa = rows.find((r) => r["Site name"] === "Mesa Verde Health System")!;
    expect(mesa["Selection note"]).toMatch(/below the floor of 3/);
    const message = lastAlert(addon);
    expect(message).toMatch(/^Selected 6 sites:/);
    expect(message).toMatch(/All constraints met/);
    // The alert names sites by the naming rule: Lakeside granted permission to identify, St. Brigid did not.
    expect(message).toMatch(/Lakeside University Hospital: Rank 2/);
    expect(message).not.toMatch(PRIVATE_NAMES);
  });

  it("each Selection note's rank is the Rank the sheet shows, ties included, and the tie is said", () => {
    // Site B gets Site A's scores: a tie at the top.
    const tied = PEERS.map((p, i) => (i === 1 ? { ...PEERS[1]!, ...scoresOf(PEERS[0]!) } : p));
    const addon = exchangeWithPeers(tied);
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("selectPeers");
    const rows = records(addon, "Peers");
    expect(rows[0]!.Rank).toBe(rows[1]!.Rank);
    for (const row of rows) {
      const noted = /^Rank (\d+) /.exec(String(row["Selection note"]));
      if (row.Rank === "") expect(noted).toBeNull();
      else expect(Number(noted?.[1])).toBe(row.Rank);
    }
    expect(lastAlert(addon)).toMatch(
      /Lakeside University Hospital, Site B tie at weighted score [\d.]+; the tie is broken by row order/,
    );
  });

  it("with no candidate fully scored, names the unranked and says what to fill in", () => {
    const unscored = PEERS.slice(0, 3).map((p) => ({ ...p, success: "" as const }));
    const addon = exchangeWithPeers(unscored);
    addon.emulator.ui.respondWith(["OK"]);
    const report = addon.run("selectPeers") as Report;
    expect(report.selected).toEqual([]);
    const message = lastAlert(addon);
    expect(message).toMatch(
      /Not ranked until all four criteria are scored 1–5 .*: Lakeside University Hospital, Site B, Northfield Regional Medical Center\./,
    );
    expect(message).toMatch(/Nothing was ticked on the Peers tab\. Score each candidate's four criteria/);
    expect(message).not.toMatch(/Selected is ticked/);
  });

  it("a pasted score outside 1–5 is no score on the sheet either: unranked there and in the selection", () => {
    const pasted = PEERS.map((p, i) =>
      i === 0 ? { ...p, willingness: 7 } : i === 1 ? { ...p, diversity: 0 } : p,
    );
    const addon = exchangeWithPeers();
    // Sheets refuses out-of-range scores while the 1–5 rules reject input, from scripts too: such scores
    // arrive once a person has switched the rules to "show a warning".
    const peers = workbook(addon).getSheetByName("Peers")!;
    const rules = peers.getRange(2, 1, peers.getMaxRows() - 1, peers.getMaxColumns()).getDataValidations();
    const relaxed = rules.map((line) => line.map((r) => (r ? r.copy().setAllowInvalid(true).build() : null)));
    peers.getRange(2, 1, peers.getMaxRows() - 1, peers.getMaxColumns()).setDataValidations(relaxed);
    writeRows(addon, "Peers", pasted.map(peerRecord));
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("selectPeers");
    const rows = records(addon, "Peers");
    expect(rows[0]!["Weighted score"]).toBe("");
    expect(rows[0]!.Rank).toBe("");
    expect(rows[0]!["Missing scores"]).toBe("willingness (not 1–5)");
    expect(rows[1]!["Missing scores"]).toBe("diversity (not 1–5)");
    expect(rows[0]!["Selection note"]).toMatch(
      /^Not ranked: not a score from 1 to 5: Willingness to share\./,
    );
    expect(rows[0]!.Selected).toBe(false);
    expect(weightedScore(scoresOf(pasted[0]!), WEIGHTS).score).toBeUndefined();
  });

  it("a blank weight in Settings stops selection with what to fill in, rather than ranking unlike the sheet", () => {
    const addon = exchangeWithPeers();
    writeForm(addon, "Settings", { [settingLabel("weightSuccess")]: "" });
    addon.emulator.ui.respondWith(["OK"]);
    const report = addon.run("selectPeers") as Report;
    expect(report.ok).toBe(false);
    expect(lastAlert(addon)).toMatch(
      /^“Weight: demonstrated success” is blank or not a number on the Settings tab .*Type a number from 0 to 1 for each criterion weight/,
    );
    expect(records(addon, "Peers").some((r) => r.Selected === true)).toBe(false);
  });

  it("says which constraint it could not meet", () => {
    const noOutliers = PEERS.map((p) => ({ ...p, outlier: false }));
    const addon = exchangeWithPeers(noOutliers);
    addon.emulator.ui.respondWith(["OK"]);
    const report = addon.run("selectPeers") as Report;
    expect(report.unmet).toHaveLength(1);
    expect(report.unmet[0]).toMatch(/no eligible candidate is marked as an outlier/);
    expect(lastAlert(addon)).toMatch(/Could not meet:/);
  });

  it("draws each candidate's weighted score by criterion, by the naming rule, and updates it on a re-run", () => {
    const addon = exchangeWithPeers();
    addon.emulator.ui.respondWith(["OK", "OK"]);
    addon.run("selectPeers");
    addon.run("selectPeers");
    const book = addon.emulator.spreadsheets.describe();
    const peers = book.sheets.find((s: { name: string }) => s.name === "Peers")!;
    const charts = peers.charts as { type: string; options: Record<string, unknown> }[];
    expect(charts).toHaveLength(1);
    expect(String(charts[0]!.options.title)).toMatch(/Weighted score by criterion/);
    const data = records(addon, "Peer Scores Chart");
    expect(data.map((r) => r.Site)).toContain("Site B");
    expect(data.map((r) => r.Site)).toContain("Lakeside University Hospital"); // permission granted
    expect(JSON.stringify(data)).not.toMatch(PRIVATE_NAMES);
    const siteB = data.find((r) => r.Site === "Site B")!;
    const total = Object.entries(siteB)
      .filter(([k]) => k !== "Site")
      .reduce((a, [, v]) => a + (v as number), 0);
    expect(total).toBeCloseTo(weightedScore(scoresOf(PEERS[1]!), WEIGHTS).score!, 3);
  });

  it("suggests similarity against the host and fills only blank scores", () => {
    const blank = PEERS.map((p, i) => (i < 2 ? { ...p, similarity: "" as const } : p));
    const addon = exchangeWithPeers(blank);
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("suggestPeerSimilarity");
    const rows = records(addon, "Peers");
    expect(rows[0]!["Suggested similarity"]).toBe(5); // Lakeside: urban academic, 510 beds, CMI 1.71
    expect(rows[3]!["Suggested similarity"]).toBe(1); // Prairie View: rural critical access, 25 beds
    expect(rows[0]!["Similarity of context"]).toBe(5);
    expect(rows[2]!["Similarity of context"]).toBe(PEERS[2]!.similarity); // typed scores are kept
    expect(lastAlert(addon)).toMatch(/Filled 2 blank/);
  });

  it("with only part of the host filled in, says what it compared and what to add", () => {
    const addon = exchangeWithPeers();
    writeForm(addon, "Charter", { "Host type": "", "Host beds": "", "Host case-mix index": "" });
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("suggestPeerSimilarity");
    const message = lastAlert(addon);
    expect(message).toMatch(
      /candidates in the “Suggested similarity” column, comparing setting with the host\./,
    );
    expect(message).toContain(
      "For a finer suggestion, fill in Host type, Host beds, Host case-mix index on the Charter tab and run this again.",
    );
    expect(message).toContain(
      "The “Similarity of context” scores you typed were kept: compare them with the suggestions.",
    );
    expect(records(addon, "Peers")[0]!["Suggested similarity"]).toBe(5); // Lakeside: urban, as the host
  });

  it("before set-up, every planning item says what to run instead of failing", () => {
    const addon = openAddon();
    for (const fn of ["selectPeers", "suggestPeerSimilarity", "buildAgenda", "showSpeakingTimer"]) {
      addon.emulator.ui.respondWith(["OK"]);
      expect(() => addon.run(fn)).not.toThrow();
      expect(lastAlert(addon)).toMatch(/Set up \/ repair workbook/);
    }
  });

  it("on an empty workbook says what to fill in", () => {
    const addon = openAddon();
    setUp(addon);
    addon.emulator.ui.respondWith(["OK", "OK"]);
    const report = addon.run("selectPeers") as Report;
    expect(report.ok).toBe(false);
    expect(lastAlert(addon)).toMatch(/no candidates yet/);
    addon.run("suggestPeerSimilarity");
    expect(lastAlert(addon)).toMatch(/Fill in the host organization on the Charter tab/);
    expect(alerts(addon).every((a) => !/Error|at \w+ \(/.test(a.message ?? ""))).toBe(true);
  });
});
