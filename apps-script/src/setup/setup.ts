// Set up / repair workbook: creates every schema tab with headers, frozen header row, validation,
// conditional formats, named ranges and derived formulas; on a second run it restores only what is
// missing. It never deletes user data: user columns, rows and formatting stay. Service calls are per
// tab and per column, never per row.
import {
  type AnyTab,
  type ColumnSpec,
  type ConditionalFormatSpec,
  FIRST_DATA_ROW,
  type FieldSpec,
  formulaContext,
  normalizeHeader,
  tabs,
  type ValueType,
} from "../../../shared/schema";
import { guardMenuAction } from "../menuGuard";
import { type FormTab, type FormTabName, readForm, writeForm } from "../sheets/form";
import { locateColumns, readHeaderRow } from "../sheets/headers";
import { type LiveLayout, liveLayout } from "../sheets/layout";
import type { Result } from "../sheets/result";
import { storeWorkbookId, WORKBOOK_ID_KEY } from "../sheets/workbook";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

export interface SetUpReport {
  createdTabs: string[];
  /** Plain sentences, one per kind of repair. */
  changes: string[];
}

interface TabState {
  spec: AnyTab;
  sheet: Sheet;
  created: boolean;
  /** 1-based column of each schema key after headers were repaired. */
  columns: Map<string, number>;
  /** The grid's row count, read once (see gridRows). */
  maxRows?: number;
  /** A form tab as read once its rows are complete (see formOf). */
  form?: Result<FormTab>;
}

/** A sheet that is not a schema tab: a candidate for a renamed tab; its header row is read at most once. */
interface OtherSheet {
  sheet: Sheet;
  headers?: string[];
}

/** The workbook's sheets, listed once per repair: how many there are and which are not schema tabs. */
interface SheetDirectory {
  count: number;
  others: OtherSheet[];
}

const HEADER_BACKGROUND = "#e8eaed";
/** Rows added under the header when a tab has none left. */
const MIN_DATA_ROWS = 100;

/** Repairs the workbook in place and says what it changed. */
function repairWorkbook(spreadsheet: Spreadsheet): SetUpReport {
  const report: SetUpReport = { createdTabs: [], changes: [] };
  const restoredHeaders: string[] = [];
  const refilledHeaders: string[] = [];
  const states: TabState[] = [];
  let directory: SheetDirectory | undefined;
  const sheets = (): SheetDirectory => {
    if (!directory) {
      const all = spreadsheet.getSheets();
      const known = new Set(tabs.map((t) => normalizeHeader(t.name)));
      directory = {
        count: all.length,
        others: all
          .filter((sheet) => !known.has(normalizeHeader(sheet.getName())))
          .map((sheet) => ({ sheet })),
      };
    }
    return directory;
  };
  for (const spec of tabs) {
    const state = ensureTab(spreadsheet, spec, report, sheets);
    const headers = ensureHeaders(state);
    restoredHeaders.push(...headers.appended);
    refilledHeaders.push(...headers.refilled);
    states.push(state);
  }
  if (refilledHeaders.length > 0) {
    report.changes.push(
      `Wrote back ${count(refilledHeaders.length, "cleared header")} over ${refilledHeaders.length === 1 ? "its" : "their"} column, data kept: ${list(refilledHeaders)}.`,
    );
  }
  if (restoredHeaders.length > 0) {
    report.changes.push(
      `Added ${count(restoredHeaders.length, "missing column")} at the end of the header row: ${list(restoredHeaders)}.`,
    );
  }
  removeEmptyDefaultSheet(spreadsheet, report);

  const restoredFields: string[] = [];
  for (const state of states)
    if (state.spec.layout === "form") restoredFields.push(...ensureFields(spreadsheet, state));
  if (restoredFields.length > 0) {
    report.changes.push(`Restored ${count(restoredFields.length, "missing row")}: ${list(restoredFields)}.`);
  }
  recordWorkbookId(spreadsheet, report, states);

  const layout = liveLayout(
    spreadsheet,
    states.map((state) => [state.spec.name, state.columns]),
  );
  const formulaColumns: string[] = [];
  const validations: string[] = [];
  const formats: string[] = [];
  const builders: ValidationBuilders = new Map();
  for (const state of states) {
    const formulas = state.spec.layout === "table" ? ensureFormulas(state, layout) : [];
    const rules = ensureValidation(spreadsheet, state, builders);
    const highlights = ensureConditionalFormats(state, layout);
    // A tab created just now is reported once, by name; only repairs of existing tabs are listed.
    if (state.created) continue;
    formulaColumns.push(...formulas);
    validations.push(...rules);
    formats.push(...highlights);
  }
  if (formulaColumns.length > 0) {
    report.changes.push(
      `Filled in the formulas of ${count(formulaColumns.length, "column")}: ${list(formulaColumns)}.`,
    );
  }
  if (validations.length > 0) {
    report.changes.push(
      `Restored the dropdowns and checks of ${count(validations.length, "column")}: ${list(validations)}.`,
    );
  }
  if (formats.length > 0) {
    report.changes.push(`Restored ${count(formats.length, "highlighting rule")}: ${list(formats)}.`);
  }
  const named = ensureNamedRanges(spreadsheet, states);
  if (named.length > 0) {
    report.changes.push(`Restored ${count(named.length, "named range")}: ${list(named)}.`);
  }
  return report;
}

