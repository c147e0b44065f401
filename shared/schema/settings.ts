// The hidden Settings tab: one row per setting, with its default. Formulas refer to these cells.
import type { FieldSpec } from "./types";
import { yesNo } from "./vocabulary";

export const settingFields = [
  {
    key: "weightSimilarity",
    label: "Weight: similarity of context",
    type: "number",
    range: { min: 0, max: 1 },
    defaultValue: 0.25,
    help: "Share of the weighted peer score; the four weights should add up to 1.",
  },
  {
    key: "weightSuccess",
    label: "Weight: demonstrated success",
    type: "number",
    range: { min: 0, max: 1 },
    defaultValue: 0.25,
    help: "Share of the weighted peer score; the four weights should add up to 1.",
  },
  {
    key: "weightWillingness",
    label: "Weight: willingness to share",
    type: "number",
    range: { min: 0, max: 1 },
    defaultValue: 0.25,
    help: "Share of the weighted peer score; the four weights should add up to 1.",
  },
  {
    key: "weightDiversity",
    label: "Weight: diversity of perspective",
    type: "number",
    range: { min: 0, max: 1 },
    defaultValue: 0.25,
    help: "Share of the weighted peer score; the four weights should add up to 1.",
  },
  {
    key: "pickCutPoint",
    label: "PICK cut-point",
    type: "number",
    range: { min: 1, max: 5 },
    defaultValue: 3,
    help: "Impact or effort at or above this score counts as high on the PICK chart.",
  },
  {
    key: "groupSizeMin",
    label: "Peer group: fewest sites",
    type: "integer",
    range: { min: 2, max: 20 },
    defaultValue: 4,
    help: "Select peer group proposes at least this many institutions.",
  },
  {
    key: "groupSizeMax",
    label: "Peer group: most sites",
    type: "integer",
    range: { min: 2, max: 20 },
    defaultValue: 6,
    help: "Select peer group proposes at most this many institutions.",
  },
  {
    key: "willingnessFloor",
    label: "Willingness floor",
    type: "number",
    range: { min: 1, max: 5 },
    defaultValue: 3,
    help: "Every selected peer scores at least this on willingness to share.",
  },
  {
    key: "slidesMin",
    label: "Slides per case: fewest",
    type: "integer",
    range: { min: 1, max: 50 },
    defaultValue: 5,
    help: "Agenda rows with fewer slides are flagged.",
  },
  {
    key: "slidesMax",
    label: "Slides per case: most",
    type: "integer",
    range: { min: 1, max: 50 },
    defaultValue: 7,
    help: "Agenda rows with more slides are flagged (seed: limit each case to 5–7 key slides).",
  },
  {
    key: "caseMinutes",
    label: "Rapid-fire case minutes",
    type: "integer",
    range: { min: 1, max: 120 },
    defaultValue: 15,
    help: "Length of each site's case presentation on the agenda.",
  },
  {
    key: "qaMinutes",
    label: "Q&A minutes",
    type: "integer",
    range: { min: 0, max: 60 },
    defaultValue: 5,
    help: "Length of the Q&A after each case (“what would you try differently?”).",
  },
  {
    key: "suppressionThreshold",
    label: "Suppression threshold",
    type: "integer",
    range: { min: 0, max: 100 },
    defaultValue: 10,
    help: "Counts from 1 up to this number are hidden where the dashboard is shared (CMS cell-size rule).",
  },
  {
    key: "duplicateThreshold",
    label: "Duplicate practice threshold",
    type: "number",
    range: { min: 0, max: 1 },
    defaultValue: 0.6,
    help: "A new best-practice summary whose title and problem are at least this similar (0–1) to an existing one is listed as a likely duplicate before it is saved.",
  },
  {
    key: "dashboardShared",
    label: "Dashboard shared outside the exchange",
    type: "list",
    options: yesNo,
    defaultValue: "no",
    help: "yes: Refresh dashboard suppresses counts from 1 to the suppression threshold (and any that could reveal them).",
  },
  {
    key: "compendiumShared",
    label: "Compendium shared outside the exchange",
    type: "list",
    options: yesNo,
    defaultValue: "no",
    help: "yes: Export compendium suppresses small counts as on a shared Dashboard.",
  },
  {
    key: "workbookId",
    label: "Workbook id",
    type: "text",
    defaultValue: "",
    help: "Written by Set up / repair workbook so the clip endpoint can open this workbook.",
  },
] as const satisfies readonly FieldSpec[];

export type SettingKey = (typeof settingFields)[number]["key"];

/** Settings whose value is text (the rest are numbers). */
type TextSettingKey = "workbookId" | "dashboardShared" | "compendiumShared";

/** Setting values by key: numbers, except the workbook id and the yes/no switches. */
export type SettingValues = { [K in SettingKey]: K extends TextSettingKey ? string : number };

/** The defaults, by key. */
export const settingDefaults: Readonly<SettingValues> = Object.fromEntries(
  settingFields.map((f) => [f.key, f.defaultValue]),
) as unknown as SettingValues;
