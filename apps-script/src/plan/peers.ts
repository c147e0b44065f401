// Peers tab: pseudonyms, similarity suggested from descriptors, and Select peer group (weighted decision
// matrix with group constraints; shared/methods/selectPeerGroup.ts holds the method).
import { assignPseudonyms, siteLabel } from "../../../shared/methods/pseudonyms";
import {
  explainSelection,
  type PeerCandidate,
  selectPeerGroup,
} from "../../../shared/methods/selectPeerGroup";
import { type SiteDescriptors, suggestSimilarity } from "../../../shared/methods/similarity";
import {
  CRITERIA,
  CRITERION_LABELS,
  type Weights,
  weightedScore,
} from "../../../shared/methods/weightedScore";
import { FIRST_DATA_ROW, type PeerRow, peerScoresChartTab, type SettingValues } from "../../../shared/schema";
import { guardMenuResult } from "../menuGuard";
import { upsertChart, writeChartData } from "../sheets/charts";
import { fillDerivedRows } from "../sheets/derived";
import { type FormTab, readForm, settingsOf } from "../sheets/form";
import type { Result } from "../sheets/result";
import { openTable, type Table, type TableRow } from "../sheets/table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PEER_CHART_TITLE = "Weighted score by criterion (by pseudonym unless named with permission)";
const CHART_MAX_CANDIDATES = 40;

/** What the menu functions return: the sandbox and the tests read it; Sheets ignores it. */
export interface PeerReport {
  ok: boolean;
  message: string;
  selected: string[];
  unmet: string[];
}

const WEIGHT_KEYS = ["weightSimilarity", "weightSuccess", "weightWillingness", "weightDiversity"] as const;

/**
 * The Weighted score formulas read the Settings cells as they are (a blank weight counts as 0), so
 * Select peer group must not fall back to a default there: a blank or non-numeric weight stops it with
 * what to fill in, and the ranking it explains stays the one the sheet shows.
 */
function unusableWeights(form: Result<FormTab>): string | undefined {
  if (!form.ok) return undefined;
  const bad = WEIGHT_KEYS.filter(
    (key) => form.value.rows.has(key) && (form.value.values[key] === "" || form.value.invalid.includes(key)),
  );
  if (bad.length === 0) return undefined;
  const labels = bad.map((key) => `“${form.value.fields.find((f) => f.key === key)?.label ?? key}”`);
  return `${labels.join(", ")} ${bad.length === 1 ? "is" : "are"} blank or not a number on the Settings tab (View › Hidden sheets › Settings), so the Weighted score column cannot be trusted. Type a number from 0 to 1 for each criterion weight (the four should add up to 1; 0.25 each is the default), then run Select peer group again.`;
}

export function weightsFrom(settings: SettingValues): Weights {
  return {
    similarity: settings.weightSimilarity,
    success: settings.weightSuccess,
    willingness: settings.weightWillingness,
    diversity: settings.weightDiversity,
  };
}

const SELECT_KEYS = [
  "siteName",
  "pseudonym",
  "setting",
  "siteType",
  "similarity",
  "success",
  "willingness",
  "diversity",
  "outlier",
  "selected",
  "selectionNote",
] as const;

