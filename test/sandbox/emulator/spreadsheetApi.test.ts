// The emulated classes speak Apps Script's API: every public method has an Apps Script name (checked by
// the type checker against @types/google-apps-script) and counts as a call of its class (checked here).
import { describe, expect, expectTypeOf, it } from "vitest";
import type { SpreadsheetApp } from "../../../sandbox/emulator/spreadsheet/app.ts";
import type { EmbeddedChart, EmbeddedChartBuilder } from "../../../sandbox/emulator/spreadsheet/charts.ts";
import type {
  ConditionalFormatRule,
  ConditionalFormatRuleBuilder,
} from "../../../sandbox/emulator/spreadsheet/conditionalFormat.ts";
import type { NamedRange } from "../../../sandbox/emulator/spreadsheet/namedRanges.ts";
import type { Protection } from "../../../sandbox/emulator/spreadsheet/protection.ts";
import type { Range } from "../../../sandbox/emulator/spreadsheet/range.ts";
import type { Sheet } from "../../../sandbox/emulator/spreadsheet/sheet.ts";
import type { Spreadsheet } from "../../../sandbox/emulator/spreadsheet/spreadsheet.ts";
import type {
  DataValidation,
  DataValidationBuilder,
} from "../../../sandbox/emulator/spreadsheet/validation.ts";
import { spreadsheetFixture } from "./spreadsheetFixture.ts";

type Extra<Mine, Real> = Exclude<keyof Mine, keyof Real>;
type GS = typeof GoogleAppsScript.Spreadsheet;

describe("method names", () => {
  it("match Apps Script's, apart from the emulator's own handles", () => {
    // Members not in the typings are the handles' model references and EmbeddedChart.getId, which the
    // typings lack. The plain chart builder has no typed setter (setTitle is on asColumnChart() …).
    expectTypeOf<Extra<Range, GoogleAppsScript.Spreadsheet.Range>>().toEqualTypeOf<"rect" | "sheetModel">();
    expectTypeOf<Extra<Sheet, GoogleAppsScript.Spreadsheet.Sheet>>().toEqualTypeOf<"model">();
    expectTypeOf<Extra<Spreadsheet, GoogleAppsScript.Spreadsheet.Spreadsheet>>().toEqualTypeOf<"book">();
    expectTypeOf<Extra<SpreadsheetApp, GoogleAppsScript.Spreadsheet.SpreadsheetApp>>().toEqualTypeOf<never>();
    expectTypeOf<
      Extra<DataValidation, GoogleAppsScript.Spreadsheet.DataValidation>
    >().toEqualTypeOf<"model">();
    expectTypeOf<
      Extra<DataValidationBuilder, GoogleAppsScript.Spreadsheet.DataValidationBuilder>
    >().toEqualTypeOf<never>();
    expectTypeOf<Extra<EmbeddedChart, GoogleAppsScript.Spreadsheet.EmbeddedChart>>().toEqualTypeOf<
      "getId" | "model" | "sheet"
    >();
    expectTypeOf<
      Extra<EmbeddedChartBuilder, GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder>
    >().toEqualTypeOf<never>();
    expectTypeOf<
      Extra<ConditionalFormatRuleBuilder, GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder>
    >().toEqualTypeOf<never>();
    expectTypeOf<
      Extra<ConditionalFormatRule, GoogleAppsScript.Spreadsheet.ConditionalFormatRule>
    >().toEqualTypeOf<"model">();
    expectTypeOf<Extra<Protection, GoogleAppsScript.Spreadsheet.Protection>>().toEqualTypeOf<"model">();
    expectTypeOf<Extra<NamedRange, GoogleAppsScript.Spreadsheet.NamedRange>>().toEqualTypeOf<never>();
    expectTypeOf<GS>().not.toBeNever();
  });
});

/** Public methods of an object's class (TypeScript-private helpers listed by name). */
function publicMethods(target: object, privateHelpers: string[]): string[] {
  const proto = Object.getPrototypeOf(target) as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto).filter(
    (name) => name !== "constructor" && typeof proto[name] === "function" && !privateHelpers.includes(name),
  );
}

describe("call counting", () => {
  const cases: [string, string[], (f: ReturnType<typeof spreadsheetFixture>) => object][] = [
    ["SpreadsheetApp", ["hit", "activeBook"], (f) => f.app],
    ["Spreadsheet", ["hit", "sheet"], (f) => f.ss],
    ["Sheet", ["hit", "range", "insert", "remove"], (f) => f.sheet],
    [
      "Range",
      ["hit", "forEachCell", "fillFormat", "gridFormat", "readFormat", "fill", "clearCells"],
      (f) => f.sheet.getRange("B2:C3"),
    ],
    ["DataValidationBuilder", ["require"], (f) => f.app.newDataValidation()],
    [
      "ConditionalFormatRuleBuilder",
      ["hit", "when", "style", "gradient"],
      (f) => f.app.newConditionalFormatRule(),
    ],
    ["EmbeddedChartBuilder", ["hit", "as", "option"], (f) => f.sheet.newChart()],
    ["Protection", ["hit"], (f) => f.sheet.getRange("A1").protect()],
    ["DataValidation", [], (f) => f.app.newDataValidation().requireDate().build()],
    [
      "ConditionalFormatRule",
      [],
      (f) =>
        f.app
          .newConditionalFormatRule()
          .whenCellEmpty()
          .setRanges([f.sheet.getRange("A1")])
          .build(),
    ],
    [
      "EmbeddedChart",
      ["hit"],
      (f) => {
        f.sheet.insertChart(f.sheet.newChart().addRange(f.sheet.getRange("A1:B2")).build());
        return f.sheet.getCharts()[0]!;
      },
    ],
    [
      "NamedRange",
      ["model"],
      (f) => {
        f.ss.setNamedRange("Scores", f.sheet.getRange("A1:A3"));
        return f.ss.getNamedRanges()[0]!;
      },
    ],
  ];

  it.each(cases)("every public %s method counts a call before doing anything", (service, helpers, make) => {
    const fixture = spreadsheetFixture();
    const target = make(fixture) as Record<string, (...args: unknown[]) => unknown>;
    const methods = publicMethods(target, helpers);
    expect(methods.length).toBeGreaterThan(3);
    const uncounted = methods.filter((name) => {
      const before = fixture.env.calls.get(`${service}.${name}`);
      try {
        target[name]!();
      } catch {
        // Calling without arguments may fail after the call was counted; that is fine here.
      }
      return fixture.env.calls.get(`${service}.${name}`) === before;
    });
    expect(uncounted).toEqual([]);
  });

  it("lets an injected fault fire on any counted method", () => {
    const { env, sheet } = spreadsheetFixture();
    env.faults.throwOn("Sheet.insertRowsAfter", 1, "Service timed out: Spreadsheets");
    expect(() => sheet.insertRowsAfter(1, 1)).toThrow("Service timed out: Spreadsheets");
    expect(sheet.getMaxRows()).toBe(1000);
  });
});
