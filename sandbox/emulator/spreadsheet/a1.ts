// A1 notation: column letters, cell and range references with an optional sheet name, all 1-based.

/** A block of cells, 1-based like Apps Script: row/column of the top-left cell and its size. */
export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ParsedA1 {
  sheetName: string | null;
  /** Null bounds mean "to the end of the sheet" (A:B, 1:3, A2:A). */
  row: number | null;
  col: number | null;
  endRow: number | null;
  endCol: number | null;
}

export function columnToLetters(col: number): string {
  let out = "";
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}

/** "B2" for one cell, "B2:D9" otherwise, as Range.getA1Notation() returns it. */
export function rectA1(rect: Rect): string {
  const start = cellA1(rect.row, rect.col);
  if (rect.numRows === 1 && rect.numCols === 1) return start;
  return `${start}:${cellA1(rect.row + rect.numRows - 1, rect.col + rect.numCols - 1)}`;
}

/** Sheet names needing quotes in a reference are quoted, inner quotes doubled ('Peer data'!A1). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function sheetRectA1(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectA1(rect)}`;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(part: string): { col: number | null; row: number | null } | null {
  const m = PART.exec(part);
  if (!m || (!m[1] && !m[2])) return null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0) return null;
  return { col: m[1] ? lettersToColumn(m[1]) : null, row };
}

/** Parses "A1", "A1:C3", "A:C", "2:5", "A2:A", "'Sheet name'!B2:C". Returns null when invalid. */
export function parseA1(input: string): ParsedA1 | null {
  let text = input.trim();
  let sheetName: string | null = null;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    let name = text.slice(0, bang);
    text = text.slice(bang + 1);
    if (name.startsWith("'") && name.endsWith("'") && name.length >= 2)
      name = name.slice(1, -1).replace(/''/g, "'");
    if (!name) return null;
    sheetName = name;
  }
  const pieces = text.split(":");
  if (pieces.length > 2 || !pieces[0]) return null;
  const start = parsePart(pieces[0]);
  if (!start) return null;
  if (pieces.length === 1) {
    if (start.row === null || start.col === null) return null;
    return { sheetName, row: start.row, col: start.col, endRow: start.row, endCol: start.col };
  }
  const end = parsePart(pieces[1] ?? "");
  if (!end) return null;
  // Whole rows ("2:5") or whole columns ("A:C") must be whole on both sides.
  if ((start.col === null) !== (end.col === null) && start.row !== null && end.row !== null) return null;
  if (start.col === null && end.col !== null && end.row === null) return null;
  const rowA = start.row;
  const rowB = end.row;
  const colA = start.col;
  const colB = end.col;
  return {
    sheetName,
    row: rowA === null ? null : rowB === null ? rowA : Math.min(rowA, rowB),
    endRow: rowA === null || rowB === null ? null : Math.max(rowA, rowB),
    col: colA === null ? null : colB === null ? colA : Math.min(colA, colB),
    endCol: colA === null || colB === null ? null : Math.max(colA, colB),
  };
}

/** Resolves open bounds against the sheet size. */
export function resolveA1(parsed: ParsedA1, maxRows: number, maxCols: number): Rect {
  const row = parsed.row ?? 1;
  const col = parsed.col ?? 1;
  const endRow = parsed.endRow ?? maxRows;
  const endCol = parsed.endCol ?? maxCols;
  return { row, col, numRows: endRow - row + 1, numCols: endCol - col + 1 };
}

export function rectContains(outer: Rect, row: number, col: number): boolean {
  return (
    row >= outer.row && row < outer.row + outer.numRows && col >= outer.col && col < outer.col + outer.numCols
  );
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.row === b.row && a.col === b.col && a.numRows === b.numRows && a.numCols === b.numCols;
}

/**
 * Moves a rectangle when rows (or columns) are inserted (delta > 0) or deleted (delta < 0) at 1-based
 * index `at`. Returns null when the whole rectangle was deleted.
 */
export function shiftRect(rect: Rect, dimension: "ROWS" | "COLUMNS", at: number, delta: number): Rect | null {
  const rows = dimension === "ROWS";
  const start = rows ? rect.row : rect.col;
  const size = rows ? rect.numRows : rect.numCols;
  let newStart = start;
  let newSize = size;
  if (delta > 0) {
    if (at <= start) newStart = start + delta;
    else if (at < start + size) newSize = size + delta;
  } else {
    const count = -delta;
    const delEnd = at + count; // exclusive
    const end = start + size; // exclusive
    const overlap = Math.max(0, Math.min(end, delEnd) - Math.max(start, at));
    newSize = size - overlap;
    if (newSize <= 0) return null;
    newStart = start >= delEnd ? start - count : Math.min(start, at);
  }
  return rows
    ? { row: newStart, col: rect.col, numRows: newSize, numCols: rect.numCols }
    : { row: rect.row, col: newStart, numRows: rect.numRows, numCols: newSize };
}
