// The workbook as JSON for GET /api/workbook and for tests: every tab's computed values and formulas,
// and everything recorded about it (validation, conditional formats, charts, notes, protections).

import { isDate } from "../env.ts";
import { instantOfWall } from "../zones.ts";
import { type Rect, rectA1, sheetRectA1 } from "./a1.ts";
import { groupRects } from "./cellBlocks.ts";
import { type BookModel, isSheetRect, type SheetModel, type SheetRect } from "./model.ts";
import { readValues } from "./range.ts";
import { spreadsheetUrl } from "./spreadsheet.ts";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface SheetDescription {
  name: string;
  index: number;
  sheetId: number;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  maxRows: number;
  maxColumns: number;
  lastRow: number;
  lastColumn: number;
  tabColor: string | null;
  /** Computed values, lastRow × lastColumn; dates as ISO strings, '' for empty. */
  values: (string | number | boolean)[][];
  /** Same shape; '' where the cell holds no formula. */
  formulas: string[][];
  numberFormats: { a1: string; format: string }[];
  notes: { a1: string; note: string }[];
  formats: { a1: string; format: Record<string, JsonValue> }[];
  validations: {
    a1: string;
    criteria: string;
    values: JsonValue[];
    allowInvalid: boolean;
    helpText: string;
  }[];
  conditionalFormats: {
    ranges: string[];
    criteria: string | null;
    values: JsonValue[];
    format: Record<string, JsonValue>;
    gradient: Record<string, JsonValue> | null;
  }[];
  charts: {
    id: number;
    type: string;
    ranges: string[];
    options: Record<string, JsonValue>;
    position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
  }[];
  protections: {
    type: string;
    a1: string | null;
    description: string;
    warningOnly: boolean;
    editors: string[];
  }[];
  merges: string[];
  columnWidths: Record<string, number>;
}

export interface WorkbookDescription {
  id: string;
  name: string;
  url: string;
  timeZone: string;
  activeSheet: string;
  sheets: SheetDescription[];
  namedRanges: { name: string; a1: string }[];
}

/** Criteria values and options as JSON: ranges as A1 with the sheet name, dates as ISO strings. */
export function jsonOf(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (isDate(value)) return value.toISOString();
  if (isSheetRect(value)) return sheetRectA1(value.sheet.name, value.rect);
  if (Array.isArray(value)) return value.map(jsonOf);
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonOf(v)]));
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

const refA1 = (ref: SheetRect): string => sheetRectA1(ref.sheet.name, ref.rect);

export function describeSheet(sheet: SheetModel, index: number): SheetDescription {
  const lastRow = sheet.lastRow();
  const lastColumn = sheet.lastColumn();
  const area: Rect = { row: 1, col: 1, numRows: lastRow, numCols: lastColumn };
  const values =
    lastRow > 0 && lastColumn > 0
      ? readValues(sheet, area).map((line) =>
          // A date as getValues gives it: the instant of the cell's wall clock in the workbook's zone.
          line.map((v) =>
            isDate(v) ? new Date(instantOfWall(v.getTime(), sheet.book.timeZone)).toISOString() : v,
          ),
        )
      : [];
  const formulas: string[][] = [];
  for (let r = 0; r < lastRow; r++) {
    const line = sheet.formulas.rows[r];
    const out: string[] = new Array(lastColumn).fill("");
    if (line) for (let c = 0; c < line.length; c++) if (line[c] !== undefined) out[c] = line[c] as string;
    formulas.push(out);
  }
  const book = sheet.book;
  return {
    name: sheet.name,
    index,
    sheetId: sheet.id,
    hidden: sheet.hidden,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxCols,
    lastRow,
    lastColumn,
    tabColor: sheet.tabColor,
    values,
    formulas,
    numberFormats: groupRects(sheet.numberFormats, (f) => f).map(({ rect, value }) => ({
      a1: rectA1(rect),
      format: value,
    })),
    notes: [...sheet.notes.entries()].map(([r, c, note]) => ({
      a1: rectA1({ row: r + 1, col: c + 1, numRows: 1, numCols: 1 }),
      note,
    })),
    formats: groupRects(sheet.formats, (f) => JSON.stringify(f)).map(({ rect, value }) => ({
      a1: rectA1(rect),
      format: jsonOf(value) as Record<string, JsonValue>,
    })),
    validations: (() => {
      const ids = new Map<object, number>();
      return groupRects(sheet.validations, (v) => {
        if (!ids.has(v)) ids.set(v, ids.size);
        return String(ids.get(v));
      }).map(({ rect, value }) => ({
        a1: rectA1(rect),
        criteria: value.criteria,
        values: value.values.map(jsonOf),
        allowInvalid: value.allowInvalid,
        helpText: value.helpText,
      }));
    })(),
    conditionalFormats: sheet.conditionalRules.map((rule) => {
      const { criteria, values: ruleValues, ...format } = rule.condition ?? { criteria: null, values: [] };
      return {
        ranges: rule.ranges.map(refA1),
        criteria,
        values: ruleValues.map(jsonOf),
        format: jsonOf(
          Object.fromEntries(Object.entries(format).filter(([, v]) => v !== null && v !== undefined)),
        ) as Record<string, JsonValue>,
        gradient: rule.gradient ? (jsonOf(rule.gradient) as Record<string, JsonValue>) : null,
      };
    }),
    charts: sheet.charts.map((chart) => ({
      id: chart.id,
      type: chart.type,
      ranges: chart.ranges.map(refA1),
      options: jsonOf(chart.options) as Record<string, JsonValue>,
      position: { ...chart.position },
    })),
    protections: book.protections
      .filter((p) => p.sheet === sheet)
      .map((p) => ({
        type: p.type,
        a1: p.rect ? rectA1(p.rect) : null,
        description: p.description,
        warningOnly: p.warningOnly,
        editors: [...p.editors],
      })),
    merges: sheet.merges.map(rectA1),
    columnWidths: Object.fromEntries([...sheet.columnWidths.entries()].map(([c, w]) => [String(c), w])),
  };
}

export function describeBook(book: BookModel): WorkbookDescription {
  return {
    id: book.id,
    name: book.name,
    url: spreadsheetUrl(book.id),
    timeZone: book.timeZone,
    activeSheet: book.active().name,
    sheets: book.sheets.map((sheet, i) => describeSheet(sheet, i + 1)),
    namedRanges: [...book.namedRanges.values()].map((n) => ({
      name: n.name,
      a1: sheetRectA1(n.sheet.name, n.rect),
    })),
  };
}
