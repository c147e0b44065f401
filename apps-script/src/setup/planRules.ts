// Set-up's plan for the rules on each tab (dropdowns and checks, highlighting, named ranges): what the
// schema asks for against what was read, as batchUpdate requests and the sentences that report them.

import {
  type ColumnSpec,
  type ConditionalFormatSpec,
  FIRST_DATA_ROW,
  type FieldSpec,
  formulaContext,
  type ValueType,
  type WorkbookLayout,
} from "../../../shared/schema";
import {
  type Block,
  color,
  gridRange,
  hexOf,
  type Request,
  type RuleShape,
  ruleShape,
  sameShape,
  validationRule,
} from "./requests";
import type { WorkbookSnapshot } from "./snapshot";
import { dataBlock, formOf, type TabState } from "./tabState";

// ---- Data validation -----------------------------------------------------------------------------

interface ValidationNeed {
  type: ValueType;
  options?: readonly string[];
  range?: { min?: number; max?: number };
  strict?: boolean;
}

// https://developers.google.com/workspace/sheets/api/reference/rest/v4/other#ConditionType
/** The rule a column or field needs, or null when any value is fine. */
export function ruleFor(need: ValidationNeed): RuleShape | null {
  const strict = need.strict ?? false;
  const shape = (type: string, values: string[], isStrict = strict, showCustomUi = false): RuleShape => ({
    type,
    values,
    strict: isStrict,
    showCustomUi,
  });
  switch (need.type) {
    case "list":
      return need.options ? shape("ONE_OF_LIST", [...need.options], need.strict ?? true, true) : null;
    case "boolean":
      return shape("BOOLEAN", [], true);
    case "date":
      return shape("DATE_IS_VALID", []);
    case "email":
      return shape("TEXT_IS_EMAIL", []);
    case "url":
      return shape("TEXT_IS_URL", []);
    case "score1to5":
    case "number":
    case "integer": {
      const min = need.range?.min ?? (need.type === "score1to5" ? 1 : undefined);
      const max = need.range?.max ?? (need.type === "score1to5" ? 5 : undefined);
      const numberStrict = need.type === "score1to5" ? (need.strict ?? true) : strict;
      if (min !== undefined && max !== undefined)
        return shape("NUMBER_BETWEEN", [String(min), String(max)], numberStrict);
      if (min !== undefined) return shape("NUMBER_GREATER_THAN_EQ", [String(min)], numberStrict);
      if (max !== undefined) return shape("NUMBER_LESS_THAN_EQ", [String(max)], numberStrict);
      return null;
    }
    default:
      return null;
  }
}

function ruleAt(snapshot: WorkbookSnapshot, state: TabState, row: number, column: number): RuleShape | null {
  if (state.created) return null;
  return ruleShape(snapshot.validations.get(state.readAs)?.get(row)?.get(column));
}

/** Table tabs: each column's rule over its data rows. Form tabs: each field's rule on its value cell. */
export function planValidation(state: TabState, snapshot: WorkbookSnapshot, requests: Request[]): string[] {
  const { spec } = state;
  const restored: string[] = [];
  if (spec.layout === "table") {
    for (const c of spec.columns as readonly ColumnSpec[]) {
      if (c.formula) continue;
      const rule = ruleFor(c);
      if (!rule) continue;
      const column = state.columnsByKey.get(c.key) as number;
      // The first and the last grid row tell whether a column's rule still covers its data rows.
      const top = ruleAt(snapshot, state, FIRST_DATA_ROW, column);
      const bottom = state.grown ? null : ruleAt(snapshot, state, state.rows, column);
      if (sameShape(top, rule) && sameShape(bottom, rule)) continue;
      requests.push({
        setDataValidation: { range: gridRange(dataBlock(state, column)), rule: validationRule(rule, c.note) },
      });
      restored.push(`${spec.name} › ${c.header}`);
    }
    return restored;
  }
  if (spec.layout === "form") {
    const form = formOf(state);
    if (!form) return [];
    if (state.lastRow < FIRST_DATA_ROW) return [];
    for (const field of (spec.fields ?? []) as readonly FieldSpec[]) {
      const row = form.rows.get(field.key);
      const rule = ruleFor({ ...field, strict: field.type === "list" });
      if (row === undefined || !rule) continue;
      if (sameShape(ruleAt(snapshot, state, row, form.valueColumn), rule)) continue;
      requests.push({
        setDataValidation: {
          range: gridRange({ sheetId: state.sheetId, row, column: form.valueColumn, rows: 1, columns: 1 }),
          rule: validationRule(rule, field.help),
        },
      });
      restored.push(`${spec.name} › ${field.label}`);
    }
  }
  return restored;
}

