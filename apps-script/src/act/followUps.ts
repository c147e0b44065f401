// Schedule follow-ups / Stop follow-ups: the one daily time-driven trigger that runs runFollowUps. An
// editor add-on may hold one time-driven trigger per user per document, at most hourly
// (https://developers.google.com/workspace/add-ons/concepts/editor-triggers), and a user cannot see
// another user's triggers, so who installed it is kept in the document properties and named to others.
import { isEmail } from "../../../shared/methods/followUps";
import { guardMenuResult } from "../menuGuard";
import { openTable } from "../sheets/table";
import { openWorkbook } from "../sheets/workbook";
import { actionItems, dayClock, exchangeOf, openActions } from "./context";
import { lastRun, type RunSummary } from "./followUpRun";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const HANDLER = "runFollowUps";
export const TRIGGER_KEY = "followUps.trigger";
/** The hour (workbook time zone) the daily run starts near. */
export const RUN_HOUR = 7;
const SHOWN = 20;

export interface Installed {
  user: string;
  id: string;
  since: string;
}

export interface ScheduleReport {
  ok: boolean;
  message: string;
  /** Whether this call installed (schedule) or removed (stop) the trigger. */
  changed: boolean;
}

const result = (ok: boolean, message: string, changed = false): ScheduleReport => ({ ok, message, changed });

function me(): string {
  return Session.getEffectiveUser().getEmail() || "you";
}

/** Who scheduled the follow-ups, as recorded when they did (a person cannot see another's triggers). */
export function installed(): Installed | null {
  const text = PropertiesService.getDocumentProperties()?.getProperty(TRIGGER_KEY);
  if (!text) return null;
  try {
    return JSON.parse(text) as Installed;
  } catch {
    return null;
  }
}

/** The current person's daily follow-up triggers on this workbook. */
export function myTriggers(spreadsheet: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter((t) => t.getHandlerFunction() === HANDLER);
}

function describeLastRun(run: RunSummary | null): string {
  if (!run) return "It has not run yet.";
  const when = run.at.slice(0, 16).replace("T", " ");
  if (run.state === "authorization needed")
    return `The last run (${when} UTC) stopped: the add-on needs to be authorized again. Stop follow-ups and schedule them again to re-authorize.`;
  if (run.state === "stopped") return `The last run (${when} UTC) stopped: ${run.note ?? "unknown reason"}`;
  const parts = [`The last run (${when} UTC) sent ${run.sent} email${run.sent === 1 ? "" : "s"}`];
  if (run.skipped > 0) parts.push(`skipped ${run.skipped} (see the Follow-up Log tab)`);
  if (run.created.length > 0) parts.push(`added 30-day follow-up rows for ${run.created.join(", ")}`);
  let text = `${parts.join(", ")}.`;
  if (run.noEmail.length > 0) text += ` Owners without an email: ${run.noEmail.slice(0, SHOWN).join(", ")}.`;
  return text;
}

/** Peer Exchange › Schedule follow-ups. */
export function scheduleFollowUps(): ScheduleReport {
  return guardMenuResult("Schedule follow-ups", schedule, (message) => result(false, message));
}

