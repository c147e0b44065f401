import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CELL_CHAR_LIMIT,
  cellText,
  cellTextCut,
  exceedsCell,
  FORMULA_TRIGGERS,
  freeTextCell,
  neutralizeCell,
  TRUNCATION_MARKER,
} from "../../../shared/clip/injection.ts";

const dangerous = fc.constantFrom(...FORMULA_TRIGGERS);
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.tuple(dangerous, fc.string()).map(([d, s]) => d + s),
);

describe("neutralizeCell", () => {
  it("never returns text that starts like a formula", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = neutralizeCell(text);
        expect(FORMULA_TRIGGERS.includes(out.charAt(0))).toBe(false);
      }),
    );
  });

  it("keeps safe text as it is, and prefixes dangerous text with one quote, nothing else", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = neutralizeCell(text);
        if (FORMULA_TRIGGERS.includes(text.charAt(0))) expect(out).toBe(`'${text}`);
        else expect(out).toBe(text);
      }),
    );
  });

  it("neutralizes each OWASP trigger", () => {
    for (const payload of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "\n=1"]) {
      expect(neutralizeCell(payload)).toBe(`'${payload}`);
    }
    expect(neutralizeCell("")).toBe("");
    expect(neutralizeCell("a=1")).toBe("a=1");
  });

  it("cuts text at the cell limit with a visible marker, keeping its start", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 50 }),
        fc.integer({ min: CELL_CHAR_LIMIT - 5, max: CELL_CHAR_LIMIT + 100 }),
        fc.boolean(),
        (seed, length, astral) => {
          const unit = astral ? "😀" : seed;
          const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
          const out = neutralizeCell(text);
          expect(out.length).toBeLessThanOrEqual(CELL_CHAR_LIMIT);
          expect(exceedsCell(text)).toBe(out.endsWith(TRUNCATION_MARKER) && out !== text);
          if (exceedsCell(text)) {
            const kept = out.slice(0, out.length - TRUNCATION_MARKER.length);
            const source = FORMULA_TRIGGERS.includes(text.charAt(0)) ? `'${text}` : text;
            expect(source.startsWith(kept)).toBe(true);
            // A surrogate pair is never split.
            expect(/[\ud800-\udbff]$/.test(kept)).toBe(false);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("cellText", () => {
  it("writes text Sheets stores as that very text (one leading quote is the text prefix)", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const input = cellText(text);
        // An empty field stays blank: a lone quote would be a non-blank cell.
        if (text === "") {
          expect(input).toBe("");
          return;
        }
        expect(input.startsWith("'")).toBe(true);
        const stored = input.slice(1);
        expect(stored).toBe(FORMULA_TRIGGERS.includes(text.charAt(0)) ? neutralizeCell(text).slice(1) : text);
        expect(FORMULA_TRIGGERS.includes(neutralizeCell(text).charAt(0))).toBe(false);
      }),
    );
    expect(cellText("")).toBe("");
    expect(cellText("42")).toBe("'42");
    expect(cellText("'quoted'")).toBe("''quoted'");
    expect(cellText("=1+1")).toBe("'=1+1");
  });

  it("stays within the cell limit, quote prefix included, and ends cut text with the marker", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: CELL_CHAR_LIMIT - 3, max: CELL_CHAR_LIMIT + 3 }),
        fc.constantFrom("", "=", "'"),
        (length, lead) => {
          const text = (lead + "z".repeat(length)).slice(0, length);
          const input = cellText(text);
          expect(input.length).toBeLessThanOrEqual(CELL_CHAR_LIMIT);
          expect(cellTextCut(text)).toBe(input !== `'${text}`);
          expect(input.endsWith(TRUNCATION_MARKER)).toBe(cellTextCut(text));
        },
      ),
      { numRuns: 40 },
    );
    expect(cellTextCut("z".repeat(CELL_CHAR_LIMIT - 1))).toBe(false);
    expect(cellTextCut("z".repeat(CELL_CHAR_LIMIT))).toBe(true);
  });
});

describe("freeTextCell", () => {
  it("quotes what Sheets would read as a date, number, boolean, error or formula, and nothing else", () => {
    for (const typed of [
      "March 2026",
      "Jan 5",
      "1/2",
      "2026-03-01",
      "9:00",
      "42",
      "$5",
      ".5",
      "(3)",
      "TRUE",
      "#N/A",
      "+1 555 0100",
      "-x",
      "=A1",
      "'x",
    ])
      expect(freeTextCell(typed), typed).toBe(`'${typed}`);
    for (const prose of ["Discharge before noon", "Site A", "Marching orders", "May I ask", "true north", ""])
      expect(freeTextCell(prose), prose).toBe(prose);
  });

  it("counts the quote against the cell limit", () => {
    const long = `1${"x".repeat(CELL_CHAR_LIMIT)}`;
    const cell = freeTextCell(long);
    expect(cell.length).toBe(CELL_CHAR_LIMIT);
    expect(cell.startsWith("'1")).toBe(true);
    expect(cell.endsWith(TRUNCATION_MARKER)).toBe(true);
  });
});
