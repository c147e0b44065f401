// Range.createTextFinder as Apps Script documents it: displayed text, case-insensitive by default,
// entire-cell and regular-expression options, findAll / findNext in row order, one counted call each.
import { describe, expect, it } from "vitest";
import { spreadsheetFixture } from "./spreadsheetFixture.ts";

function seeded() {
  const fixture = spreadsheetFixture();
  fixture.sheet.getRange(1, 1, 4, 2).setValues([
    ["Alpha", "beta"],
    ["alphabet", 42],
    ["ALPHA", "gamma"],
    ["delta", "alpha"],
  ]);
  fixture.env.calls.reset();
  return fixture;
}

const a1 = (ranges: { getA1Notation(): string }[]) => ranges.map((r) => r.getA1Notation());

describe("TextFinder", () => {
  it("finds substrings case-insensitively, row by row", () => {
    const { sheet } = seeded();
    expect(a1(sheet.getRange("A1:B4").createTextFinder("alpha").findAll())).toEqual(["A1", "A2", "A3", "B4"]);
  });

  it("honours matchCase and matchEntireCell", () => {
    const { sheet } = seeded();
    const range = sheet.getRange("A1:B4");
    expect(a1(range.createTextFinder("alpha").matchEntireCell(true).findAll())).toEqual(["A1", "A3", "B4"]);
    expect(a1(range.createTextFinder("alpha").matchCase(true).matchEntireCell(true).findAll())).toEqual([
      "B4",
    ]);
  });

  it("searches only its range, and matches numbers by their displayed text", () => {
    const { sheet } = seeded();
    expect(a1(sheet.getRange("A1:A4").createTextFinder("alpha").matchEntireCell(true).findAll())).toEqual([
      "A1",
      "A3",
    ]);
    expect(a1(sheet.getRange("A1:B4").createTextFinder("42").findAll())).toEqual(["B2"]);
  });

  it("takes regular expressions when asked, and treats text literally otherwise", () => {
    const { sheet } = seeded();
    const range = sheet.getRange("A1:B4");
    expect(a1(range.createTextFinder("^(?:beta|gamma)$").useRegularExpression(true).findAll())).toEqual([
      "B1",
      "B3",
    ]);
    expect(range.createTextFinder("^(?:beta|gamma)$").findAll()).toEqual([]);
  });

  it("steps with findNext and returns null at the end", () => {
    const { sheet } = seeded();
    const finder = sheet.getRange("A1:B4").createTextFinder("alpha").matchEntireCell(true);
    expect(finder.findNext()?.getA1Notation()).toBe("A1");
    expect(finder.findNext()?.getA1Notation()).toBe("A3");
    expect(finder.findNext()?.getA1Notation()).toBe("B4");
    expect(finder.findNext()).toBeNull();
  });

  it("counts one call per method, whatever the range's size", () => {
    const { sheet, env } = seeded();
    sheet.getRange("A1:B4").createTextFinder("alpha").findAll();
    expect(env.calls.get("Range.createTextFinder")).toBe(1);
    expect(env.calls.get("TextFinder.findAll")).toBe(1);
    expect(env.calls.get("Range.getValues")).toBe(0);
  });
});

describe("TextFinder regular expressions are RE2", () => {
  it.each([
    ["alpha(?=bet)", /lookahead/],
    ["(?<!x)alpha", /lookbehind/],
    ["(a)\\1", /backreference/],
    ["a++", /possessive/],
    ["(?>a)", /atomic/],
    ["a{1001}", /over 1000/],
  ])("refuses %s, as RE2 does, saying which construct", (pattern, reason) => {
    const { sheet } = seeded();
    const finder = sheet.getRange("A1:B4").createTextFinder(pattern).useRegularExpression(true);
    expect(() => finder.findAll()).toThrow(reason);
    expect(() => finder.findAll()).toThrow(/RE2/);
  });

  it("takes RE2's own forms: (?P<name>…), (?i), [[:alpha:]], \\pL, \\Q…\\E", () => {
    const { sheet } = seeded();
    const range = sheet.getRange("A1:B4");
    const find = (p: string) =>
      a1(range.createTextFinder(p).useRegularExpression(true).matchCase(true).findAll());
    expect(find("^(?P<word>ALPHA)$")).toEqual(["A3"]);
    expect(find("(?i)^alpha$")).toEqual(["A1", "A3", "B4"]);
    expect(find("^[[:digit:]]+$")).toEqual(["B2"]);
    expect(find("^\\pL+bet$")).toEqual(["A2"]);
    expect(find("\\Qa.b\\E")).toEqual([]);
  });
});

describe("RE2 anchors", () => {
  it("\\A and \\z anchor the whole text, ^ and $ too without (?m)", () => {
    const { sheet } = seeded();
    const range = sheet.getRange("A1:B4");
    const find = (p: string) => a1(range.createTextFinder(p).useRegularExpression(true).findAll());
    expect(find("\\Aalpha\\z")).toEqual(["A1", "A3", "B4"]);
    expect(find("(?m)\\Aalpha")).toEqual(["A1", "A2", "A3", "B4"]);
  });
});
