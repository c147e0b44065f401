// Puts the candidate-hospital fixture into a set-up workbook on the emulator, the way a coordinator
// would type it: rows under the headers (found by header text), Settings weights, the host on the Charter.
import { settingFields } from "../../shared/schema/index.ts";
import { HOST, PEERS, type PeerFixture, WEIGHTS } from "../fixtures/peers.ts";
import { type Addon, openAddon } from "../helpers/addon.ts";

/** The emulator's workbook (typed by the emulator, so browser tests can import this file too). */
type Spreadsheet = NonNullable<ReturnType<Addon["emulator"]["spreadsheets"]["get"]>>;
type UiEvent = Addon["emulator"]["ui"]["events"][number];

export function workbook(addon: Addon): Spreadsheet {
  const id = addon.emulator.spreadsheets.activeId;
  const book = id ? addon.emulator.spreadsheets.get(id) : null;
  if (!book) throw new Error("no active workbook");
  return book;
}

export function alerts(addon: Addon): UiEvent[] {
  return addon.emulator.ui.events.filter((e) => e.type === "alert");
}

export function lastAlert(addon: Addon): string {
  const all = alerts(addon);
  return all[all.length - 1]?.message ?? "";
}

export function setUp(addon: Addon): void {
  addon.emulator.ui.respondWith(["OK"]);
  addon.run("setUpWorkbook");
}

/** A tab's rows as objects by header text (computed values). */
export function records(addon: Addon, name: string): Record<string, unknown>[] {
  const [headers = [], ...rows] = addon.sheet(name);
  return rows
    .filter((row) => row.some((cell) => cell !== "" && cell !== false))
    .map((row) => Object.fromEntries(headers.map((h, i) => [String(h), row[i]])));
}

/** Writes records under the headers they name, from row 2, in one block. */
export function writeRows(addon: Addon, name: string, rows: readonly Record<string, unknown>[]): void {
  const sheet = workbook(addon).getSheetByName(name);
  if (!sheet) throw new Error(`No tab ${name}`);
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const block = rows.map((record) => headers.map((h) => (Object.hasOwn(record, h) ? record[h] : "")));
  // Only the named columns are written: other cells (derived formulas) are left alone column by column.
  headers.forEach((h, c) => {
    if (!rows.some((r) => Object.hasOwn(r, h))) return;
    sheet.getRange(2, c + 1, rows.length, 1).setValues(block.map((row) => [row[c]]));
  });
}

/** Sets form values (Charter, Settings) by their labels. */
export function writeForm(addon: Addon, name: string, values: Record<string, unknown>): void {
  const sheet = workbook(addon).getSheetByName(name);
  if (!sheet) throw new Error(`No tab ${name}`);
  const labels = sheet
    .getRange(1, 1, sheet.getLastRow(), 1)
    .getValues()
    .map((r: unknown[]) => String(r[0]));
  for (const [label, value] of Object.entries(values)) {
    const row = labels.indexOf(label) + 1;
    if (row === 0) throw new Error(`No field “${label}” on ${name}`);
    sheet.getRange(row, 2).setValue(value);
  }
}

export function peerRecord(p: PeerFixture): Record<string, unknown> {
  return {
    "Site name": p.name,
    "Permission to identify": p.permission,
    Setting: p.setting,
    Type: p.type,
    Beds: p.beds,
    "Case-mix index": p.caseMixIndex,
    "Service lines": p.serviceLines,
    "Similarity of context": p.similarity,
    "Demonstrated success": p.success,
    "Willingness to share": p.willingness,
    "Diversity of perspective": p.diversity,
    Outlier: p.outlier,
    "Success: baseline": p.baseline,
    "Success: intervention": p.intervention,
    "Success: outcome": p.outcome,
  };
}

export function settingLabel(key: string): string {
  const field = settingFields.find((f) => f.key === key);
  if (!field) throw new Error(`no setting ${key}`);
  return field.label;
}

/** A set-up workbook with the fixture's candidates, weights and host. */
export function exchangeWithPeers(peers: readonly PeerFixture[] = PEERS): Addon {
  const addon = openAddon();
  setUp(addon);
  writeRows(addon, "Peers", peers.map(peerRecord));
  writeForm(addon, "Settings", {
    [settingLabel("weightSimilarity")]: WEIGHTS.similarity,
    [settingLabel("weightSuccess")]: WEIGHTS.success,
    [settingLabel("weightWillingness")]: WEIGHTS.willingness,
    [settingLabel("weightDiversity")]: WEIGHTS.diversity,
  });
  writeForm(addon, "Charter", {
    "Host setting": HOST.setting,
    "Host type": HOST.type,
    "Host beds": HOST.beds,
    "Host case-mix index": HOST.caseMixIndex,
  });
  return addon;
}

/** A workbook with four selected peers and an agenda built for 2026-12-03 09:00, 240 minutes. */
export function exchangeWithAgenda(): { addon: Addon; sites: string[]; session: string } {
  const addon = exchangeWithPeers();
  writeForm(addon, "Settings", { [settingLabel("groupSizeMin")]: 4, [settingLabel("groupSizeMax")]: 4 });
  addon.emulator.ui.respondWith([
    "OK",
    { button: "OK", text: "2026-12-03 09:00" },
    { button: "OK", text: "240" },
    "OK",
  ] as never);
  addon.run("selectPeers");
  addon.run("buildAgenda");
  const sites = records(addon, "Peers")
    .filter((r) => r.Selected === true)
    .map(shownAs);
  const session = String(records(addon, "Agenda")[0]!.Session);
  return { addon, sites, session };
}

/** How a Peers row must appear everywhere: its name where permission to identify is ticked, else its pseudonym. */
export function shownAs(peer: Record<string, unknown>): string {
  return String(peer["Permission to identify"] === true ? peer["Site name"] : peer.Pseudonym);
}

/** The fixture's sites that did not grant permission: their names must never appear outside the Peers tab. */
export const PRIVATE_NAMES = new RegExp(
  PEERS.filter((p) => !p.permission)
    .map((p) => p.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|"),
);