function alert(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

const failed = (message: string): PeerReport => ({ ok: false, message, selected: [], unmet: [] });

function stop(title: string, message: string): PeerReport {
  alert(title, message);
  return failed(message);
}

const NO_PEERS =
  "The Peers tab has no candidates yet. Add one row per candidate institution (site name, setting, type, beds, case-mix index) and score the four criteria from 1 to 5, then run this again.";

/** Named candidate rows, with a pseudonym for each (existing ones kept) and the label the naming rule gives. */
function namedRows(table: Table<"Peers">): {
  rows: TableRow<"Peers">[];
  pseudonyms: string[];
  labels: string[];
} {
  const rows = table.read().filter((r) => String(r.record.siteName).trim() !== "");
  const pseudonyms = assignPseudonyms(rows.map((r) => String(r.record.pseudonym)));
  const labels = rows.map((r, i) => siteLabel({ ...r.record, pseudonym: pseudonyms[i] }));
  return { rows, pseudonyms, labels };
}

function toCandidate(record: PeerRow, label: string): PeerCandidate {
  return {
    id: String(record.siteName),
    label,
    scores: {
      similarity: record.similarity,
      success: record.success,
      willingness: record.willingness,
      diversity: record.diversity,
    },
    outlier: record.outlier === true,
    setting: String(record.setting),
    type: String(record.siteType),
  };
}

/** Peer Exchange › Select peer group. */
export function selectPeers(): PeerReport {
  return guardMenuResult("Select peer group", runSelectPeers, failed);
}

function runSelectPeers(): PeerReport {
  const title = "Select peer group";
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const opened = openTable(spreadsheet, "Peers", { require: SELECT_KEYS });
  if (!opened.ok) return stop(title, opened.error.message);
  const table = opened.value;
  const { rows, pseudonyms, labels } = namedRows(table);
  if (rows.length === 0) return stop(title, NO_PEERS);

  // One read of Settings serves both the weight check and the values.
  const settingsForm = readForm(spreadsheet, "Settings");
  const weightProblem = unusableWeights(settingsForm);
  if (weightProblem) return stop(title, weightProblem);
  const settings = settingsOf(settingsForm);
  const weights = weightsFrom(settings);
  const candidates = rows.map((r, i) => toCandidate(r.record, labels[i] as string));
  const selection = selectPeerGroup(candidates, {
    weights,
    minSize: settings.groupSizeMin,
    maxSize: settings.groupSizeMax,
    willingnessFloor: settings.willingnessFloor,
  });

  table.update(
    rows.map((r, i) => {
      const ranked = selection.ranking[i];
      return {
        row: r.row,
        values: {
          pseudonym: pseudonyms[i],
          selected: ranked?.selected === true,
          selectionNote: ranked?.reason ?? "",
        },
      };
    }),
  );
  // Rows pasted or written by a script fire no edit trigger: give them the derived formulas (weighted
  // score, missing scores, rank) the same way an edit does.
  fillDerivedRows(table.sheet, FIRST_DATA_ROW, table.lastRow(), {
    spreadsheet,
    name: table.name,
    columns: table.located,
  });
  drawScoreChart(spreadsheet, table, candidates, weights);

  const next =
    selection.selected.length > 0
      ? "Selected is ticked on the Peers tab: tick or untick it to change the group before you run Build agenda."
      : "Nothing was ticked on the Peers tab. Score each candidate's four criteria from 1 to 5 (the Missing scores column says what is left), then run Select peer group again.";
  const message = `${explainSelection(selection)}\n\n${next}`;
  alert(title, message);
  return { ok: true, message, selected: selection.selected.map((s) => s.label), unmet: selection.unmet };
}

/** Peer Exchange › Suggest similarity: from beds, case-mix index, setting and type against the host. */
export function suggestPeerSimilarity(): PeerReport {
  return guardMenuResult("Suggest similarity", runSuggestSimilarity, failed);
}

function runSuggestSimilarity(): PeerReport {
  const title = "Suggest similarity";
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const charter = readForm(spreadsheet, "Charter");
  if (!charter.ok) return stop(title, charter.error.message);
  const c = charter.value.values;
  const host: SiteDescriptors = {
    caseMixIndex: c.hostCaseMixIndex as number | string,
    beds: c.hostBeds as number | string,
    setting: c.hostSetting as string,
    type: c.hostType as string,
  };
  if ([host.caseMixIndex, host.beds, host.setting, host.type].every((v) => v === "" || v === undefined)) {
    return stop(
      title,
      "Fill in the host organization on the Charter tab first (Host setting, Host type, Host beds, Host case-mix index), then run Suggest similarity again.",
    );
  }
  const opened = openTable(spreadsheet, "Peers", {
    require: [
      "siteName",
      "pseudonym",
      "setting",
      "siteType",
      "beds",
      "caseMixIndex",
      "similarity",
      "suggestedSimilarity",
    ],
  });
  if (!opened.ok) return stop(title, opened.error.message);
  const { rows, pseudonyms, labels } = namedRows(opened.value);
  if (rows.length === 0) return stop(title, NO_PEERS);

  let suggested = 0;
  let filled = 0;
  const unmatched: string[] = [];
  const changes = rows.map((r, i) => {
    const { record } = r;
    const s = suggestSimilarity(
      {
        caseMixIndex: record.caseMixIndex,
        beds: record.beds,
        setting: record.setting,
        type: record.siteType,
      },
      host,
    );
    const values: Partial<PeerRow> = {
      pseudonym: pseudonyms[i] as string,
      suggestedSimilarity: s.score ?? "",
    };
    if (s.score === undefined) unmatched.push(labels[i] as string);
    else {
      suggested += 1;
      if (record.similarity === "") {
        values.similarity = s.score;
        filled += 1;
      }
    }
    return { row: r.row, values };
  });
  opened.value.update(changes);

  // Name only the host descriptors that were compared, and ask for the others.
  const hostFields = [
    { label: "Host setting", what: "setting", value: host.setting },
    { label: "Host type", what: "type", value: host.type },
    { label: "Host beds", what: "beds", value: host.beds },
    { label: "Host case-mix index", what: "case-mix index", value: host.caseMixIndex },
  ];
  const given = hostFields.filter((f) => f.value !== "" && f.value !== undefined && f.value !== null);
  const blankHost = hostFields.filter((f) => !given.includes(f));
  const lines = [
    `Suggested a similarity score (1–5) for ${suggested} of ${rows.length} candidates in the “Suggested similarity” column, comparing ${given.map((f) => f.what).join(", ")} with the host.`,
  ];
  if (blankHost.length)
    lines.push(
      `For a finer suggestion, fill in ${blankHost.map((f) => f.label).join(", ")} on the Charter tab and run this again.`,
    );
  if (filled)
    lines.push(
      `Filled ${filled} blank “Similarity of context” score${filled === 1 ? "" : "s"} with the suggestion: change any you disagree with.`,
    );
  else if (suggested)
    lines.push("The “Similarity of context” scores you typed were kept: compare them with the suggestions.");
  if (unmatched.length)
    lines.push(
      `No descriptor to compare for ${unmatched.join(", ")}: fill in beds, case-mix index, setting or type.`,
    );
  const message = lines.join("\n");
  alert(title, message);
  return { ok: true, message, selected: [], unmet: [] };
}

/** A stacked bar per candidate (by its label: the pseudonym unless named with permission): weight × score for each criterion, summing to its weighted score. */
function drawScoreChart(
  spreadsheet: Spreadsheet,
  table: Table<"Peers">,
  candidates: readonly PeerCandidate[],
  weights: Weights,
): void {
  const scored = candidates
    .map((c) => ({ label: c.label, result: weightedScore(c.scores, weights) }))
    .filter((c) => c.result.score !== undefined)
    .sort((a, b) => (b.result.score as number) - (a.result.score as number));
  // A bar per candidate stays readable up to a few dozen; beyond that the chart shows the best.
  const shown = scored.slice(0, CHART_MAX_CANDIDATES);
  const data: unknown[][] = [
    ["Site", ...CRITERIA.map((k) => CRITERION_LABELS[k])],
    ...shown.map((c) => [c.label, ...CRITERIA.map((k) => round(c.result.contributions[k] ?? 0))]),
  ];
  if (scored.length === 0) return;
  const range = writeChartData(spreadsheet, peerScoresChartTab.name, data);
  if (!range) return;
  upsertChart(table.sheet, {
    title:
      shown.length < scored.length
        ? `${PEER_CHART_TITLE}: the ${shown.length} highest of ${scored.length}`
        : PEER_CHART_TITLE,
    titlePrefix: PEER_CHART_TITLE,
    range,
    anchor: { row: FIRST_DATA_ROW, column: table.headers.length + 2 },
    style: (b) =>
      b
        .asBarChart()
        .setStacked()
        .setNumHeaders(1)
        .setOption("legend", { position: "bottom" })
        .setOption("hAxis", { title: "Weighted score" }),
  });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
