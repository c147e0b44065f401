// Create post-exchange survey: a Google Form (site, role, satisfaction, relevance and confidence 1–5,
// likelihood to recommend 0–10, what would you try differently). Its id and the ids of its questions are
// stored, so running the item again reuses the same form, and Summarize survey reads answers by question.
import { surveyItems } from "../../../shared/schema/surveySummary";
import { guardMenuResult } from "../menuGuard";
import { readForm } from "../sheets/form";
import { confirm, type EvaluateReport, failed, stop, tell } from "./report";
import { readSiteNames } from "./sites";
import { openStored, readStored, SURVEY_FORM_KEY, writeStored } from "./stored";

type Form = GoogleAppsScript.Forms.Form;

const TITLE = "Create post-exchange survey";

/** The Survey Responses columns the form's questions fill. */
export type SurveyField =
  | "site"
  | "role"
  | "satisfaction"
  | "relevance"
  | "confidence"
  | "recommend"
  | "comments";

/** The stored form: its id, and the item id of each question (found by id, so retitling one is harmless). */
export interface StoredSurvey {
  formId: string;
  items: Partial<Record<SurveyField, number>>;
}

export function readStoredSurvey(): StoredSurvey | null {
  const text = readStored(SURVEY_FORM_KEY);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as StoredSurvey;
    return typeof parsed?.formId === "string" && parsed.items && typeof parsed.items === "object"
      ? parsed
      : null;
  } catch {
    return null;
  }
}

export const FORM_GONE =
  "The post-exchange survey form could not be opened: it was deleted, or it is no longer shared with you.";

/** Peer Exchange › Create post-exchange survey. */
export function createSurvey(): EvaluateReport {
  return guardMenuResult(TITLE, runCreateSurvey, failed);
}

function runCreateSurvey(): EvaluateReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sites = readSiteNames(spreadsheet);
  if (!sites.ok) return stop(TITLE, sites.error.message);
  const choices = sites.value.selected;
  if (choices.length === 0)
    return stop(
      TITLE,
      "No peer is selected yet, so the survey has no sites to choose from. Run Peer Exchange › Select peer group (or tick Selected on the Peers tab), then run this again.",
    );

  const stored = readStoredSurvey();
  if (stored) {
    const form = openStored(stored.formId, (id) => FormApp.openById(id));
    if (form) return reuse(form, stored, choices);
    const again = confirm(
      TITLE,
      `${FORM_GONE}\n\nCreate a new survey form? Answers already on the Survey Responses tab are kept; answers only in the old form cannot be read any more.`,
    );
    if (!again) return stop(TITLE, "Nothing was changed: the survey form is still missing.");
  }

  const charter = readForm(spreadsheet, "Charter");
  const exchange = charter.ok ? String(charter.value.values.exchangeName ?? "").trim() : "";
  const form = FormApp.create(`${exchange || "Peer exchange"}: post-exchange survey`);
  form.setDescription(
    "Thank you for taking part. Your answers help us improve the next exchange; they are summarized for the group, never shown with your name.",
  );
  const items = addQuestions(form, choices);
  const formId = form.getId();
  writeStored(SURVEY_FORM_KEY, JSON.stringify({ formId, items } satisfies StoredSurvey));
  const url = form.getPublishedUrl();
  const message = `${stored ? "Created a new" : "Created the"} post-exchange survey with ${choices.length} sites to choose from (${choices.join(", ")}).\n\nSend this link to the participants: ${url}\n\nWhen answers have come in, run Peer Exchange › Summarize survey: it copies them to the Survey Responses tab and summarizes them on the Evaluation tab.`;
  tell(TITLE, message);
  return { ok: true, message, id: formId, url };
}

function addQuestions(form: Form, sites: readonly string[]): StoredSurvey["items"] {
  const site = form
    .addListItem()
    .setTitle("Your site")
    .setChoiceValues([...sites])
    .setRequired(true);
  const role = form.addTextItem().setTitle("Your role (optional)");
  const items: StoredSurvey["items"] = { site: site.getId(), role: role.getId() };
  for (const question of surveyItems) {
    if (question.kind === "comments") {
      items.comments = form.addParagraphTextItem().setTitle(question.question).getId();
      continue;
    }
    const scale = form.addScaleItem().setTitle(question.question).setRequired(true);
    if (question.kind === "nps") scale.setBounds(0, 10).setLabels("Not at all likely", "Extremely likely");
    else scale.setBounds(1, 5).setLabels("Not at all", "Very much");
    items[question.key] = scale.getId();
  }
  return items;
}

/** The form exists: keep it, and bring its site list up to date with the selected peers. */
function reuse(form: Form, stored: StoredSurvey, choices: readonly string[]): EvaluateReport {
  const url = form.getPublishedUrl();
  const siteItem = stored.items.site === undefined ? null : form.getItemById(stored.items.site);
  const lines = [`The post-exchange survey already exists, so it was reused: ${url}`];
  if (siteItem) {
    siteItem.asListItem().setChoiceValues([...choices]);
    lines.push(`Its site list now matches the selected peers: ${choices.join(", ")}.`);
  } else
    lines.push(
      "Its “Your site” question was deleted from the form, so answers will arrive without a site. Add a list question back in the form, or delete the form and run this again for a new one.",
    );
  const message = lines.join("\n\n");
  tell(TITLE, message);
  return { ok: true, message, id: stored.formId, url };
}
