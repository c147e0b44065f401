// The charter sidebar (seed: "Defining the Scope and Objectives"): the Charter tab's fields and the
// Targets table, edited in one place. Dates cross google.script.run as yyyy-mm-dd text, never as Dates.
import {
  type CharterKey,
  charterFields,
  type FieldSpec,
  type TargetRow,
  targetDirections,
} from "../../../shared/schema";
import { guardMenuAction } from "../menuGuard";
import { readForm, writeForm } from "../sheets/form";
import { fail, ok, type Result } from "../sheets/result";
import { isDateValue, openTable } from "../sheets/table";
import { openWorkbook } from "../sheets/workbook";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface CharterFieldView {
  key: string;
  label: string;
  type: string;
  options: string[];
  help: string;
  /** Text as the sidebar shows it: numbers as digits, dates as yyyy-mm-dd, "" when empty. */
  value: string;
}

/** A target as the sidebar shows it: what it edits, and what the sheet computes. */
export interface TargetView extends Omit<TargetInput, "remove"> {
  /** Computed by the sheet's formulas: a number, "" or a note such as a zero baseline. */
  targetChange: string | number;
  targetChangePercent: string | number;
}

export interface CharterView {
  fields: CharterFieldView[];
  targets: TargetView[];
  directions: string[];
}

export interface TargetInput {
  /** Sheet row on the Targets tab; absent for a new target. */
  row?: number;
  metric: string;
  unit: string;
  direction: string;
  baseline: string;
  target: string;
  targetDate: string;
  /** Clear this target's cells (the row and any columns of your own stay). */
  remove?: boolean;
}

export interface CharterPayload {
  fields: Partial<Record<CharterKey, string>>;
  targets: TargetInput[];
}

export const MAX_TARGETS = 200;
/** The Targets columns the sidebar shows; others (Notes, the coordinator's own) may be missing or moved. */
const TARGET_KEYS = [
  "metric",
  "unit",
  "direction",
  "baseline",
  "target",
  "targetDate",
  "targetChange",
  "targetChangePercent",
] as const;
const MAX_TEXT = 50_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoDay(value: unknown, timeZone: string): string {
  if (!isDateValue(value)) return value === "" ? "" : String(value);
  return Utilities.formatDate(value, timeZone, "yyyy-MM-dd");
}

function asText(value: unknown, type: string, timeZone: string): string {
  if (value === "" || value === null || value === undefined) return "";
  if (type === "date") return isoDay(value, timeZone);
  return String(value);
}

// ---- Reading -------------------------------------------------------------------------------------

export function readCharter(spreadsheet: Spreadsheet): Result<CharterView> {
  const form = readForm(spreadsheet, "Charter");
  if (!form.ok) return form;
  const targets = openTable(spreadsheet, "Targets", { require: TARGET_KEYS });
  if (!targets.ok) return targets;
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const fields = (charterFields as readonly FieldSpec[]).map((f) => ({
    key: f.key,
    label: f.label,
    type: f.type,
    options: [...(f.options ?? [])],
    help: f.help,
    value: asText(form.value.values[f.key], f.type, timeZone),
  }));
  const shown = (value: unknown): string | number =>
    typeof value === "number" ? value : value == null ? "" : String(value);
  const rows = targets.value.read().map(({ row, record, raw }) => ({
    row,
    metric: record.metric,
    unit: record.unit,
    direction: record.direction,
    baseline: asText(record.baseline, "number", timeZone),
    target: asText(record.target, "number", timeZone),
    targetDate: asText(record.targetDate, "date", timeZone),
    targetChange: shown(raw.targetChange),
    // The relative change may be a note ("undefined: baseline is 0"), which a typed read drops.
    targetChangePercent: shown(raw.targetChangePercent),
  }));
  return ok({ fields, targets: rows, directions: [...targetDirections] });
}

// ---- Validating the sidebar's payload ------------------------------------------------------------

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function numberText(value: string, label: string): Result<number | ""> {
  const text = value.trim();
  if (text === "") return ok("");
  const n = Number(text.replace(",", "."));
  return Number.isFinite(n)
    ? ok(n)
    : fail("invalid_number", `${label} must be a number (you wrote “${text}”).`);
}