/** What the coordinator reads after set-up. */
function describeReport(report: SetUpReport): string {
  const lines: string[] = [];
  if (report.createdTabs.length === tabs.length) {
    lines.push(
      `Created ${tabs.length} tabs with headers, dropdowns, formulas and highlighting: ${report.createdTabs.join(", ")}.`,
      "Next: fill in the Charter (Peer Exchange › Charter…), then list candidate institutions on the Peers tab.",
    );
    return lines.join("\n\n");
  }
  if (report.createdTabs.length > 0) {
    lines.push(
      `Created ${count(report.createdTabs.length, "missing tab")}: ${report.createdTabs.join(", ")}.`,
    );
  }
  lines.push(...report.changes);
  if (lines.length === 0)
    return "Everything was already in place. Your data, extra columns and formatting were left as they were.";
  lines.push("Your data, extra columns and formatting were left as they were.");
  return lines.join("\n\n");
}

// ---- Tabs and headers ----------------------------------------------------------------------------

function ensureTab(
  spreadsheet: Spreadsheet,
  spec: AnyTab,
  report: SetUpReport,
  sheets: () => SheetDirectory,
): TabState {
  let sheet = spreadsheet.getSheetByName(spec.name);
  let created = false;
  if (!sheet) {
    // A renamed tab keeps its rows: give it its name back rather than start an empty copy beside it.
    const renamed = findRenamedTable(sheets(), spec);
    if (renamed) {
      const old = renamed.getName();
      renamed.setName(spec.name);
      report.changes.push(
        `Renamed the tab “${old}” back to “${spec.name}”: it has that tab's headers, and the add-on finds its tabs by name.`,
      );
      return { spec, sheet: renamed, created: false, columns: new Map() };
    }
  }
  if (!sheet) {
    const directory = sheets();
    sheet = spreadsheet.insertSheet(spec.name, directory.count);
    directory.count += 1;
    created = true;
    report.createdTabs.push(spec.name);
  }
  return { spec, sheet, created, columns: new Map() };
}

/**
 * A tab that is not one of the schema's yet carries every header of the missing table tab `spec`: the
 * same tab under a name the coordinator gave it. Only looked for when a tab is missing; once found it
 * is a schema tab again and no longer a candidate.
 */
function findRenamedTable(directory: SheetDirectory, spec: AnyTab): Sheet | undefined {
  const columns = spec.columns as readonly ColumnSpec[];
  if (spec.layout !== "table" || columns.length < 3) return undefined;
  const at = directory.others.findIndex((other) => {
    other.headers ??= readHeaderRow(other.sheet);
    return locateColumns(other.headers, columns).size === columns.length;
  });
  if (at < 0) return undefined;
  return directory.others.splice(at, 1)[0]?.sheet;
}

/**
 * A blank header cell right after the column that comes before `column` in the schema, or right before
 * the one after it: where a cleared header was, so its data is not left under no name.
 */
