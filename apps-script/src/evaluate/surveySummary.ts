// Summarize survey: copies the form's new answers to the Survey Responses tab (keyed by response id, so
// running it again never adds one twice), then writes one Evaluation row per item whose n, median,
// top-2-box % and NPS are live formulas over the Survey Responses columns. The message repeats the
// figures computed by the shared reference (shared/methods/survey.ts).
// Answers are read from the form itself (Form.getResponses keeps every response, each with a stable
// FormResponse.getId), not pushed by an onFormSubmit trigger (add-ons get one per form, and a trigger
// that failed or was removed loses answers silently) nor by setDestination (which adds its own "Form
// Responses N" tab beside the schema's): developers.google.com/apps-script/reference/forms/form#getResponses()
// and developers.google.com/apps-script/add-ons/concepts/editor-triggers (restrictions).
import { likertSummary, netPromoterScore } from "../../../shared/methods/survey";
import type { SurveyResponseRow } from "../../../shared/schema";
import { formulaContext } from "../../../shared/schema";
import {
  SURVEY_INSTRUMENT,
  type SurveyItem,
  summaryFormulas,
  surveyItems,
} from "../../../shared/schema/surveySummary";
import { guardMenuResult } from "../menuGuard";
import { liveLayout } from "../sheets/layout";
import { openTable, type Table } from "../sheets/table";
import { type EvaluateReport, failed, stop, tell } from "./report";
import { openStored } from "./stored";
import { FORM_GONE, readStoredSurvey, type StoredSurvey, type SurveyField } from "./surveyForm";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Form = GoogleAppsScript.Forms.Form;

const TITLE = "Summarize survey";
const SCALES: readonly SurveyField[] = ["satisfaction", "relevance", "confidence", "recommend"];

export interface SurveySummaryReport extends EvaluateReport {
  imported?: number;
  responses?: number;
}

/** Peer Exchange › Summarize survey. */
export function summarizeSurvey(): SurveySummaryReport {
  return guardMenuResult(TITLE, runSummarize, failed);
}

function runSummarize(): SurveySummaryReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const responses = openTable(spreadsheet, "Survey Responses");
  if (!responses.ok) return stop(TITLE, responses.error.message);
  const evaluation = openTable(spreadsheet, "Evaluation");
  if (!evaluation.ok) return stop(TITLE, evaluation.error.message);

  const stored = readStoredSurvey();
  let form: Form | null = null;
  if (stored) {
    form = openStored(stored.formId, (id) => FormApp.openById(id));
    if (!form)
      return stop(
        TITLE,
        `${FORM_GONE} Nothing was changed. Run Peer Exchange › Create post-exchange survey to make a new one (answers already on the Survey Responses tab are kept).`,
      );
  }

  const existing = responses.value.read();
  const known = new Set(existing.map((r) => String(r.record.responseId)).filter((id) => id !== ""));
  const fresh = form && stored ? newAnswers(form, stored, known) : [];
  const rows = [...existing.map((r) => r.record), ...fresh];
  if (rows.length === 0)
    return stop(
      TITLE,
      stored
        ? "No responses yet: nobody has answered the post-exchange survey. Send its link to the participants (Create post-exchange survey shows it again), then run this once answers have come in. Nothing was written."
        : "No responses yet: there is no post-exchange survey and the Survey Responses tab is empty. Run Peer Exchange › Create post-exchange survey first. Nothing was written.",
    );

  if (fresh.length > 0) responses.value.append(fresh);
  writeSummaryRows(spreadsheet, evaluation.value, responses.value);

  const message = describe(rows, fresh.length);
  tell(TITLE, message);
  return { ok: true, message, imported: fresh.length, responses: rows.length };
}