function dayText(value: string, label: string): Result<string> {
  const text = value.trim();
  if (text === "") return ok("");
  const m = ISO_DAY.exec(text);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.getUTCMonth() !== Number(m[2]) - 1) {
    return fail("invalid_date", `${label} must be a date like 2026-03-31 (you wrote “${text}”).`);
  }
  return ok(text);
}

/** Checks everything the sidebar sent before anything is written. */
export function parseCharterPayload(
  payload: unknown,
): Result<{ fields: Record<string, string | number>; targets: TargetInput[] }> {
  if (!isRecord(payload))
    return fail("invalid_payload", "The charter could not be read. Reload the sidebar and try again.");
  const rawFields = payload.fields ?? {};
  const rawTargets = payload.targets ?? [];
  if (!isRecord(rawFields) || !Array.isArray(rawTargets)) {
    return fail("invalid_payload", "The charter could not be read. Reload the sidebar and try again.");
  }
  const fields: Record<string, string | number> = {};
  for (const [key, raw] of Object.entries(rawFields)) {
    const field = (charterFields as readonly FieldSpec[]).find((f) => f.key === key);
    if (!field) continue;
    if (typeof raw !== "string") return fail("invalid_payload", `${field.label} must be text.`);
    if (raw.length > MAX_TEXT)
      return fail("too_long", `${field.label} is longer than a cell can hold (50,000 characters).`);
    const text = raw.trim();
    if (field.type === "number" || field.type === "integer") {
      const n = numberText(text, field.label);
      if (!n.ok) return n;
      if (field.type === "integer" && n.value !== "" && !Number.isInteger(n.value)) {
        return fail("invalid_number", `${field.label} must be a whole number.`);
      }
      fields[key] = n.value;
    } else if (field.type === "date") {
      const d = dayText(text, field.label);
      if (!d.ok) return d;
      fields[key] = d.value;
    } else if (field.type === "list" && text !== "" && !(field.options ?? []).includes(text)) {
      return fail("invalid_choice", `${field.label} must be one of: ${(field.options ?? []).join(", ")}.`);
    } else {
      fields[key] = text;
    }
  }
  const start = fields.startDate;
  const end = fields.endDate;
  if (typeof start === "string" && typeof end === "string" && start !== "" && end !== "" && end < start) {
    return fail(
      "end_before_start",
      `The end date (${end}) is before the start date (${start}). Change one of them, then save again.`,
    );
  }
  if (rawTargets.length > MAX_TARGETS)
    return fail("too_many", `A charter holds at most ${MAX_TARGETS} targets.`);
  const targets: TargetInput[] = [];
  for (const [i, raw] of rawTargets.entries()) {
    const label = `Target ${i + 1}`;
    if (!isRecord(raw)) return fail("invalid_payload", `${label} could not be read.`);
    const text = (key: string): string => (typeof raw[key] === "string" ? (raw[key] as string).trim() : "");
    for (const key of ["metric", "unit", "direction", "baseline", "target", "targetDate"]) {
      if (raw[key] !== undefined && raw[key] !== null && typeof raw[key] !== "string") {
        return fail("invalid_payload", `${label}: ${key} must be text.`);
      }
      if (text(key).length > MAX_TEXT) return fail("too_long", `${label}: ${key} is too long for a cell.`);
    }
    const row = raw.row;
    if (row !== undefined && (typeof row !== "number" || !Number.isInteger(row) || row < 2)) {
      return fail("invalid_payload", `${label} points at a row that does not exist. Reload the sidebar.`);
    }
    const target: TargetInput = {
      ...(row !== undefined ? { row } : {}),
      metric: text("metric"),
      unit: text("unit"),
      direction: text("direction"),
      baseline: text("baseline"),
      target: text("target"),
      targetDate: text("targetDate"),
      ...(raw.remove === true ? { remove: true } : {}),
    };
    if (target.remove) {
      if (target.row !== undefined) targets.push(target);
      continue;
    }
    const filled = [target.unit, target.direction, target.baseline, target.target, target.targetDate].some(
      (v) => v !== "",
    );
    if (target.metric === "" && !filled) continue;
    const name = target.metric === "" ? label : `“${target.metric}”`;
    if (target.metric === "") return fail("missing_metric", `${label} needs a metric name.`);
    if (target.direction !== "" && !(targetDirections as readonly string[]).includes(target.direction)) {
      return fail("invalid_choice", `${name}: direction must be “lower is better” or “higher is better”.`);
    }
    for (const [key, what] of [
      ["baseline", "baseline"],
      ["target", "target"],
    ] as const) {
      const n = numberText(target[key], `${name}: the ${what}`);
      if (!n.ok) return n;
    }
    const wrongWay = directionProblem(target, name);
    if (wrongWay) return fail("wrong_direction", wrongWay);
    const d = dayText(target.targetDate, `${name}: the target date`);
    if (!d.ok) return d;
    targets.push(target);
  }
  return ok({ fields, targets });
}

