// The daily follow-up run (the one time-driven trigger): each owner's digest of overdue actions and those
// due within 7 days, the 4-week check-in invitations, and the 30-day follow-up rows when due. Everything
// done once is keyed in the Follow-up Log (kind, recipient, day or check-in), so nothing goes out twice;
// what the mail quota does not allow, and owners without an email, are logged as skipped. A run whose
// authorization was lost records that in the document properties and stops without an error.
import {
  checkInInvitations,
  checkInMail,
  dayText,
  digestMail,
  planDigests,
} from "../../../shared/methods/followUps";
import type { RowFor } from "../../../shared/schema";
import { openTable } from "../sheets/table";
import { openWorkbook } from "../sheets/workbook";
import { actionItems, dayClock, exchangeOf, openActions, selectedSites } from "./context";
import { createFollowUpRows } from "./followUp30";

export const LAST_RUN_KEY = "followUps.lastRun";

type LogRow = Partial<RowFor<"Follow-up Log">>;

export interface RunSummary {
  at: string;
  state: "completed" | "authorization needed" | "stopped" | "busy";
  sent: number;
  skipped: number;
  created: string[];
  noEmail: string[];
  note?: string;
}

function remember(summary: RunSummary): RunSummary {
  try {
    PropertiesService.getDocumentProperties()?.setProperty(LAST_RUN_KEY, JSON.stringify(summary));
  } catch {
    // Nowhere left to record it: the run still ends quietly.
  }
  return summary;
}

/** The last run's summary, if any (shown by Schedule follow-ups). */
export function lastRun(): RunSummary | null {
  const text = PropertiesService.getDocumentProperties()?.getProperty(LAST_RUN_KEY);
  if (!text) return null;
  try {
    return JSON.parse(text) as RunSummary;
  } catch {
    return null;
  }
}

function authorizationLost(): boolean {
  try {
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
  } catch {
    return true;
  }
}

/** The trigger's handler. Never throws: a time-driven run has nobody to show an error to. */
export function runFollowUps(): RunSummary {
  const at = new Date().toISOString();
  const base = { at, sent: 0, skipped: 0, created: [], noEmail: [] };
  if (authorizationLost())
    return remember({
      ...base,
      state: "authorization needed",
      note: "The add-on needs to be authorized again: open the workbook and run Peer Exchange › Schedule follow-ups.",
    });
  let lock: GoogleAppsScript.Lock.Lock | null = null;
  try {
    lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
    // Another run (or a person's edit under the lock) is busy: tomorrow's run catches up.
    if (!lock.tryLock(30_000)) return { ...base, state: "busy" };
    const summary = run(at);
    // Google's Lock guide: flush before releasing, so a person's edit next sees the log rows.
    SpreadsheetApp.flush();
    return remember(summary);
  } catch (error) {
    return remember({ ...base, state: "stopped", note: String((error as Error)?.message ?? error) });
  } finally {
    lock?.releaseLock();
  }
}