function clearedHeaderAt(
  headers: readonly string[],
  columns: readonly ColumnSpec[],
  located: ReadonlyMap<string, number>,
  column: ColumnSpec,
  taken: ReadonlySet<number>,
): number | undefined {
  const k = columns.indexOf(column);
  const blank = (at: number) =>
    at >= 1 && at <= headers.length && headers[at - 1]?.trim() === "" && !taken.has(at);
  const before = columns[k - 1] ? located.get((columns[k - 1] as ColumnSpec).key) : undefined;
  if (before !== undefined && blank(before + 1)) return before + 1;
  const after = columns[k + 1] ? located.get((columns[k + 1] as ColumnSpec).key) : undefined;
  if (after !== undefined && blank(after - 1)) return after - 1;
  return undefined;
}

/**
 * Finds each schema column by header. A header cleared in place is written back over its column; other
 * missing columns are appended after the last used column.
 */
function ensureHeaders(state: TabState): { appended: string[]; refilled: string[] } {
  const { spec, sheet, created } = state;
  const columns = spec.columns as readonly ColumnSpec[];
  const none = { appended: [], refilled: [] };
  if (columns.length === 0) {
    // A canvas says what it is for; a chart's data tab stays empty until its menu item writes it.
    if (created && spec.layout === "canvas") {
      sheet.getRange(1, 1).setValue(`${spec.name}: ${spec.purpose}`);
      sheet.getRange(1, 1).setFontWeight("bold");
    }
    if (created && spec.hidden) sheet.hideSheet();
    return none;
  }
  const headers = created ? [] : readHeaderRow(sheet);
  const located = locateColumns(headers, columns);
  const refilled: string[] = [];
  const taken = new Set<number>();
  for (const c of columns) {
    if (located.has(c.key)) continue;
    const at = clearedHeaderAt(headers, columns, located, c, taken);
    if (at === undefined) continue;
    const cell = sheet.getRange(1, at);
    cell.setValue(c.header);
    cell.setNote(c.note);
    cell.setFontWeight("bold");
    cell.setBackground(HEADER_BACKGROUND);
    located.set(c.key, at);
    taken.add(at);
    refilled.push(`${spec.name} › ${c.header}`);
  }
  const missing = columns.filter((c) => !located.has(c.key));
  if (missing.length > 0) {
    const start = headers.length + 1;
    ensureWidth(sheet, start + missing.length - 1);
    const range = sheet.getRange(1, start, 1, missing.length);
    range.setValues([missing.map((c) => c.header)]);
    range.setNotes([missing.map((c) => c.note)]);
    range.setFontWeight("bold");
    range.setBackground(HEADER_BACKGROUND);
    missing.forEach((c, i) => {
      located.set(c.key, start + i);
    });
    // Adjacent new columns that share a number format get it in one call.
    for (let i = 0; i < missing.length; ) {
      const format = missing[i]?.numberFormat;
      let j = i + 1;
      while (j < missing.length && missing[j]?.numberFormat === format) j += 1;
      if (format) dataRange(state, start + i, j - i).setNumberFormat(format);
      i = j;
    }
  }
  if (created) {
    sheet.setFrozenRows(spec.frozenRows);
    if (spec.hidden) sheet.hideSheet();
  } else if (sheet.getFrozenRows() < spec.frozenRows) {
    sheet.setFrozenRows(spec.frozenRows);
  }
  // Validation and highlighting need data rows under the header, even on a grid cut down to one row.
  const rows = gridRows(state);
  if (rows < FIRST_DATA_ROW) {
    sheet.insertRowsAfter(rows, MIN_DATA_ROWS);
    state.maxRows = rows + MIN_DATA_ROWS;
  }
  state.columns = located;
  return { appended: created ? [] : missing.map((c) => `${spec.name} › ${c.header}`), refilled };
}

function ensureWidth(sheet: Sheet, columns: number): void {
  const max = sheet.getMaxColumns();
  if (columns > max) sheet.insertColumnsAfter(max, columns - max);
}

