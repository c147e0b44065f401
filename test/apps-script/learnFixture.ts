// A set-up workbook with clips on Insights and sites on Peers, for the Learn tests and benches.
import { type Addon, openAddon } from "../helpers/addon.ts";
import { records, setUp, workbook, writeRows } from "./peerWorkbook.ts";

export type Clip = Record<string, unknown>;

export const CLIPS: Clip[] = [
  {
    "Clip id": "c-1",
    Session: "Case: Mercy",
    Site: "Mercy General",
    Kind: "question",
    Text: "Why do discharges wait until the afternoon?",
    Tags: "discharge, patient care",
    "PHI check": "none",
    "Review status": "new",
  },
  {
    "Clip id": "c-2",
    Session: "Case: Mercy",
    Site: "Site B",
    Kind: "best practice",
    Text: "A 10 am discharge huddle with pharmacy. Everyone attends.",
    Tags: "discharge, huddle",
    "PHI check": "attested",
    "Review status": "new",
  },
  {
    "Clip id": "c-3",
    Session: "Q&A",
    Site: "Site B",
    Kind: "barrier",
    Text: "Pharmacy staffing on weekends",
    Tags: "care",
    "PHI check": "none",
    "Review status": "new",
  },
  {
    "Clip id": "c-4",
    Session: "Q&A",
    Site: "St. Elsewhere",
    Kind: "lesson learned",
    Text: "Confidential: the board nearly cancelled it",
    Tags: "a*, ~x",
    Confidential: true,
    "PHI check": "none",
    "Review status": "new",
  },
  {
    "Clip id": "c-5",
    Session: "Q&A",
    Site: "Unlisted Hospital",
    Kind: "did-not-work",
    Text: "Paper checklists were ignored",
    Tags: "checklist",
    "PHI check": "not checked",
    "Review status": "new",
  },
];

/** Peers: Mercy General may be named; St. Elsewhere may not (Site C); Site B is a pseudonym. */
const PEERS = [
  { "Site name": "Mercy General", Pseudonym: "Site A", "Permission to identify": true },
  { "Site name": "Riverside", Pseudonym: "Site B", "Permission to identify": false },
  { "Site name": "St. Elsewhere", Pseudonym: "Site C", "Permission to identify": false },
];

export function learnWorkbook(clips: readonly Clip[] = CLIPS): Addon {
  const addon = openAddon();
  setUp(addon);
  writeRows(addon, "Peers", PEERS);
  writeRows(addon, "Insights", clips);
  // Typed rows get their formulas (Tag key) from onEdit, as in Sheets.
  const sheet = workbook(addon).getSheetByName("Insights")!;
  addon.run("onEdit", {
    range: sheet.getRange(2, 1, Math.max(1, clips.length), sheet.getLastColumn()),
    source: workbook(addon),
  });
  addon.emulator.ui.takeEvents();
  return addon;
}

/** Selects the given sheet rows of a tab (several ranges when not adjacent), as a person would. */
export function selectRows(addon: Addon, tab: string, ...ranges: [number, number][]): void {
  const sheet = workbook(addon).getSheetByName(tab);
  if (!sheet) throw new Error(`No tab ${tab}`);
  const width = sheet.getLastColumn();
  const a1 = ranges.map(([from, to]) => sheet.getRange(from, 1, to - from + 1, width).getA1Notation());
  sheet.setActiveRangeList(sheet.getRangeList(a1));
}

export const insights = (addon: Addon) => records(addon, "Insights");
export const practices = (addon: Addon) => records(addon, "Practices");
export const history = (addon: Addon) => records(addon, "Practice History");
