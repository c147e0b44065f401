// Groups cells holding equal things (a validation rule, a number format) into rectangles, so the
// workbook JSON lists "B2:B500 requires a value in the list" rather than 499 cells.
import type { Rect } from "./a1.ts";
import type { Grid } from "./grid.ts";

export function groupRects<T>(grid: Grid<T>, keyOf: (value: T) => string): { rect: Rect; value: T }[] {
  const done: { rect: Rect; value: T }[] = [];
  // Open rectangles by "col:width:key", extended while consecutive rows repeat the same run.
  let open = new Map<string, { rect: Rect; value: T }>();
  for (let r = 0; r < grid.rows.length; r++) {
    const line = grid.rows[r];
    const next = new Map<string, { rect: Rect; value: T }>();
    if (line) {
      let c = 0;
      while (c < line.length) {
        const value = line[c];
        if (value === undefined) {
          c += 1;
          continue;
        }
        const key = keyOf(value);
        let end = c + 1;
        while (end < line.length && line[end] !== undefined && keyOf(line[end] as T) === key) end += 1;
        const id = `${c}:${end - c}:${key}`;
        const prev = open.get(id);
        if (prev && prev.rect.row + prev.rect.numRows === r + 1) {
          prev.rect.numRows += 1;
          next.set(id, prev);
          open.delete(id);
        } else {
          next.set(id, { rect: { row: r + 1, col: c + 1, numRows: 1, numCols: end - c }, value });
        }
        c = end;
      }
    }
    for (const block of open.values()) done.push(block);
    open = next;
  }
  for (const block of open.values()) done.push(block);
  return done.sort((a, b) => a.rect.row - b.rect.row || a.rect.col - b.rect.col);
}
