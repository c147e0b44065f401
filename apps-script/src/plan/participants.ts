// Participant preparation (seed: "Preparing Participants"): who still misses what, and the reminder
// mail — previewed first, sent only after the coordinator says yes, one mail per person.
import { preparationReminder, preparationTodos } from "../../../shared/methods/preparation";
import type { ParticipantRow } from "../../../shared/schema";
import { guardMenuAction } from "../menuGuard";
import { readForm } from "../sheets/form";
import { openTable, type TableRow } from "../sheets/table";
import { openWorkbook } from "../sheets/workbook";

type Ui = GoogleAppsScript.Base.Ui;

const TITLE = "Send preparation reminders";
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Lines listed by name in an alert before "and N more". */
const SHOWN = 20;

export interface ReminderPlan {
  /** People with something missing and a usable email; `missing` says what they still have to do. */
  send: { row: number; person: string; site: string; email: string; missing: string[] }[];
  /** People with something missing but no usable email. */
  noEmail: { person: string; site: string; missing: string[] }[];
  /** Named participants with nothing missing. */
  ready: number;
}

/** Who gets what: a pure reading of the Participants rows. */
export function planReminders(rows: readonly TableRow<"Participants">[]): ReminderPlan {
  const plan: ReminderPlan = { send: [], noEmail: [], ready: 0 };
  for (const { row, record } of rows) {
    const person = record.person.trim();
    if (person === "") continue;
    const missing = preparationTodos(record);
    if (missing.length === 0) {
      plan.ready += 1;
      continue;
    }
    const email = record.email.trim();
    if (EMAIL.test(email)) plan.send.push({ row, person, site: record.site, email, missing });
    else plan.noEmail.push({ person, site: record.site, missing });
  }
  return plan;
}

function bullet(p: { person: string; site: string; missing: string[] }): string {
  return `• ${p.person}${p.site ? ` (${p.site})` : ""}: ${p.missing.join("; ")}`;
}

function bullets(items: readonly { person: string; site: string; missing: string[] }[]): string {
  const lines = items.slice(0, SHOWN).map(bullet);
  if (items.length > SHOWN) lines.push(`…and ${items.length - SHOWN} more.`);
  return lines.join("\n");
}

const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

/** Peer Exchange › Send preparation reminders. */
export function sendPreparationReminders(): void {
  guardMenuAction(TITLE, remind);
}

function remind(): void {
  const ui = SpreadsheetApp.getUi();
  const workbook = openWorkbook();
  if (!workbook.ok) {
    ui.alert(TITLE, workbook.error.message, ui.ButtonSet.OK);
    return;
  }
  const spreadsheet = workbook.value;
  const table = openTable(spreadsheet, "Participants", {
    require: [
      "person",
      "site",
      "email",
      "ndaSigned",
      "dataPacketSent",
      "unknown1",
      "unknown2",
      "consentToRecord",
    ],
  });
  if (!table.ok) {
    ui.alert(TITLE, table.error.message, ui.ButtonSet.OK);
    return;
  }
  const rows = table.value.read();
  if (!rows.some((r) => r.record.person.trim() !== "")) {
    ui.alert(
      TITLE,
      "The Participants tab lists no one yet. Add each person with their site and email (one row each), then run Send preparation reminders again.",
      ui.ButtonSet.OK,
    );
    return;
  }
  const plan = planReminders(rows);
  if (plan.send.length === 0 && plan.noEmail.length === 0) {
    ui.alert(TITLE, `Everyone is prepared (${people(plan.ready)}): nothing to remind.`, ui.ButtonSet.OK);
    return;
  }
  if (plan.send.length === 0) {
    ui.alert(
      TITLE,
      `${people(plan.noEmail.length)} still have preparation missing, but no valid email in the Email column:\n\n${bullets(plan.noEmail)}\n\nAdd their emails, then run Send preparation reminders again.`,
      ui.ButtonSet.OK,
    );
    return;
  }
  if (!confirmPlan(ui, plan)) {
    ui.alert(TITLE, "No reminders were sent.", ui.ButtonSet.OK);
    return;
  }
  const quota = MailApp.getRemainingDailyQuota();
  if (quota < plan.send.length) {
    ui.alert(
      TITLE,
      `Your account can send ${quota} more email${quota === 1 ? "" : "s"} today, fewer than the ${plan.send.length} reminders. Nothing was sent; try again tomorrow.`,
      ui.ButtonSet.OK,
    );
    return;
  }
  const charter = readForm(spreadsheet, "Charter");
  const exchangeName = charter.ok ? String(charter.value.values.exchangeName ?? "") : "";
  const sent: ReminderPlan["send"] = [];
  const failed: string[] = [];
  for (const person of plan.send) {
    const mail = preparationReminder(
      rows.find((r) => r.row === person.row)?.record as ParticipantRow,
      exchangeName,
    );
    try {
      MailApp.sendEmail({ to: person.email, subject: mail.subject, body: mail.body, name: "Peer Exchange" });
      sent.push(person);
    } catch (error) {
      failed.push(`${person.person} (${String((error as Error)?.message ?? error)})`);
    }
  }
  const now = new Date();
  if (sent.length > 0 && table.value.columnOf("lastReminded") !== undefined) {
    table.value.update(sent.map((p) => ({ row: p.row, values: { lastReminded: now } })));
  }
  const lines = [`Sent ${sent.length} reminder${sent.length === 1 ? "" : "s"}.`];
  if (plan.noEmail.length > 0)
    lines.push(`Not sent, no valid email: ${plan.noEmail.map((p) => p.person).join(", ")}.`);
  if (failed.length > 0) lines.push(`Could not send: ${failed.join("; ")}.`);
  ui.alert(TITLE, lines.join("\n\n"), ui.ButtonSet.OK);
}

function confirmPlan(ui: Ui, plan: ReminderPlan): boolean {
  const parts = [
    `${people(plan.send.length)} will ${plan.send.length === 1 ? "get" : "each get"} one email, to their own address, listing only their own missing steps:`,
    bullets(plan.send),
  ];
  if (plan.noEmail.length > 0) {
    parts.push(`Not reminded, no valid email (${people(plan.noEmail.length)}):\n${bullets(plan.noEmail)}`);
  }
  if (plan.ready > 0) parts.push(`Already prepared: ${people(plan.ready)}.`);
  parts.push("Send the reminders now?");
  return ui.alert(TITLE, parts.join("\n\n"), ui.ButtonSet.YES_NO) === ui.Button.YES;
}
