// Act: action plans and the measures that monitor them (seed: "Translating Insights into Action Plans").

import { anyBlank } from "../formulaParts";
import { actionStatuses, horizons, pickQuadrants, trackingCadences } from "../vocabulary";
import { col, DATE, defineTab, score } from "./define";

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
    col("progress", "Progress", "number", "IHI assessment scale 0.5–5.0.", {
      range: { min: 0.5, max: 5 },
      strict: true,
      numberFormat: "0.0",
    }),
    col("planSubmitted", "Plan submitted", "date", "When the site's action plan was submitted.", {
      numberFormat: DATE,
    }),
    col("checkInDate", "Check-in date", "date", "The check-in call, within 4 weeks of the exchange.", {
      numberFormat: DATE,
    }),
  ],
  frozenRows: 1,
  conditionalFormats: [
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