function run(at: string): RunSummary {
  const stopped = (note: string): RunSummary => ({
    at,
    state: "stopped",
    sent: 0,
    skipped: 0,
    created: [],
    noEmail: [],
    note,
  });
  const workbook = openWorkbook();
  if (!workbook.ok) return stopped(workbook.error.message);
  const spreadsheet = workbook.value;
  const now = new Date(at);
  const clock = dayClock(spreadsheet, now);
  const today = clock.today;
  const day = dayText(today);
  const log = openTable(spreadsheet, "Follow-up Log");
  if (!log.ok) return stopped(log.error.message);
  const exchange = exchangeOf(spreadsheet, clock);
  if (!exchange.ok) return stopped(exchange.error.message);
  const actions = openActions(spreadsheet);
  if (!actions.ok) return stopped(actions.error.message);
  const items = actionItems(actions.value.read(), clock);
  const participants = openTable(spreadsheet, "Participants", { require: ["site", "email"] });
  const people = participants.ok
    ? participants.value
        .read({ keys: ["site", "email"] })
        .map((r) => ({ site: r.record.site.trim(), email: r.record.email }))
    : [];
  const done = new Set(
    log.value
      .read({ keys: ["key"] })
      .map((r) => r.record.key)
      .filter((k) => k !== ""),
  );
  const rows: LogRow[] = [];
  const record = (row: LogRow) => {
    rows.push({ at: now, ...row });
    if (row.key) done.add(row.key);
  };

  // 30-day follow-up rows, once per selected site.
  let created: string[] = [];
  const sites = selectedSites(spreadsheet);
  if (sites.ok) {
    const made = createFollowUpRows(spreadsheet, sites.value, exchange.value.day, clock, today);
    if (made.ok) created = made.value.created;
    for (const site of created)
      record({
        kind: "30-day follow-up row",
        site,
        outcome: "created",
        detail: `Check-in ${made.ok ? made.value.checkIn : ""}`,
        key: `followup30|${site}`,
      });
  }

  const { digests, noEmail } = planDigests(items, today);
  const invitations = checkInInvitations(items, people, today);
  // Invitations first (each goes out once, before its date); then digests, the owner reminded least
  // recently first, so a short quota never starves the same owner day after day.
  const lastDigest = new Map<string, string>();
  for (const key of done) {
    const [kind, email, on] = key.split("|");
    if (kind === "digest" && email && on && on > (lastDigest.get(email) ?? "")) lastDigest.set(email, on);
  }
  const ordered = [...digests].sort((a, b) =>
    (lastDigest.get(a.email) ?? "").localeCompare(lastDigest.get(b.email) ?? ""),
  );
  const mails = [
    ...invitations.map((inv) => ({
      key: `checkin|${inv.email}|${inv.site}|${dayText(inv.checkIn)}`,
      kind: "check-in invitation",
      to: inv.email,
      site: inv.site,
      detail: `Check-in ${dayText(inv.checkIn)}`,
      mail: () => checkInMail(inv, exchange.value.name),
    })),
    ...ordered.map((d) => ({
      key: `digest|${d.email}|${day}`,
      kind: "digest",
      to: d.email,
      site: [...new Set([...d.overdue, ...d.dueSoon].map((a) => a.site))].join(", "),
      detail: `${d.overdue.length} overdue, ${d.dueSoon.length} due within 7 days`,
      mail: () => digestMail(d, exchange.value.name),
    })),
  ].filter((m) => !done.has(m.key));

  let sent = 0;
  let skipped = 0;
  let remaining = mails.length > 0 ? MailApp.getRemainingDailyQuota() : 0;
  for (const m of mails) {
    if (remaining < 1) {
      skipped += 1;
      const skipKey = `skipped|${m.key}|${day}`;
      if (!done.has(skipKey))
        record({
          kind: m.kind,
          recipient: m.to,
          site: m.site,
          outcome: "skipped: daily mail quota reached (tried again tomorrow)",
          detail: m.detail,
          key: skipKey,
        });
      continue;
    }
    const { subject, body } = m.mail();
    try {
      MailApp.sendEmail({ to: m.to, subject, body, name: "Peer Exchange" });
      remaining -= 1;
      sent += 1;
      record({ kind: m.kind, recipient: m.to, site: m.site, outcome: "sent", detail: m.detail, key: m.key });
    } catch (error) {
      skipped += 1;
      record({
        kind: m.kind,
        recipient: m.to,
        site: m.site,
        outcome: `not sent: ${String((error as Error)?.message ?? error)}`,
        detail: m.detail,
      });
    }
  }
  const unreachable = [...new Set(noEmail.map((o) => `${o.owner} (${o.site})`))];
  for (const o of noEmail) {
    const key = `noemail|${o.owner}|${o.site}|${day}`;
    if (done.has(key)) continue;
    record({
      kind: "digest",
      recipient: o.owner,
      site: o.site,
      outcome: "not sent: the owner has no valid email",
      detail: o.change,
      key,
    });
  }
  if (rows.length > 0) log.value.append(rows);
  return { at, state: "completed", sent, skipped, created, noEmail: unreachable };
}