/** The grid's row count, read once per tab: set-up only changes it where it says so. */
function gridRows(state: TabState): number {
  state.maxRows ??= state.sheet.getMaxRows();
  return state.maxRows;
}

/** Data rows of one column (or `width` columns), from the first data row to the bottom of the grid. */
function dataRange(state: TabState, column: number, width = 1): Range {
  return state.sheet.getRange(
    FIRST_DATA_ROW,
    column,
    Math.max(1, gridRows(state) - FIRST_DATA_ROW + 1),
    width,
  );
}

/** A fresh workbook's empty "Sheet1" goes once the exchange tabs exist; a used one stays. */
function removeEmptyDefaultSheet(spreadsheet: Spreadsheet, report: SetUpReport): void {
  if (report.createdTabs.length === 0) return;
  for (const name of ["Sheet1", "Feuille 1", "Hoja 1", "Tabelle1"]) {
    const sheet = spreadsheet.getSheetByName(name);
    if (
      sheet &&
      sheet.getLastRow() === 0 &&
      sheet.getLastColumn() === 0 &&
      spreadsheet.getSheets().length > 1
    ) {
      spreadsheet.deleteSheet(sheet);
    }
  }
}

// ---- Form tabs (Charter, Settings) ---------------------------------------------------------------

/** A form tab read once per repair; set-up's own writes to it keep its rows where they were. */
function formOf(spreadsheet: Spreadsheet, state: TabState): Result<FormTab> {
  state.form ??= readForm(spreadsheet, state.spec.name as FormTabName);
  return state.form;
}

function ensureFields(spreadsheet: Spreadsheet, state: TabState): string[] {
  const { spec, sheet } = state;
  const form = formOf(spreadsheet, state);
  if (!form.ok) return [];
  const fields = spec.fields ?? [];
  const missing = fields.filter((f) => !form.value.rows.has(f.key));
  if (missing.length === 0) return [];
  const label = form.value.labelColumn;
  const value = form.value.valueColumn;
  const help = state.columns.get("help");
  const width = Math.max(label, value, help ?? 0);
  const start = Math.max(sheet.getLastRow(), 1) + 1;
  const block = missing.map((f) => {
    const row: unknown[] = new Array(width).fill("");
    row[label - 1] = f.label;
    row[value - 1] = f.defaultValue ?? "";
    if (help !== undefined) row[help - 1] = f.help;
    return row;
  });
  // Only the schema's cells of each new row are written, so a user column between them is untouched.
  const left = Math.min(label, value, help ?? label);
  sheet
    .getRange(start, left, block.length, width - left + 1)
    .setValues(block.map((row) => row.slice(left - 1)));
  // Rows written under the last one may have grown the grid, and the form has new rows to find.
  state.maxRows = undefined;
  state.form = undefined;
  return state.created ? [] : missing.map((f) => `${spec.name} › ${f.label}`);
}

function recordWorkbookId(spreadsheet: Spreadsheet, report: SetUpReport, states: readonly TabState[]): void {
  const id = spreadsheet.getId();
  // Both stores must hold the id (the web app reads script properties): each is read once.
  if (
    PropertiesService.getScriptProperties().getProperty(WORKBOOK_ID_KEY) !== id ||
    PropertiesService.getDocumentProperties()?.getProperty(WORKBOOK_ID_KEY) !== id
  ) {
    storeWorkbookId(id);
  }
  const settings = states.find((state) => state.spec.name === "Settings");
  const form = settings ? formOf(spreadsheet, settings) : readForm(spreadsheet, "Settings");
  if (form.ok && form.value.values.workbookId !== id) {
    writeForm(form.value, { workbookId: id });
    if (report.createdTabs.length === 0)
      report.changes.push("Recorded this workbook's id for the clip endpoint.");
  }
}

// ---- Derived formulas ----------------------------------------------------------------------------

