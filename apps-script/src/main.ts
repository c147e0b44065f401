// Entry file: exports only the functions Apps Script calls (triggers, menu items, sidebars, doPost).
// The build declares one top-level function per export, so keep everything else out of this file.

import type { SuppressionResult } from "../../shared/methods/suppression";
import * as commitments from "./act/commitments";
import * as followUp30 from "./act/followUp30";
import * as followUpRun from "./act/followUpRun";
import * as followUps from "./act/followUps";
import * as measures from "./act/measures";
import * as planning from "./act/planActions";
import * as calendar from "./community/calendar";
import type { CommunityReport } from "./community/dialog";
import * as members from "./community/members";
import * as steering from "./community/steering";
import { handlePost } from "./endpoint/doPost";
import * as compendium from "./evaluate/compendium";
import * as dashboard from "./evaluate/dashboard";
import * as impact from "./evaluate/impact";
import * as surveyForm from "./evaluate/surveyForm";
import * as surveySummary from "./evaluate/surveySummary";
import * as practiceSummary from "./learn/practiceSummary";
import * as promote from "./learn/promote";
import * as review from "./learn/review";
import * as agenda from "./meet/agenda";
import * as scribes from "./meet/scribes";
import * as speaking from "./meet/speaking";
import { buildMenu } from "./menu";
import * as charter from "./plan/charter";
import * as participants from "./plan/participants";
import * as peers from "./plan/peers";
import * as installation from "./setup/checkInstallation";
import * as setup from "./setup/setup";
import { fillDerivedFormulas } from "./sheets/derived";
import { sharedCounts } from "./sheets/shareable";

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Simple trigger: rows typed into a schema tab get their derived-column formulas. */
export function onEdit(event?: GoogleAppsScript.Events.SheetsOnEdit): void {
  fillDerivedFormulas(event);
}

/** The clip endpoint (the script's web app): JSON in, JSON out. */
export function doPost(event: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  return handlePost(event);
}

export function connectScribe(): scribes.IssuedCode | null {
  return scribes.connectScribe();
}

export function listScribes(): scribes.ScribeListing[] {
  return scribes.listScribes();
}

export function revokeScribe(): scribes.ScribeListing | null {
  return scribes.revokeScribe();
}

export function reissueScribe(): scribes.IssuedCode | null {
  return scribes.reissueScribe();
}

/** Peer Exchange › Set up / repair workbook. */
export function setUpWorkbook(): void {
  setup.runSetUp();
}

/** Peer Exchange › Check installation: the report in a dialog, the live checks run on a temporary tab. */
export function checkInstallation(): ReturnType<typeof installation.showInstallationCheck> {
  return installation.showInstallationCheck();
}

/** Peer Exchange › Charter…: the charter and targets sidebar. */
export function showCharter(): void {
  charter.showCharter();
}

/** Charter sidebar (google.script.run): the charter as shown. */
export function getCharter(): ReturnType<typeof charter.getCharter> {
  return charter.getCharter();
}

/** Charter sidebar (google.script.run): saves fields and targets. */
export function saveCharter(payload: unknown): ReturnType<typeof charter.saveCharter> {
  return charter.saveCharter(payload);
}

/** Peer Exchange › Send preparation reminders: preview, then one mail per person. */
export function sendPreparationReminders(): void {
  participants.sendPreparationReminders();
}

/** Peer Exchange › Suggest similarity: from descriptors against the host on the Charter. */
export function suggestPeerSimilarity(): peers.PeerReport {
  return peers.suggestPeerSimilarity();
}

/** Peer Exchange › Select peer group (named selectPeers: the shared method is selectPeerGroup). */
export function selectPeers(): peers.PeerReport {
  return peers.selectPeers();
}

/** Peer Exchange › Build agenda: sessions from the selected peers within a time slot. */
export function buildAgenda(): agenda.AgendaReport {
  return agenda.buildAgenda();
}

/** Peer Exchange › Speaking timer: the sidebar. */
export function showSpeakingTimer(): void {
  speaking.showSpeakingTimer();
}

/** Speaking timer sidebar (google.script.run): a tap's totals, kept without touching the sheet. */
export function noteSpeaking(payload: unknown): ReturnType<typeof speaking.noteSpeaking> {
  return speaking.noteSpeaking(payload);
}

/** Speaking timer sidebar (google.script.run): a session's totals per site. */
export function recordSpeaking(payload: unknown): ReturnType<typeof speaking.recordSpeaking> {
  return speaking.recordSpeaking(payload);
}

// Community and the managers' Dashboard.

/** Peer Exchange › Update community: attendance from the Exchange Calendar, renewals, pool balance. */
export function updateCommunity(): CommunityReport {
  return members.updateCommunity();
}

/** Peer Exchange › Propose steering rotation. */
export function proposeSteeringRotation(): CommunityReport {
  return steering.proposeSteeringRotation();
}

/** Peer Exchange › Plan exchange cadence…: the next exchanges on the Exchange Calendar. */
export function planExchangeCadence(): CommunityReport {
  return calendar.planExchangeCadence();
}

/** Peer Exchange › Refresh dashboard. */
export function refreshDashboard(): dashboard.DashboardReport {
  return dashboard.refreshDashboard();
}