/** The form's responses not yet on the tab, as rows. Answers are text (scales too) and are read by item id. */
function newAnswers(
  form: Form,
  stored: StoredSurvey,
  known: ReadonlySet<string>,
): Partial<SurveyResponseRow>[] {
  const fieldOf = new Map<number, SurveyField>();
  for (const [field, id] of Object.entries(stored.items))
    if (typeof id === "number") fieldOf.set(id, field as SurveyField);
  const rows: Partial<SurveyResponseRow>[] = [];
  for (const response of form.getResponses()) {
    const id = response.getId();
    if (known.has(id)) continue;
    const row: Partial<SurveyResponseRow> = {
      responseId: id,
      submittedAt: response.getTimestamp() as unknown as Date,
    };
    for (const answer of response.getItemResponses()) {
      const field = fieldOf.get(answer.getItem().getId());
      if (!field) continue;
      const text = String(answer.getResponse() ?? "");
      if (SCALES.includes(field)) {
        const n = Number(text);
        (row as Record<string, unknown>)[field] = text.trim() !== "" && Number.isFinite(n) ? n : "";
      } else (row as Record<string, unknown>)[field] = text;
    }
    rows.push(row);
  }
  return rows;
}

/** One Evaluation row per survey item, found again by instrument and item: updated in place, never doubled. */
function writeSummaryRows(
  spreadsheet: Spreadsheet,
  evaluation: Table<"Evaluation">,
  responses: Table<"Survey Responses">,
): void {
  const layout = liveLayout(spreadsheet, [["Survey Responses", responses.located]]);
  const ref = (item: SurveyItem) =>
    formulaContext(layout, "Evaluation", 2).otherColumn("Survey Responses", item.key);
  const now = new Date();
  const values = (item: SurveyItem) => ({
    instrument: SURVEY_INSTRUMENT,
    kirkpatrickLevel: item.level,
    item: item.item,
    ...summaryFormulas(item, ref(item)),
    updatedAt: now,
  });
  const rowOf = new Map<string, number>();
  for (const { row, record } of evaluation.read({ keys: ["instrument", "item"] }))
    if (record.instrument === SURVEY_INSTRUMENT) rowOf.set(record.item, row);
  const updates = surveyItems
    .filter((item) => rowOf.has(item.item))
    .map((item) => ({ row: rowOf.get(item.item) as number, values: values(item) }));
  const additions = surveyItems.filter((item) => !rowOf.has(item.item)).map(values);
  // Our own formulas and item names: nothing here is untrusted text, so the injection guard stays off.
  evaluation.update(updates as never, { neutralize: false });
  evaluation.append(additions as never, { neutralize: false });
}

function fixed(x: number | undefined): string {
  return x === undefined ? "—" : String(Math.round(x * 10) / 10);
}

function describe(rows: readonly Partial<SurveyResponseRow>[], imported: number): string {
  const lines = [
    `${rows.length} response${rows.length === 1 ? "" : "s"}${imported ? ` (${imported} new from the form)` : ""}. The Evaluation tab summarizes them with live formulas:`,
  ];
  for (const item of surveyItems) {
    const answers = rows.map((r) => r[item.key] as number | string | undefined);
    if (item.kind === "likert") {
      const s = likertSummary(answers);
      lines.push(
        `• ${item.item} (${item.level}): n ${s.n}, median ${fixed(s.median)}, top-2-box ${fixed(s.top2BoxPercent)} %`,
      );
    } else if (item.kind === "nps") {
      const s = netPromoterScore(answers);
      const count = (p: number | undefined) => Math.round(((p ?? 0) * s.n) / 100);
      lines.push(
        `• ${item.item}: n ${s.n}, NPS ${fixed(s.nps)} (${count(s.promotersPercent)} promoters, ${count(s.passivesPercent)} passives, ${count(s.detractorsPercent)} detractors)`,
      );
    }
  }
  const comments = rows.filter((r) => String(r.comments ?? "").trim() !== "").length;
  lines.push(
    comments
      ? `${comments} comment${comments === 1 ? "" : "s"} to tag: type tags in the Comment tags column of the Survey Responses tab.`
      : "No comments yet.",
  );
  return lines.join("\n");
}