function schedule(): ScheduleReport {
  const TITLE = "Schedule follow-ups";
  const ui = SpreadsheetApp.getUi();
  const say = (ok: boolean, message: string, changed = false) => {
    ui.alert(TITLE, message, ui.ButtonSet.OK);
    return result(ok, message, changed);
  };
  const workbook = openWorkbook();
  if (!workbook.ok) return say(false, workbook.error.message);
  const spreadsheet = workbook.value;
  const user = me();
  if (myTriggers(spreadsheet).length > 0)
    return say(
      true,
      `Follow-ups are already scheduled by you (every day near ${RUN_HOUR}:00): no second schedule was added. ${describeLastRun(lastRun())}`,
    );
  const other = installed();
  if (other && other.user !== user)
    return say(
      false,
      `Follow-ups are already scheduled by ${other.user} (since ${other.since.slice(0, 10)}): a second schedule would send every reminder twice, so none was added. ${describeLastRun(lastRun())} To take them over, ask ${other.user} to run Peer Exchange › Stop follow-ups first.`,
    );
  const clock = dayClock(spreadsheet);
  const exchange = exchangeOf(spreadsheet, clock);
  if (!exchange.ok) return say(false, `${exchange.error.message} Nothing was scheduled.`);
  const actions = openActions(spreadsheet);
  if (!actions.ok) return say(false, `${actions.error.message} Nothing was scheduled.`);
  for (const name of ["Follow-up 30d", "Follow-up Log"] as const) {
    const tab = openTable(spreadsheet, name);
    if (!tab.ok) return say(false, `${tab.error.message} Nothing was scheduled.`);
  }
  const items = actionItems(actions.value.read(), clock);
  const noEmail = [
    ...new Set(
      items
        .filter((a) => a.owner.trim() !== "" && !isEmail(a.ownerEmail))
        .map((a) => `${a.owner.trim()} (${a.site})`),
    ),
  ];
  if (noEmail.length > 0) {
    const answer = ui.alert(
      TITLE,
      `These action owners have no valid email and will get no reminders: ${noEmail.slice(0, SHOWN).join(", ")}${noEmail.length > SHOWN ? ` and ${noEmail.length - SHOWN} more` : ""}.\n\nAdd their emails in the Owner email column (the daily run picks them up), or schedule now anyway?`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES)
      return say(false, "Nothing was scheduled. Add the owners' emails, then run Schedule follow-ups again.");
  }
  let trigger: GoogleAppsScript.Script.Trigger;
  try {
    trigger = ScriptApp.newTrigger(HANDLER).timeBased().everyDays(1).atHour(RUN_HOUR).create();
  } catch (error) {
    return say(
      false,
      `Google refused the daily schedule: ${String((error as Error)?.message ?? error)}. An add-on may keep one time-driven trigger per person in each workbook; nothing was scheduled.`,
    );
  }
  PropertiesService.getDocumentProperties()?.setProperty(
    TRIGGER_KEY,
    JSON.stringify({ user, id: trigger.getUniqueId(), since: new Date().toISOString() }),
  );
  return say(
    true,
    `Follow-ups scheduled: every day near ${RUN_HOUR}:00, each action owner gets one email listing their overdue actions and those due within 7 days; the sites' owners and participants are invited to their 4-week check-in a week ahead; and 30 days after the exchange each selected site gets its row on the Follow-up 30d tab. Every email sent or skipped (for example when the daily mail quota runs out) is listed on the Follow-up Log tab; nothing is sent twice.`,
    true,
  );
}

/** Peer Exchange › Stop follow-ups. */
export function stopFollowUps(): ScheduleReport {
  return guardMenuResult("Stop follow-ups", stop, (message) => result(false, message));
}

function stop(): ScheduleReport {
  const TITLE = "Stop follow-ups";
  const ui = SpreadsheetApp.getUi();
  const say = (ok: boolean, message: string, changed = false) => {
    ui.alert(TITLE, message, ui.ButtonSet.OK);
    return result(ok, message, changed);
  };
  const workbook = openWorkbook();
  if (!workbook.ok) return say(false, workbook.error.message);
  const mine = myTriggers(workbook.value);
  const other = installed();
  const user = me();
  if (mine.length === 0) {
    if (other && other.user !== user)
      return say(
        false,
        `Follow-ups were scheduled by ${other.user}; Google lets only the person who scheduled them stop them. Ask ${other.user} to run Peer Exchange › Stop follow-ups. Nothing was changed.`,
      );
    if (other) PropertiesService.getDocumentProperties()?.deleteProperty(TRIGGER_KEY);
    return say(true, "No follow-ups are scheduled: nothing to stop.");
  }
  for (const trigger of mine) ScriptApp.deleteTrigger(trigger);
  PropertiesService.getDocumentProperties()?.deleteProperty(TRIGGER_KEY);
  return say(
    true,
    "Follow-ups stopped: no more reminders or check-in invitations will be sent. The Follow-up Log tab keeps what was sent.",
    true,
  );
}
