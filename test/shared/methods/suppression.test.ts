import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suppressSmallCells } from "../../../shared/methods/suppression.ts";

const X = true;
const o = false;

describe("small-cell suppression (CMS cell-size rule)", () => {
  it("hides 1–10, shows 0 and 11+, and totals are shown", () => {
    const r = suppressSmallCells([[0, 11, 10, 1]]);
    expect(r.primary).toEqual([[o, o, X, X]]);
    expect(r.rowTotals).toEqual([22]);
  });

  it("worked example: complementary passes over rows, then columns, until nothing changes", () => {
    const counts = [
      [5, 20, 30],
      [40, 50, 60],
      [0, 7, 15],
    ];
    // Pass 1 rows: row 1 hides 20 (smallest non-zero shown); row 3 hides 15 (0 is skipped).
    // Pass 1 columns: column 1 hides 40; column 3 hides 30. Pass 2 rows: row 2 hides 50. Pass 3: no change.
    const r = suppressSmallCells(counts);
    expect(r.primary).toEqual([
      [X, o, o],
      [o, o, o],
      [o, X, o],
    ]);
    expect(r.suppressed).toEqual([
      [X, X, X],
      [X, X, o],
      [o, X, X],
    ]);
    expect(r.shown).toEqual([
      [null, null, null],
      [null, null, 60],
      [0, null, null],
    ]);
    expect(r.unprotected).toEqual([]);
    expect(r.columnTotals).toEqual([45, 77, 105]);
    expect(r.grandTotal).toBe(227);
  });

  it("ties go to the lowest index", () => {
    const r = suppressSmallCells([[3, 12, 12, 12]]);
    expect(r.suppressed).toEqual([[X, X, o, o]]);
  });

  it("hides a zero only when nothing else is left, and says when a cell stays derivable", () => {
    const r = suppressSmallCells([[4, 0, 0]]);
    expect(r.suppressed).toEqual([[X, X, o]]);
    const lone = suppressSmallCells([[4]]);
    expect(lone.suppressed).toEqual([[X]]);
    expect(lone.unprotected[0]).toMatch(/Row 1/);
  });

  it("the threshold is a setting", () => {
    expect(suppressSmallCells([[5, 12, 30]], 4).suppressed).toEqual([[o, o, o]]);
    expect(suppressSmallCells([[5, 12, 30]], 15).suppressed).toEqual([[X, X, o]]);
  });

  it("no row or column ends with exactly one hidden cell unless nothing is left to hide", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 3, maxLength: 3 }), {
          minLength: 2,
          maxLength: 6,
        }),
        (counts) => {
          const r = suppressSmallCells(counts);
          const lines = [
            ...r.suppressed,
            ...r.suppressed[0]!.map((_, c) => r.suppressed.map((row) => row[c]!)),
          ];
          const lonely = lines.filter((line) => line.filter(Boolean).length === 1);
          // every small count stays hidden
          const primaryKept = counts.every((row, i) =>
            row.every((v, j) => !(v >= 1 && v <= 10) || r.suppressed[i]![j]),
          );
          return primaryKept && lonely.length === r.unprotected.length;
        },
      ),
    );
  });
});
