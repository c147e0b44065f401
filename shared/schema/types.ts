// The shape of the workbook schema: tabs, their columns (found by header, never by position), value
// types, validation and the formula templates set-up writes into derived columns.

export type ValueType =
  | "text"
  | "number"
  | "integer"
  | "date"
  | "boolean"
  | "email"
  | "url"
  | "list"
  | "score1to5";

/** How a derived column's formula is built for one row. Every reference comes from a header lookup. */
export interface FormulaContext {
  /** The sheet row the formula is written into (1-based). */
  readonly row: number;
  /** A1 reference of this tab's column `key` in this row (or `rowOffset` rows below): "K5". */
  cell(key: string, rowOffset?: number): string;
  /** This tab's whole column `key`, absolute: "$K:$K". */
  column(key: string): string;
  /** From the first data row down to this row, for running totals: "K$2:K5". */
  runningColumn(key: string): string;
  /** Another tab's whole column, absolute and quoted: "'Practice History'!$B:$B". */
  otherColumn(tab: string, key: string): string;
  /** Absolute reference of a Settings value cell: "Settings!$B$4". */
  setting(key: string): string;
}

export type FormulaTemplate = (c: FormulaContext) => string;

export interface NumberRange {
  readonly min?: number;
  readonly max?: number;
}

export interface ColumnSpec<K extends string = string, T extends ValueType = ValueType> {
  readonly key: K;
  readonly header: string;
  readonly type: T;
  /** Dropdown values (type "list"). */
  readonly options?: readonly string[];
  /** Whether a value outside `options` / `range` is rejected (true) or only warned about (false). */
  readonly strict?: boolean;
  readonly range?: NumberRange;
  /** A derived column: set-up writes this formula into every data row; trackers never write it. */
  readonly formula?: FormulaTemplate;
  /** Number format applied when set-up creates the column ("0.00", "yyyy-mm-dd"). */
  readonly numberFormat?: string;
  /** Shown as the header cell's note. */
  readonly note: string;
  /** Earlier header texts that still identify this column. */
  readonly aliases?: readonly string[];
}

/** One row of a form tab (Charter, Settings): a label in the first column, its value beside it. */
export interface FieldSpec<K extends string = string> {
  readonly key: K;
  readonly label: string;
  readonly type: ValueType;
  readonly options?: readonly string[];
  readonly range?: NumberRange;
  readonly defaultValue?: string | number | boolean;
  readonly help: string;
}

export type ConditionalFormatSpec =
  | {
      /** Highlight cells of `key` whose text equals `text`. */
      readonly kind: "textEquals";
      readonly key: string;
      readonly text: string;
      readonly background: string;
      readonly fontColor?: string;
    }
  | {
      /** Highlight cells of `key` for which `formula` (written for the first data row) is true. */
      readonly kind: "formula";
      readonly key: string;
      readonly formula: FormulaTemplate;
      readonly background: string;
      readonly fontColor?: string;
    };

export interface NamedRangeSpec {
  readonly name: string;
  /** A column's data rows (table tabs) or a field's value cell (form tabs). */
  readonly key: string;
}

/**
 * "table": a header row, then one record per row. "form": rows of label / value / help (Charter,
 * Settings). "canvas": no columns; charts and text placed by a tracker (Dashboard). "chartData": a hidden
 * helper tab holding one chart's data, rewritten whole by the menu item that draws the chart.
 */
export type TabLayout = "table" | "form" | "canvas" | "chartData";

export interface TabSpec<N extends string = string, C extends readonly ColumnSpec[] = readonly ColumnSpec[]> {
  readonly name: N;
  readonly layout: TabLayout;
  /** What the tab holds, in one sentence (shown in the set-up report and the header note of column A). */
  readonly purpose: string;
  readonly columns: C;
  /** Form tabs: the rows under the header. */
  readonly fields?: readonly FieldSpec[];
  readonly frozenRows: number;
  readonly hidden?: boolean;
  readonly conditionalFormats?: readonly ConditionalFormatSpec[];
  readonly namedRanges?: readonly NamedRangeSpec[];
}

/** The value a record carries for a column of type T; "" is an empty cell. */
export type CellOf<T extends ValueType> = T extends "number" | "integer" | "score1to5"
  ? number | ""
  : T extends "date"
    ? Date | ""
    : T extends "boolean"
      ? boolean
      : string;

/** The typed record of a tab: one property per schema column, keyed by the column's key. */
export type RowOf<S extends TabSpec> = {
  -readonly [C in S["columns"][number] as C["key"]]: CellOf<C["type"]>;
};