// ---- Shared outputs (private: the trailing _ keeps them from sidebars and the Run menu) -------------

/** A count table as a shared output may show it: suppressed and audited when Settings shares it. */
export function sharedCounts_(output: "dashboard" | "compendium", counts: number[][]): SuppressionResult {
  return sharedCounts(SpreadsheetApp.getActiveSpreadsheet(), output, counts);
}

// --- Evaluate: survey, its summary, the 12-month impact review, the compendium ---

/** Peer Exchange › Create post-exchange survey: the Google Form, reused when it exists. */
export function createSurvey(): ReturnType<typeof surveyForm.createSurvey> {
  return surveyForm.createSurvey();
}

/** Peer Exchange › Summarize survey: new answers to Survey Responses, live summary on Evaluation. */
export function summarizeSurvey(): ReturnType<typeof surveySummary.summarizeSurvey> {
  return surveySummary.summarizeSurvey();
}

/** Peer Exchange › 12-month impact review: Impact 12m from the charter's targets, with its chart. */
export function reviewImpact(): ReturnType<typeof impact.reviewImpact> {
  return impact.reviewImpact();
}

/** Peer Exchange › Export compendium: the Google Doc of published practices. */
export function exportCompendium(): ReturnType<typeof compendium.exportCompendium> {
  return compendium.exportCompendium();
}

// After the exchange: action plans, commitments and follow-ups.

/** Peer Exchange › Plan actions: one Actions row per adopting site from a published practice. */
export function planActions(): planning.PlanReport {
  return planning.planActions();
}

/** Peer Exchange › Check commitments: sites without an owned 30-day action or a 4-week check-in. */
export function checkCommitments(): commitments.CommitmentReport {
  return commitments.checkCommitments();
}

/** Peer Exchange › Schedule follow-ups: installs the one daily trigger. */
export function scheduleFollowUps(): followUps.ScheduleReport {
  return followUps.scheduleFollowUps();
}

/** Peer Exchange › Stop follow-ups: removes it. */
export function stopFollowUps(): followUps.ScheduleReport {
  return followUps.stopFollowUps();
}

/** Peer Exchange › 30-day follow-up: a Follow-up 30d row for every selected site. */
export function createFollowUps(): ReturnType<typeof followUp30.createFollowUps> {
  return followUp30.createFollowUps();
}

/** The daily time-driven trigger (Schedule follow-ups): digests, check-in invitations, 30-day rows. */
export function runFollowUps(_event?: GoogleAppsScript.Events.TimeDriven): followUpRun.RunSummary {
  return followUpRun.runFollowUps();
}

/** Peer Exchange › Analyze measures: run-chart signals, XmR limits, run charts and adoption. */
export function analyzeMeasures(): measures.MeasuresReport {
  return measures.analyzeMeasures();
}

// ---- Learn: from clips to published practices -------------------------------------------------------

/** Peer Exchange › Review insights: the sidebar. */
export function showReviewInsights(): void {
  review.showReviewInsights();
}

/** Review insights sidebar (google.script.run): sessions, sites, tags, kinds and statuses with counts. */
export function getInsightFacets(): ReturnType<typeof review.getInsightFacets> {
  return review.getInsightFacets();
}

/** Review insights sidebar (google.script.run): filters the Insights tab. */
export function applyInsightFilter(payload: unknown): ReturnType<typeof review.applyInsightFilter> {
  return review.applyInsightFilter(payload);
}

/** Review insights sidebar (google.script.run): shows every clip again. */
export function clearInsightFilter(): ReturnType<typeof review.clearInsightFilter> {
  return review.clearInsightFilter();
}

/** Review insights sidebar (google.script.run): the review status of the selected clips. */
export function setReviewStatus(payload: unknown): ReturnType<typeof review.setReviewStatus> {
  return review.setReviewStatus(payload);
}

/** Peer Exchange › Promote to best practice: the selected clips become one draft practice. */
export function promoteToPractice(): promote.PromoteReport {
  return promote.promoteToPractice();
}

/** Peer Exchange › Best-practice summary…: the sidebar. */
export function showPracticeSummary(): void {
  practiceSummary.showPracticeSummary();
}

/** Peer Exchange › Restore version…: the sidebar, opened on earlier versions. */
export function showRestoreVersion(): void {
  practiceSummary.showRestoreVersion();
}

/** Best-practice summary sidebar (google.script.run): one practice and the list to pick from. */
export function getPracticeSummary(
  id: unknown,
  mode?: unknown,
): ReturnType<typeof practiceSummary.getPracticeSummary> {
  return practiceSummary.getPracticeSummary(id, mode);
}

/** Best-practice summary sidebar (google.script.run): saves a new version. */
export function savePracticeSummary(
  payload: unknown,
): ReturnType<typeof practiceSummary.savePracticeSummary> {
  return practiceSummary.savePracticeSummary(payload);
}

/** Best-practice summary sidebar (google.script.run): brings an earlier version back. */
export function restorePracticeVersion(
  payload: unknown,
): ReturnType<typeof practiceSummary.restorePracticeVersion> {
  return practiceSummary.restorePracticeVersion(payload);
}
