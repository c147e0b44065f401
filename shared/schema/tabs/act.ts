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
    col(
      "baseline",
      "Baseline",
      "boolean",
      "Tick a series' first periods (at least 2, no gaps) to freeze its centre line at their median and its XmR limits on them (Analyze measures).",
    ),
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
// Written whole by Peer Exchange › Analyze measures (apps-script/src/act/measures.ts): one row per site and
// measure, its centre line, the run-chart rules (IHI, Anhøj), XmR limits and a reading in plain words.
const NOT_COMPUTABLE = "“not computable” when there are too few useful points";
export const measureAnalysisTab = defineTab({
  name: "Measure Analysis",
  layout: "table",
  purpose:
    "Run-chart signals, XmR limits and a plain reading per site and measure, with one run chart each (Analyze measures rewrites it; no ranking of sites).",
  columns: [
    col("site", "Site", "text", "The site (pseudonym unless it gave permission to be named)."),
    col("measure", "Measure", "text", "The measure."),
    col("points", "Points", "integer", "Periods in the series."),
    col("firstPeriod", "First period", "date", "The series' first period.", { numberFormat: DATE }),
    col("lastPeriod", "Last period", "date", "The series' last period.", { numberFormat: DATE }),
    col("centre", "Centre line", "number", "The median, or the baseline median when Baseline is ticked.", {
      numberFormat: "0.0#",
    }),
    col("centreFrom", "Centre from", "text", "Median of all points, or of the baseline's first periods."),
    col("usefulPoints", "Useful points", "integer", "Points not on the centre line."),
    col(
      "shift",
      "Shift (IHI)",
      "text",
      `6 or more points on one side of the centre: yes / no; ${NOT_COMPUTABLE}.`,
    ),
    col(
      "trend",
      "Trend (IHI)",
      "text",
      `5 or more points all going up or down: yes / no; ${NOT_COMPUTABLE}.`,
    ),
    col(
      "runs",
      "Runs (IHI)",
      "text",
      "Number of runs against the published table (Perla, Provost & Murray 2011).",
    ),
    col(
      "longestRun",
      "Longest run (Anhøj)",
      "text",
      "Longest run and its limit, round(log2(useful points)) + 3.",
    ),
    col(
      "crossings",
      "Crossings (Anhøj)",
      "text",
      "Crossings of the centre and the fewest expected, qbinom(0.05, useful − 1, 0.5).",
    ),
    col(
      "runChartSignal",
      "Run-chart signal",
      "text",
      "Any IHI or Anhøj rule signalled: yes / no / not computable.",
    ),
    col("xmrMean", "XmR mean", "number", "The XmR chart's centre (mean of the baseline when ticked).", {
      numberFormat: "0.0#",
    }),
    col(
      "lowerLimit",
      "Lower limit",
      "number",
      "Mean − 2.66 × mean moving range (as computed, not clipped).",
      {
        numberFormat: "0.0#",
      },
    ),
    col("upperLimit", "Upper limit", "number", "Mean + 2.66 × mean moving range.", { numberFormat: "0.0#" }),
    col("rangeLimit", "Moving-range limit", "number", "3.267 × mean moving range.", { numberFormat: "0.0#" }),
    col("limitsStatus", "XmR limits", "text", "Trial until 12 points; “no variation” for a constant series."),
    col(
      "xmrSignal",
      "XmR signal",
      "text",
      "Making Data Count rules: outside limits, 2 of 3 beyond 2 sigma, 7 on one side, 7 up or down, large jumps.",
    ),
    col("reading", "Reading", "text", "What the chart says, in plain words."),
  ],
  frozenRows: 1,
  conditionalFormats: [{ kind: "textEquals", key: "runChartSignal", text: "yes", background: "#fce8b2" }],
});

// Adoption of each practice over time (shared/methods/adoption.ts has the definition), rewritten by
// Analyze measures from the Actions and Measures tabs.
export const adoptionTab = defineTab({
  name: "Adoption",
  layout: "table",
  purpose:
    "Adoption rate of each practice by period: sites with a linked action in progress or done that report its monitoring measure, over sites committed to it (Analyze measures rewrites it).",
  columns: [
    col("practice", "Practice", "text", "The practice linked from the Actions tab."),
    col("period", "Period", "date", "A period the linked monitoring measures report.", {
      numberFormat: DATE,
    }),
    col(
      "adopted",
      "Sites adopted",
      "integer",
      "Sites whose linked action is in progress or done and that report its measure by this period.",
    ),
    col(
      "committed",
      "Sites committed",
      "integer",
      "Sites with an action linked to the practice that is not dropped.",
    ),
    col("rate", "Adoption rate", "number", "Sites adopted / sites committed.", { numberFormat: "0%" }),
  ],
  frozenRows: 1,
});

export const runChartDataTab = defineTab({
  name: "Run Chart Data",
  layout: "chartData",
  purpose:
    "The run charts' data: per series, its periods, values and centre line (Analyze measures writes it).",
  columns: [],
  frozenRows: 0,
  hidden: true,
});

export const adoptionChartTab = defineTab({
  name: "Adoption Chart",
  layout: "chartData",
  purpose:
    "The adoption chart's data: one column per practice, one row per period (Analyze measures writes it).",
  columns: [],
  frozenRows: 0,
  hidden: true,
});