/** Writes each derived column's formula into every data row where it is missing or out of date. */
function ensureFormulas(state: TabState, layout: LiveLayout): string[] {
  const { spec, sheet } = state;
  const derived = (spec.columns as readonly ColumnSpec[]).filter((c) => c.formula);
  const last = sheet.getLastRow();
  if (derived.length === 0 || last < FIRST_DATA_ROW) return [];
  const rows = last - FIRST_DATA_ROW + 1;
  const positions = derived.map((c) => state.columns.get(c.key) as number);
  const left = Math.min(...positions);
  const right = Math.max(...positions);
  // One bounded read of the formulas in the derived columns' span.
  const current = sheet.getRange(FIRST_DATA_ROW, left, rows, right - left + 1).getFormulas();
  const rewritten: string[] = [];
  derived.forEach((c, i) => {
    const column = positions[i] as number;
    const expected = Array.from({ length: rows }, (_, r) => [
      (c.formula as NonNullable<ColumnSpec["formula"]>)(
        formulaContext(layout, spec.name, FIRST_DATA_ROW + r),
      ),
    ]);
    const differs = expected.some(([formula], r) => current[r]?.[column - left] !== formula);
    if (!differs) return;
    sheet.getRange(FIRST_DATA_ROW, column, rows, 1).setFormulas(expected as string[][]);
    rewritten.push(`${spec.name} › ${c.header}`);
  });
  return rewritten;
}

// ---- Data validation -----------------------------------------------------------------------------

interface ValidationNeed {
  type: ValueType;
  options?: readonly string[];
  range?: { min?: number; max?: number };
  strict?: boolean;
  help: string;
}

type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
/** One builder per kind of rule in a repair: columns of one kind differ only by their help text. */
type ValidationBuilders = Map<string, DataValidationBuilder>;

/** The rule a column or field needs, or null when any value is fine. */
function validationRule(need: ValidationNeed): {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  build: (builders: ValidationBuilders) => DataValidation;
} | null {
  const strict = need.strict ?? false;
  const make = (
    criteria: string,
    values: unknown[],
    apply: (
      b: GoogleAppsScript.Spreadsheet.DataValidationBuilder,
    ) => GoogleAppsScript.Spreadsheet.DataValidationBuilder,
    allowInvalid = !strict,
  ) => ({
    criteria,
    values,
    allowInvalid,
    build: (builders: ValidationBuilders) => {
      const key = JSON.stringify([criteria, values, allowInvalid]);
      let builder = builders.get(key);
      if (!builder) {
        builder = apply(SpreadsheetApp.newDataValidation()).setAllowInvalid(allowInvalid);
        builders.set(key, builder);
      }
      // build() copies the builder's state, so the next column's help text leaves this rule as it is.
      return builder.setHelpText(need.help).build();
    },
  });
  switch (need.type) {
    case "list":
      return need.options
        ? make(
            "VALUE_IN_LIST",
            [[...need.options], true],
            (b) => b.requireValueInList([...(need.options ?? [])], true),
            !(need.strict ?? true),
          )
        : null;
    case "boolean":
      return make("CHECKBOX", [], (b) => b.requireCheckbox(), false);
    case "date":
      return make("DATE_IS_VALID_DATE", [], (b) => b.requireDate());
    case "email":
      return make("TEXT_IS_VALID_EMAIL", [], (b) => b.requireTextIsEmail());
    case "url":
      return make("TEXT_IS_VALID_URL", [], (b) => b.requireTextIsUrl());
    case "score1to5":
    case "number":
    case "integer": {
      const min = need.range?.min ?? (need.type === "score1to5" ? 1 : undefined);
      const max = need.range?.max ?? (need.type === "score1to5" ? 5 : undefined);
      const numberStrict = need.type === "score1to5" ? (need.strict ?? true) : strict;
      if (min !== undefined && max !== undefined) {
        return make("NUMBER_BETWEEN", [min, max], (b) => b.requireNumberBetween(min, max), !numberStrict);
      }
      if (min !== undefined) {
        return make(
          "NUMBER_GREATER_THAN_OR_EQUAL_TO",
          [min],
          (b) => b.requireNumberGreaterThanOrEqualTo(min),
          !numberStrict,
        );
      }
      if (max !== undefined) {
        return make(
          "NUMBER_LESS_THAN_OR_EQUAL_TO",
          [max],
          (b) => b.requireNumberLessThanOrEqualTo(max),
          !numberStrict,
        );
      }
      return null;
    }
    default:
      return null;
  }
}

