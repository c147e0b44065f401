// Act: action plans and the measures that monitor them (seed: "Translating Insights into Action Plans").

import { PROGRESS_SCALE } from "../../methods/progress";
import { anyBlank, quoted } from "../formulaParts";
import { actionStatuses, horizons, pickQuadrants, trackingCadences } from "../vocabulary";
import { col, DATE, DATETIME, defineTab, score } from "./define";

/** The IHI Assessment Scale's steps, for the Progress note (METHODS.md, "Progress score"). */
const progressSteps = PROGRESS_SCALE.map((s) => `${s.score.toFixed(1)} ${s.label}`).join("; ");

export const actionsTab = defineTab({
  name: "Actions",
  layout: "table",
  purpose: "Each site's action plan: gap, priority (PICK), milestones, owners and monitoring.",
  columns: [
    col("site", "Site", "text", "The committing site."),
    col("change", "Change", "text", "The concrete change."),
    col("linkedPractice", "Linked practice", "text", "The best-practice summary it adapts."),
    col("currentState", "Current state", "text", "Gap analysis: how it works today."),
    col("bestPracticeState", "Best-practice state", "text", "Gap analysis: how the peer does it."),
    col("gap", "Gap", "text", "What differs."),
    score("impact", "Impact", "1–5: expected benefit."),
    score("effort", "Effort", "1–5: work and cost to make the change."),
    score("alignment", "Strategic alignment", "1–5: fit with strategic goals."),
    col("priorityScore", "Priority score", "number", "Impact × alignment / effort (formula).", {
      formula: (c) =>
        `=IF(${anyBlank(c, "impact", "effort", "alignment")},"",${c.cell("impact")}*${c.cell("alignment")}/${c.cell("effort")})`,
      numberFormat: "0.00",
    }),
    col(
      "pickQuadrant",
      "PICK quadrant",
      "list",
      "Possible / Implement / Challenge / Kill (formula; cut-point in Settings).",
      {
        options: pickQuadrants,
        formula: (c) => {
          const cut = c.setting("pickCutPoint");
          const impact = c.cell("impact");
          const effort = c.cell("effort");
          return `=IF(${anyBlank(c, "impact", "effort")},"",IF(${effort}>=${cut},IF(${impact}>=${cut},"Challenge","Kill"),IF(${impact}>=${cut},"Implement","Possible")))`;
        },
      },
    ),
    col("horizon", "Horizon", "list", "30 days, 90 days or 6–12 months.", {
      options: horizons,
      strict: true,
    }),
    col("milestone", "Milestone", "text", "What will be true at the due date."),
    col("dueDate", "Due date", "date", "When the milestone is due.", { numberFormat: DATE }),
    col("owner", "Owner", "text", "The person responsible."),
    col("ownerEmail", "Owner email", "email", "Where follow-up reminders go."),
    col("sponsor", "Sponsor", "text", "The executive sponsor."),
    col("supportingTeam", "Supporting team", "text", "Who helps."),
    col("monitoringMeasure", "Monitoring measure", "text", "The measure on the Measures tab that tracks it."),
    col("trackingCadence", "Tracking cadence", "list", "Weekly huddle, dashboard or monthly report.", {
      options: trackingCadences,
      strict: false,
    }),
    col("reportBackDate", "Report-back date", "date", "When the site reports back to the peer group.", {
      numberFormat: DATE,
    }),
    col("status", "Status", "list", "Not started, in progress, done, on hold or dropped.", {
      options: actionStatuses,
      strict: true,
    }),
    col("progress", "Progress", "number", `IHI Assessment Scale, in steps of 0.5: ${progressSteps}.`, {
      range: { min: 0.5, max: 5 },
      strict: true,
      numberFormat: "0.0",
    }),
    col(
      "progressStep",
      "Progress step",
      "text",
      "The IHI Assessment Scale label of the Progress score (formula).",
      {
        formula: (c) => {
          const p = c.cell("progress");
          const labels = PROGRESS_SCALE.map((s) => quoted(s.label)).join(",");
          return `=IF(${p}="","",IF(OR(NOT(ISNUMBER(${p})),${p}<0.5,${p}>5,MOD(${p}*2,1)<>0),"not a step of the scale",CHOOSE(${p}*2,${labels})))`;
        },
      },
    ),
    col("planSubmitted", "Plan submitted", "date", "When the site's action plan was submitted.", {
      numberFormat: DATE,
    }),
    col("checkInDate", "Check-in date", "date", "The check-in call, within 4 weeks of the exchange.", {
      numberFormat: DATE,
    }),
    col(
      "commitmentCheck",
      "Commitment check",
      "text",
      "What the site still has to commit (Peer Exchange › Check commitments; cleared when fixed).",
    ),
  ],
  frozenRows: 1,
  conditionalFormats: [
    {
      kind: "formula",
      key: "site",
      formula: (c) => `=${c.cell("commitmentCheck")}<>""`,
      background: "#f4cccc",
    },
    { kind: "textEquals", key: "pickQuadrant", text: "Implement", background: "#d9ead3" },
    { kind: "textEquals", key: "pickQuadrant", text: "Kill", background: "#efefef" },
  ],
});

export const measuresTab = defineTab({
  name: "Measures",
  layout: "table",
  purpose: "Monitoring data per site and measure over time, for run charts (no league tables).",
  columns: [
    col("site", "Site", "text", "The site."),
    col("measure", "Measure", "text", "E.g. “Discharges before noon (%)”."),
    col("period", "Period", "date", "The period's date (e.g. week starting).", { numberFormat: DATE }),
    col("value", "Value", "number", "The measured value."),
    col("annotation", "Annotation (change tested)", "text", "The change tested in this period, if any."),
  ],
  frozenRows: 1,
});

export const followUpLogTab = defineTab({
  name: "Follow-up Log",
  layout: "table",
  purpose: "What the daily follow-up run sent, skipped or could not do: one row each, never sent twice.",
  columns: [
    col("at", "Time", "date", "When the run did it.", { numberFormat: DATETIME }),
    col("kind", "Kind", "text", "Digest, check-in invitation, 30-day follow-up row, or a run note."),
    col("recipient", "Recipient", "text", "The owner or participant (email), if any."),
    col("site", "Site", "text", "The site, if any."),
    col("outcome", "Outcome", "text", "Sent, created, skipped (and why)."),
    col("detail", "Detail", "text", "What it was about."),
    col("key", "Key", "text", "What was done once: kind, recipient and day (or check-in)."),
  ],
  frozenRows: 1,
});
