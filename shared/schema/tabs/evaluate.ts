// Evaluate: survey, summary, 30-day follow-up, 12-month impact, and the managers' Dashboard.

import { anyBlank } from "../formulaParts";
import { kirkpatrickLevels, targetDirections } from "../vocabulary";
import { absoluteChange, col, DATE, DATETIME, defineTab, relativeChange, score } from "./define";

export const surveyResponsesTab = defineTab({
  name: "Survey Responses",
  layout: "table",
  purpose: "Answers to the post-exchange survey.",
  columns: [
    col("submittedAt", "Timestamp", "date", "When the answer came in.", { numberFormat: DATETIME }),
    col("site", "Site", "text", "The respondent's site."),
    col("role", "Role", "text", "The respondent's role."),
    score("satisfaction", "Satisfaction", "1–5."),
    score("relevance", "Relevance", "1–5."),
    score("confidence", "Confidence to apply", "1–5."),
    col("recommend", "Likelihood to recommend", "integer", "0–10 (for NPS).", {
      range: { min: 0, max: 10 },
      strict: true,
    }),
    col("comments", "Comments", "text", "Free text: what would you try differently?"),
    col(
      "commentTags",
      "Comment tags",
      "text",
      "Tags for the comment, comma-separated (typed by the coordinator).",
    ),
    col(
      "responseId",
      "Response id",
      "text",
      "The form response this row came from; Summarize survey never adds it twice.",
    ),
  ],
  frozenRows: 1,
});

export const evaluationTab = defineTab({
  name: "Evaluation",
  layout: "table",
  purpose: "Summary per survey item and instrument, with its Kirkpatrick level.",
  columns: [
    col("instrument", "Instrument", "text", "Post-exchange survey, 30-day follow-up, 12-month review."),
    col("kirkpatrickLevel", "Kirkpatrick level", "list", "1 reaction, 2 learning, 3 behaviour, 4 results.", {
      options: kirkpatrickLevels,
      strict: true,
    }),
    col("item", "Item", "text", "The question or measure."),
    col("n", "n", "integer", "Answers (blanks excluded)."),
    col("median", "Median", "number", "Median answer."),
    col("top2Box", "Top-2-box %", "number", "Share answering 4 or 5 on 1–5.", { numberFormat: "0.0" }),
    col("nps", "NPS", "number", "% 9–10 minus % 0–6.", { numberFormat: "0" }),
    col("promoters", "Promoters", "integer", "Answers of 9–10 on the 0–10 item."),
    col("passives", "Passives", "integer", "Answers of 7–8 on the 0–10 item."),
    col("detractors", "Detractors", "integer", "Answers of 0–6 on the 0–10 item."),
    col("updatedAt", "Updated", "date", "When the summary was computed.", { numberFormat: DATETIME }),
  ],
  frozenRows: 1,
});

export const followUpTab = defineTab({
  name: "Follow-up 30d",
  layout: "table",
  purpose: "The 30-day follow-up per site: plan initiated, early barriers, preliminary data.",
  columns: [
    col("site", "Site", "text", "The site."),
    col("checkInDate", "Check-in date", "date", "When the follow-up took place.", { numberFormat: DATE }),
    col("planInitiated", "Plan initiated", "boolean", "Tick when the action plan has started."),
    col("earlyBarriers", "Early barriers", "text", "What is getting in the way."),
    col("preliminaryData", "Preliminary data", "text", "Early outcome data."),
    col("nextStep", "Next step", "text", "What happens next."),
  ],
  frozenRows: 1,
});

export const impactTab = defineTab({
  name: "Impact 12m",
  layout: "table",
  purpose: "The 12-month impact review per charter target: baseline, result and change.",
  columns: [
    col("metric", "Metric", "text", "As on the Targets tab."),
    col("unit", "Unit", "text", "A rate in % makes the change percentage points."),
    col("direction", "Direction", "list", "Whether lower or higher is better.", {
      options: targetDirections,
      strict: true,
    }),
    col("baseline", "Baseline", "number", "Before the exchange."),
    col("result", "Result", "number", "After 12 months."),
    col("absoluteChange", "Absolute change", "number", "Result − baseline (formula; points for %).", {
      formula: absoluteChange("baseline", "result"),
      numberFormat: "0.0",
    }),
    col("relativeChange", "Relative change %", "number", "(Result − baseline) / baseline × 100 (formula).", {
      formula: relativeChange("baseline", "result"),
      numberFormat: "0.0",
    }),
    col("target", "Target", "number", "As on the Targets tab."),
    col("targetMet", "Target met", "boolean", "Respects the direction (formula).", {
      formula: (c) =>
        `=IF(${anyBlank(c, "result", "target", "direction")},"",IF(${c.cell("direction")}="lower is better",${c.cell("result")}<=${c.cell("target")},${c.cell("result")}>=${c.cell("target")}))`,
    }),
    col("reviewDate", "Review date", "date", "When the result was measured.", { numberFormat: DATE }),
    col("notes", "Notes", "text", "Context for the result."),
  ],
  frozenRows: 1,
});

export const dashboardTab = defineTab({
  name: "Dashboard",
  layout: "canvas",
  purpose:
    "Charts for managers: peer scores, priorities, progress, survey results, impact against targets and speaking-time equality.",
  columns: [],
  frozenRows: 0,
});

export const impactChartTab = defineTab({
  name: "Impact Chart",
  layout: "chartData",
  purpose:
    "The Impact 12m chart's data: baseline, result and target per target (12-month impact review writes it).",
  columns: [],
  frozenRows: 0,
  hidden: true,
});