function sameRule(
  existing: DataValidation | null | undefined,
  wanted: { criteria: string; values: unknown[]; allowInvalid: boolean },
): boolean {
  if (!existing) return false;
  return (
    String(existing.getCriteriaType()) === wanted.criteria &&
    existing.getAllowInvalid() === wanted.allowInvalid &&
    JSON.stringify(existing.getCriteriaValues()) === JSON.stringify(wanted.values)
  );
}

/** Table tabs: each column's rule over its data rows. Form tabs: each field's rule on its value cell. */
function ensureValidation(spreadsheet: Spreadsheet, state: TabState, builders: ValidationBuilders): string[] {
  const { spec, sheet } = state;
  const restored: string[] = [];
  if (spec.layout === "table") {
    const needs = (spec.columns as readonly ColumnSpec[])
      .filter((c) => !c.formula)
      .map((c) => ({ c, rule: validationRule({ ...c, help: c.note }) }))
      .filter((n) => n.rule !== null);
    if (needs.length === 0) return [];
    const width = Math.max(...needs.map((n) => state.columns.get(n.c.key) as number));
    // The first and the last grid row tell whether a column's rule still covers its data rows; a tab
    // created just now has none to read back.
    const read = (row: number) =>
      state.created ? [] : (sheet.getRange(row, 1, 1, width).getDataValidations()[0] ?? []);
    const top = read(FIRST_DATA_ROW);
    const bottom = read(gridRows(state));
    for (const { c, rule } of needs) {
      if (!rule) continue;
      const column = state.columns.get(c.key) as number;
      if (sameRule(top[column - 1], rule) && sameRule(bottom[column - 1], rule)) continue;
      dataRange(state, column).setDataValidation(rule.build(builders));
      restored.push(`${spec.name} › ${c.header}`);
    }
    return restored;
  }
  if (spec.layout === "form") {
    const form = formOf(spreadsheet, state);
    if (!form.ok) return [];
    const fields = (spec.fields ?? []) as readonly FieldSpec[];
    const last = sheet.getLastRow();
    if (last < FIRST_DATA_ROW) return [];
    const current = state.created
      ? []
      : sheet
          .getRange(FIRST_DATA_ROW, form.value.valueColumn, last - FIRST_DATA_ROW + 1, 1)
          .getDataValidations();
    for (const field of fields) {
      const row = form.value.rows.get(field.key);
      const rule = validationRule({ ...field, strict: field.type === "list" });
      if (row === undefined || !rule) continue;
      if (sameRule(current[row - FIRST_DATA_ROW]?.[0], rule)) continue;
      sheet.getRange(row, form.value.valueColumn).setDataValidation(rule.build(builders));
      restored.push(`${spec.name} › ${field.label}`);
    }
  }
  return restored;
}

// ---- Conditional formats -------------------------------------------------------------------------

function ensureConditionalFormats(state: TabState, layout: LiveLayout): string[] {
  const { spec, sheet } = state;
  const wanted = (spec.conditionalFormats ?? []) as readonly ConditionalFormatSpec[];
  if (wanted.length === 0) return [];
  // A tab created just now has no rules to read back.
  const rules = state.created ? [] : sheet.getConditionalFormatRules();
  const existing = rules.map((rule) => {
    const condition = rule.getBooleanCondition();
    const first = rule.getRanges()[0];
    return {
      column: first ? first.getColumn() : -1,
      row: first ? first.getRow() : -1,
      bottom: first ? first.getLastRow() : -1,
      criteria: condition ? String(condition.getCriteriaType()) : "",
      values: condition ? JSON.stringify(condition.getCriteriaValues()) : "",
      background: condition?.getBackground() ?? null,
    };
  });
  const maxRows = gridRows(state);
  const next = [...rules];
  const restored: string[] = [];
  let changed = false;
  for (const format of wanted) {
    const column = state.columns.get(format.key);
    if (column === undefined) continue;
    const criteria = format.kind === "textEquals" ? "TEXT_EQUAL_TO" : "CUSTOM_FORMULA";
    const value =
      format.kind === "textEquals"
        ? format.text
        : format.formula(formulaContext(layout, spec.name, FIRST_DATA_ROW));
    const at = existing.findIndex(
      (e) =>
        e.column === column &&
        e.row === FIRST_DATA_ROW &&
        e.criteria === criteria &&
        e.values === JSON.stringify([value]) &&
        (e.background ?? "").toLowerCase() === format.background.toLowerCase(),
    );
    if (at >= 0 && (existing[at]?.bottom ?? 0) >= maxRows) continue;
    let builder = SpreadsheetApp.newConditionalFormatRule()
      .setRanges([dataRange(state, column)])
      .setBackground(format.background);
    builder =
      format.kind === "textEquals" ? builder.whenTextEqualTo(value) : builder.whenFormulaSatisfied(value);
    if (format.fontColor) builder = builder.setFontColor(format.fontColor);
    if (at >= 0) next[at] = builder.build();
    else next.push(builder.build());
    restored.push(
      `${spec.name} › ${(spec.columns as readonly ColumnSpec[]).find((c) => c.key === format.key)?.header}`,
    );
    changed = true;
  }
  if (changed) sheet.setConditionalFormatRules(next);
  return restored;
}

