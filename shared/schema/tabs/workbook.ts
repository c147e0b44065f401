// Hidden tabs: settings and the chart-data tabs that menu items rewrite whole.

import { settingFields } from "../settings";
import type { FieldSpec } from "../types";
import { col, DATE, defineTab } from "./define";

export const settingsTab = defineTab({
  name: "Settings",
  layout: "form",
  purpose: "Weights, cut-points and limits the formulas and menu items use.",
  columns: [
    col("label", "Setting", "text", "Keep these labels: formulas and the add-on find values by them."),
    col("value", "Value", "text", "Change the value; formulas update at once."),
    col("help", "Note", "text", "What the setting does."),
  ],
  fields: settingFields as readonly FieldSpec[],
  frozenRows: 1,
  hidden: true,
  namedRanges: settingFields.map((f) => ({ name: `Settings_${f.key}`, key: f.key })),
});

// Hidden helper tabs: a chart's data, rewritten whole by the menu item that draws the chart.

export const peerScoresChartTab = defineTab({
  name: "Peer Scores Chart",
  layout: "chartData",
  purpose:
    "The Peers chart's data: weight × score per criterion, by pseudonym (Select peer group writes it).",
  columns: [],
  frozenRows: 0,
  hidden: true,
});

export const speakingChartTab = defineTab({
  name: "Speaking Chart",
  layout: "chartData",
  purpose: "The Speaking chart's data: each site's share of speaking time (the speaking timer writes it).",
  columns: [],
  frozenRows: 0,
  hidden: true,
});

export const dashboardDataTab = defineTab({
  name: "Dashboard Data",
  layout: "chartData",
  purpose:
    "The Dashboard charts' data, one block per chart, sites named by the naming rule (Refresh dashboard rewrites it whole).",
  columns: [],
  frozenRows: 0,
  hidden: true,
});

export const progressHistoryTab = defineTab({
  name: "Progress History",
  layout: "table",
  purpose:
    "A dated snapshot of each site's mean IHI progress score (Actions › Progress), one per site and day: Refresh dashboard adds today's, so the Dashboard can chart progress over time.",
  columns: [
    col("date", "Date", "date", "The day of the refresh.", { numberFormat: DATE }),
    col("site", "Site", "text", "The site as written on the Actions tab."),
    col("progress", "Mean progress", "number", "Mean IHI assessment score (0.5–5.0) of the site's actions.", {
      numberFormat: "0.00",
    }),
    col("actions", "Actions scored", "integer", "How many of the site's actions had a progress score."),
  ],
  frozenRows: 1,
  hidden: true,
});