// ---- Conditional formats -------------------------------------------------------------------------

const CONDITION_OF = { textEquals: "TEXT_EQ", formula: "CUSTOM_FORMULA" } as const;

export function planConditionalFormats(
  state: TabState,
  snapshot: WorkbookSnapshot,
  layout: WorkbookLayout,
  requests: Request[],
): string[] {
  const { spec } = state;
  const wanted = (spec.conditionalFormats ?? []) as readonly ConditionalFormatSpec[];
  if (wanted.length === 0) return [];
  const sheet = snapshot.sheets.find((s) => s.sheetId === state.sheetId);
  const rules = state.created || !sheet ? [] : sheet.conditionalFormats;
  const existing = rules.map((rule) => {
    const first = (rule.ranges as Record<string, number | undefined>[] | undefined)?.[0];
    const boolean = rule.booleanRule as
      | {
          condition?: { type?: string; values?: { userEnteredValue?: string }[] };
          format?: Record<string, unknown>;
        }
      | undefined;
    return {
      column: first ? (first.startColumnIndex ?? 0) + 1 : -1,
      row: first ? (first.startRowIndex ?? 0) + 1 : -1,
      bottom: first ? (first.endRowIndex ?? sheet?.rows ?? 0) : -1,
      type: boolean?.condition?.type ?? "",
      values: JSON.stringify((boolean?.condition?.values ?? []).map((v) => v.userEnteredValue ?? "")),
      background: hexOf(boolean?.format?.backgroundColor),
    };
  });
  let appended = 0;
  const restored: string[] = [];
  for (const format of wanted) {
    const column = state.columnsByKey.get(format.key);
    if (column === undefined) continue;
    const type = CONDITION_OF[format.kind];
    const value =
      format.kind === "textEquals"
        ? format.text
        : format.formula(formulaContext(layout, spec.name, FIRST_DATA_ROW));
    const at = existing.findIndex(
      (e) =>
        e.column === column &&
        e.row === FIRST_DATA_ROW &&
        e.type === type &&
        e.values === JSON.stringify([value]) &&
        (e.background ?? "").toLowerCase() === format.background.toLowerCase(),
    );
    if (at >= 0 && (existing[at]?.bottom ?? 0) >= state.rows) continue;
    const rule = {
      ranges: [gridRange(dataBlock(state, column))],
      booleanRule: {
        condition: { type, values: [{ userEnteredValue: value }] },
        format: {
          backgroundColor: color(format.background),
          ...(format.fontColor ? { textFormat: { foregroundColor: color(format.fontColor) } } : {}),
        },
      },
    };
    if (at >= 0) requests.push({ updateConditionalFormatRule: { sheetId: state.sheetId, index: at, rule } });
    else requests.push({ addConditionalFormatRule: { rule, index: rules.length + appended++ } });
    restored.push(
      `${spec.name} › ${(spec.columns as readonly ColumnSpec[]).find((c) => c.key === format.key)?.header}`,
    );
  }
  return restored;
}

// ---- Named ranges --------------------------------------------------------------------------------

export function planNamedRanges(
  snapshot: WorkbookSnapshot,
  states: readonly TabState[],
  requests: Request[],
): string[] {
  const current = new Map(snapshot.namedRanges.map((n) => [n.name.toLowerCase(), n]));
  const restored: string[] = [];
  for (const state of states) {
    const { spec } = state;
    if (!spec.namedRanges?.length) continue;
    const form = spec.layout === "form" ? formOf(state) : undefined;
    for (const named of spec.namedRanges) {
      let block: Block | undefined;
      if (spec.layout === "form") {
        const row = form?.rows.get(named.key);
        if (form && row !== undefined)
          block = { sheetId: state.sheetId, row, column: form.valueColumn, rows: 1, columns: 1 };
      } else {
        const column = state.columnsByKey.get(named.key);
        if (column !== undefined) block = dataBlock(state, column);
      }
      if (!block) continue;
      const existing = current.get(named.name.toLowerCase());
      if (existing) {
        // Already starting at the target cell of this tab: left as it is.
        if (
          existing.sheetId === state.sheetId &&
          existing.row === block.row &&
          existing.column === block.column
        )
          continue;
        requests.push({
          updateNamedRange: {
            namedRange: { namedRangeId: existing.namedRangeId, name: existing.name, range: gridRange(block) },
            fields: "range",
          },
        });
      } else {
        requests.push({ addNamedRange: { namedRange: { name: named.name, range: gridRange(block) } } });
      }
      if (!state.created) restored.push(named.name);
    }
  }
  return restored;
}