// ---- Named ranges --------------------------------------------------------------------------------

function ensureNamedRanges(spreadsheet: Spreadsheet, states: readonly TabState[]): string[] {
  const current = new Map(spreadsheet.getNamedRanges().map((n) => [n.getName(), n]));
  const restored: string[] = [];
  for (const state of states) {
    const { spec, sheet } = state;
    if (!spec.namedRanges?.length) continue;
    const form = spec.layout === "form" ? formOf(spreadsheet, state) : null;
    for (const named of spec.namedRanges) {
      // Where the name should start; the range itself is only made when the name has to change.
      let start: { row: number; column: number; range: () => Range } | null = null;
      if (form) {
        const row = form.ok ? form.value.rows.get(named.key) : undefined;
        if (row !== undefined && form.ok) {
          const column = form.value.valueColumn;
          start = { row, column, range: () => sheet.getRange(row, column) };
        }
      } else {
        const column = state.columns.get(named.key);
        if (column !== undefined)
          start = { row: FIRST_DATA_ROW, column, range: () => dataRange(state, column) };
      }
      if (!start) continue;
      const existing = current.get(named.name);
      if (existing) {
        if (pointsAt(existing, spec.name, start)) continue;
        existing.setRange(start.range());
      } else {
        spreadsheet.setNamedRange(named.name, start.range());
      }
      if (!state.created) restored.push(named.name);
    }
  }
  return restored;
}

/** Whether a named range already starts at the target cell; a range whose cells were deleted does not. */
function pointsAt(
  named: GoogleAppsScript.Spreadsheet.NamedRange,
  tabName: string,
  target: { row: number; column: number },
): boolean {
  try {
    const range = named.getRange();
    const sameSheet = normalizeHeader(range.getSheet().getName()) === normalizeHeader(tabName);
    return sameSheet && range.getColumn() === target.column && range.getRow() === target.row;
  } catch {
    return false;
  }
}

// ---- Words ---------------------------------------------------------------------------------------

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** The first few items, then how many more. */
function list(items: readonly string[], shown = 8): string {
  if (items.length <= shown) return items.join(", ");
  return `${items.slice(0, shown).join(", ")} and ${items.length - shown} more`;
}

// ---- Entry ---------------------------------------------------------------------------------------

/** The menu item: repairs the active workbook and reports in an alert. */
export function runSetUp(): void {
  guardMenuAction("Peer Exchange: set up / repair", setUp);
}

function setUp(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) {
    ui.alert(
      "Peer Exchange",
      "Open the exchange workbook first, then run Peer Exchange › Set up / repair workbook.",
      ui.ButtonSet.OK,
    );
    return;
  }
  const report = repairWorkbook(spreadsheet);
  if (report.createdTabs.includes("Charter")) spreadsheet.getSheetByName("Charter")?.activate();
  ui.alert("Peer Exchange: set up / repair", describeReport(report), ui.ButtonSet.OK);
}
