// Small builders for formula templates, so each derived column reads as its published method.
import type { FormulaContext } from "./types";

/** `OR(A2="",B2="")` for the given columns of this row. */
export function anyBlank(c: FormulaContext, ...keys: string[]): string {
  const tests = keys.map((key) => `${c.cell(key)}=""`);
  return tests.length === 1 ? (tests[0] as string) : `OR(${tests.join(",")})`;
}

/** The column letters of a 1-based column index: 1 → A, 27 → AA. */
export function columnLetters(index: number): string {
  if (!Number.isInteger(index) || index < 1) throw new RangeError(`column index must be ≥ 1, got ${index}`);
  let letters = "";
  let n = index;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A tab name as a formula refers to it: quoted when it is not a plain word. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A formula string literal. */
export function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A cell's text as a SUMIF / COUNTIFS criterion that matches only itself: `*`, `?` and `~` in a session
 * title or site name ("… try differently?") would otherwise act as wildcards and count other rows.
 */
export function literalCriterion(cell: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${cell},"~","~~"),"*","~*"),"?","~?")`;
}
