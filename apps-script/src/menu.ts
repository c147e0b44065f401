// The Peer Exchange add-on menu: one line per item. Labels are what coordinators see; the second
// field names the top-level function (an export of main.ts) that the item calls.
export interface MenuItem {
  label: string;
  fn: string;
}

export type MenuEntry = MenuItem | "separator";

export const menuEntries: readonly MenuEntry[] = [
  { label: "Set up / repair workbook", fn: "setUpWorkbook" },
  { label: "Check installation", fn: "checkInstallation" },
  "separator",
  // In the order an exchange is planned (seed: scope, peers, preparation, format).
  { label: "Charter…", fn: "showCharter" },
  { label: "Suggest similarity", fn: "suggestPeerSimilarity" },
  { label: "Select peer group", fn: "selectPeers" },
  { label: "Send preparation reminders", fn: "sendPreparationReminders" },
  { label: "Build agenda…", fn: "buildAgenda" },
  { label: "Speaking timer", fn: "showSpeakingTimer" },
  "separator",
  // Learn: from clips to published practices (seed: "Capturing and Organizing the Knowledge Gained").
  { label: "Review insights", fn: "showReviewInsights" },
  { label: "Promote to best practice", fn: "promoteToPractice" },
  { label: "Best-practice summary…", fn: "showPracticeSummary" },
  { label: "Restore version…", fn: "showRestoreVersion" },
  "separator",
  // Act (seed: "Translating Insights into Action Plans", "Monitoring Plan").
  { label: "Plan actions", fn: "planActions" },
  { label: "Check commitments", fn: "checkCommitments" },
  { label: "Schedule follow-ups", fn: "scheduleFollowUps" },
  { label: "Stop follow-ups", fn: "stopFollowUps" },
  { label: "Analyze measures", fn: "analyzeMeasures" },
  "separator",
  // Evaluate (seed: "Evaluating the Effectiveness of the Exchange"): reaction, behaviour, results, record.
  { label: "Create post-exchange survey", fn: "createSurvey" },
  { label: "Summarize survey", fn: "summarizeSurvey" },
  { label: "30-day follow-up", fn: "createFollowUps" },
  { label: "12-month impact review", fn: "reviewImpact" },
  { label: "Export compendium", fn: "exportCompendium" },
  "separator",
  // Community (seed: "Building a Sustainable Peer-to-Peer Exchange Community"), then the managers' Dashboard.
  { label: "Update community", fn: "updateCommunity" },
  { label: "Propose steering rotation", fn: "proposeSteeringRotation" },
  { label: "Plan exchange cadence…", fn: "planExchangeCadence" },
  { label: "Refresh dashboard", fn: "refreshDashboard" },
  "separator",
  { label: "Connect a scribe…", fn: "connectScribe" },
  { label: "List scribes", fn: "listScribes" },
  { label: "Revoke a scribe…", fn: "revokeScribe" },
  { label: "Re-issue a scribe's code…", fn: "reissueScribe" },
];

/** Builds the add-on menu. Safe in AuthMode.NONE: touches no service but the Ui. */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const entry of menuEntries) {
    if (entry === "separator") menu.addSeparator();
    else menu.addItem(entry.label, entry.fn);
  }
  menu.addToUi();
}