/** A target that does not move the way its direction says is better, in a sentence; null when it does. */
function directionProblem(target: TargetInput, name: string): string | null {
  if (target.baseline === "" || target.target === "" || target.direction === "") return null;
  const baseline = Number(target.baseline.replace(",", "."));
  const goal = Number(target.target.replace(",", "."));
  const lower = target.direction === "lower is better";
  if (lower ? goal < baseline : goal > baseline) return null;
  return `${name}: ${target.direction}, so the target (${goal}) should be ${lower ? "below" : "above"} the baseline (${baseline}). Change the target or the direction, then save again.`;
}

const TARGET_FIELDS = ["metric", "unit", "direction", "baseline", "target", "targetDate"] as const;

function list(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function targetSentence(verb: string, names: readonly string[]): string {
  if (names.length === 0) return "";
  const quoted = names.map((n) => `“${n}”`);
  return names.length === 1
    ? `${verb} the target ${quoted[0]}.`
    : `${verb} ${names.length} targets: ${list(quoted)}.`;
}

/** What a save changed, as plain sentences; says so when nothing did. */
export function charterChangeMessage(before: CharterView, after: CharterView): string {
  const was = new Map(before.fields.map((f) => [f.key, f.value]));
  const fields = after.fields.filter((f) => was.get(f.key) !== f.value).map((f) => f.label.toLowerCase());
  const old = new Map(before.targets.map((t) => [t.row, t]));
  const now = new Map(after.targets.map((t) => [t.row, t]));
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const t of after.targets) {
    const prior = old.get(t.row);
    if (t.metric === "" && (!prior || prior.metric === "")) continue;
    if (!prior || prior.metric === "") added.push(t.metric);
    else if (t.metric === "") removed.push(prior.metric);
    else if (TARGET_FIELDS.some((k) => String(prior[k]) !== String(t[k]))) changed.push(t.metric);
  }
  for (const t of before.targets) if (!now.has(t.row) && t.metric !== "") removed.push(t.metric);
  const sentences = [
    fields.length === 0
      ? ""
      : fields.length <= 3
        ? `Saved the ${list(fields)}.`
        : `Saved ${fields.length} charter fields: ${list(fields)}.`,
    targetSentence("Added", added),
    targetSentence("Changed", changed),
    targetSentence("Removed", removed),
  ].filter(Boolean);
  return sentences.length > 0
    ? sentences.join(" ")
    : "Nothing changed: the charter and its targets already said this.";
}

// ---- Saving --------------------------------------------------------------------------------------

