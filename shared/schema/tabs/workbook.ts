// Hidden tabs: settings and the chart-data tabs that menu items rewrite whole.

import { settingFields } from "../settings";
import type { FieldSpec } from "../types";
import { col, defineTab } from "./define";

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
