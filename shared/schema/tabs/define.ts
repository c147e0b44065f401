// Building blocks for the tab specs: a column, a 1–5 score, a tab, the date formats and the change formulas.
import { anyBlank, quoted } from "../formulaParts";
import type { ColumnSpec, FormulaTemplate, NumberRange, TabSpec, ValueType } from "../types";

interface ColumnExtras {
  options?: readonly string[];
  strict?: boolean;
  range?: NumberRange;
  formula?: FormulaTemplate;
  numberFormat?: string;
  aliases?: readonly string[];
}

export function col<const K extends string, const T extends ValueType>(
  key: K,
  header: string,
  type: T,
  note: string,
  extras: ColumnExtras = {},
): ColumnSpec<K, T> {
  return { key, header, type, note, ...extras };
}

export const score = <const K extends string>(key: K, header: string, note: string) =>
  col(key, header, "score1to5", note, { range: { min: 1, max: 5 }, strict: true });

export function defineTab<const N extends string, const C extends readonly ColumnSpec[]>(
  spec: TabSpec<N, C>,
): TabSpec<N, C> {
  return spec;
}

export const DATE = "yyyy-mm-dd";
export const DATETIME = "yyyy-mm-dd hh:mm";

/** Absolute and relative change against a baseline, as live formulas (METHODS.md, change vs baseline). */
export const absoluteChange =
  (from: string, to: string): FormulaTemplate =>
  (c) =>
    `=IF(${anyBlank(c, from, to)},"",${c.cell(to)}-${c.cell(from)})`;
export const relativeChange =
  (from: string, to: string): FormulaTemplate =>
  (c) =>
    `=IF(${anyBlank(c, from, to)},"",IF(${c.cell(from)}=0,${quoted(ZERO_BASELINE)},(${c.cell(to)}-${c.cell(from)})/${c.cell(from)}*100))`;

/** What a relative-change cell says when the baseline is 0 (never divide). */
export const ZERO_BASELINE = "undefined: baseline is 0";