export function writeCharter(
  spreadsheet: Spreadsheet,
  input: { fields: Record<string, string | number>; targets: TargetInput[] },
): Result<{ fieldsSaved: number; targetsAdded: number; targetsUpdated: number; targetsCleared: number }> {
  const form = readForm(spreadsheet, "Charter");
  if (!form.ok) return form;
  const table = openTable(spreadsheet, "Targets", { require: TARGET_KEYS });
  if (!table.ok) return table;
  const { missing } = writeForm(form.value, input.fields);
  if (missing.length > 0) {
    return fail(
      "missing_field",
      "Some charter rows are missing. Run Peer Exchange › Set up / repair workbook, then save again.",
    );
  }
  const last = table.value.lastRow();
  const value = (t: TargetInput): Partial<TargetRow> => ({
    metric: t.metric,
    unit: t.unit,
    direction: t.direction,
    baseline: t.baseline === "" ? "" : Number(t.baseline.replace(",", ".")),
    target: t.target === "" ? "" : Number(t.target.replace(",", ".")),
    // Written as yyyy-mm-dd text, which Sheets reads as a date in the workbook's time zone.
    targetDate: t.targetDate as unknown as Date | "",
  });
  const updates: { row: number; values: Partial<TargetRow> }[] = [];
  const additions: Partial<TargetRow>[] = [];
  let cleared = 0;
  for (const t of input.targets) {
    if (t.row !== undefined && t.row > last) {
      return fail(
        "stale_row",
        "The Targets tab changed since the sidebar opened. Reload the sidebar and save again.",
        true,
      );
    }
    if (t.remove && t.row !== undefined) {
      updates.push({
        row: t.row,
        values: { metric: "", unit: "", direction: "", baseline: "", target: "", targetDate: "" },
      });
      cleared += 1;
    } else if (t.row !== undefined) updates.push({ row: t.row, values: value(t) });
    else additions.push(value(t));
  }
  table.value.update(updates);
  table.value.append(additions);
  return ok({
    fieldsSaved: Object.keys(input.fields).length,
    targetsAdded: additions.length,
    targetsUpdated: updates.length - cleared,
    targetsCleared: cleared,
  });
}

// ---- Entries -------------------------------------------------------------------------------------

/** Peer Exchange › Charter…: the sidebar, or a message saying what to do first. */
export function showCharter(): void {
  guardMenuAction("Charter", openCharterSidebar);
}

function openCharterSidebar(): void {
  const ui = SpreadsheetApp.getUi();
  const workbook = openWorkbook();
  const view = workbook.ok ? readCharter(workbook.value) : workbook;
  if (!view.ok) {
    ui.alert("Charter", view.error.message, ui.ButtonSet.OK);
    return;
  }
  const template = HtmlService.createTemplateFromFile("charter");
  // Auto-escaped by <?= ?>: the sidebar parses it back from an attribute.
  template.stateJson = JSON.stringify(view.value);
  ui.showSidebar(template.evaluate().setTitle("Exchange charter"));
}

/** google.script.run: the charter as the sidebar shows it. */
export function getCharter(): Result<CharterView> {
  try {
    const workbook = openWorkbook();
    return workbook.ok ? readCharter(workbook.value) : workbook;
  } catch (error) {
    return fail(
      "unexpected",
      `The charter could not be read: ${String((error as Error)?.message ?? error)}`,
      true,
    );
  }
}

/** google.script.run: saves the sidebar's fields and targets, then returns the charter as saved. */
export function saveCharter(payload: unknown): Result<{ view: CharterView; message: string }> {
  try {
    const parsed = parseCharterPayload(payload);
    if (!parsed.ok) return parsed;
    const workbook = openWorkbook();
    if (!workbook.ok) return workbook;
    const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
    if (!lock.tryLock(10_000))
      return fail("busy", "Someone else is saving right now. Try again in a moment.", true);
    let saved: ReturnType<typeof writeCharter>;
    let before: ReturnType<typeof readCharter>;
    try {
      before = readCharter(workbook.value);
      saved = before.ok ? writeCharter(workbook.value, parsed.value) : before;
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
    if (!saved.ok || !before.ok) return before.ok ? (saved as Result<never>) : before;
    const view = readCharter(workbook.value);
    if (!view.ok) return view;
    return ok({ view: view.value, message: charterChangeMessage(before.value, view.value) });
  } catch (error) {
    return fail(
      "unexpected",
      `The charter could not be saved: ${String((error as Error)?.message ?? error)}`,
      true,
    );
  }
}
