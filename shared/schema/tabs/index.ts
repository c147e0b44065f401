// Every tab of the exchange workbook (WORKBOOK.md), one file per phase of the exchange: columns by header,
// value types, validation, derived formulas, conditional formats and named ranges.
import {
  actionsTab,
  adoptionChartTab,
  adoptionTab,
  followUpLogTab,
  measureAnalysisTab,
  measuresTab,
  runChartDataTab,
} from "./act";
import { calendarTab, communityTab, resourcePoolTab, steeringTab } from "./community";
import {
  dashboardTab,
  evaluationTab,
  followUpTab,
  impactChartTab,
  impactTab,
  surveyResponsesTab,
} from "./evaluate";
import { insightsTab, practiceHistoryTab, practicesTab, tagsTab } from "./learn";
import { agendaTab, speakingTab } from "./meet";
import { charterTab, participantsTab, peersTab, targetsTab } from "./plan";
import {
  dashboardDataTab,
  peerScoresChartTab,
  progressHistoryTab,
  settingsTab,
  speakingChartTab,
} from "./workbook";

export * from "./act";
export * from "./community";
export { ZERO_BASELINE } from "./define";
export * from "./evaluate";
export * from "./learn";
export * from "./meet";
export * from "./plan";
export * from "./workbook";

/** Every tab, in the order set-up creates them. */
export const tabs = [
  charterTab,
  targetsTab,
  peersTab,
  participantsTab,
  agendaTab,
  speakingTab,
  insightsTab,
  tagsTab,
  practicesTab,
  practiceHistoryTab,
  actionsTab,
  measuresTab,
  measureAnalysisTab,
  adoptionTab,
  runChartDataTab,
  adoptionChartTab,
  surveyResponsesTab,
  evaluationTab,
  followUpTab,
  followUpLogTab,
  impactTab,
  communityTab,
  steeringTab,
  calendarTab,
  resourcePoolTab,
  dashboardTab,
  settingsTab,
  peerScoresChartTab,
  speakingChartTab,
  dashboardDataTab,
  progressHistoryTab,
  impactChartTab,
] as const;

export type AnyTab = (typeof tabs)[number];
export type TabName = AnyTab["name"];
export type TabByName<N extends TabName> = Extract<AnyTab, { name: N }>;
