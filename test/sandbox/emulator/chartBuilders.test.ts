// Typed chart builders as Google's reference lists them: newChart() and modify() give the plain
// EmbeddedChartBuilder (no typed setter), asPieChart() … give a builder with only its page's setters, and
// a setter a builder lacks is a TypeError, as on Google.
import { describe, expect, it } from "vitest";
import { spreadsheetFixture } from "./spreadsheetFixture.ts";

type Loose = Record<string, ((...args: unknown[]) => Loose) | undefined>;
const loose = (builder: unknown) => builder as Loose;

describe("typed chart builders", () => {
  it("the plain builder has no typed setter", () => {
    const { sheet } = spreadsheetFixture();
    const plain = loose(sheet.newChart());
    expect(plain.setTitle).toBeUndefined();
    expect(plain.setStacked).toBeUndefined();
    expect(() => plain.setTitle!("x")).toThrow(TypeError);
  });

  it.each([
    [
      "asPieChart",
      ["set3D", "reverseCategories", "setTitle"],
      ["setStacked", "setCurveStyle", "setXAxisTitle"],
    ],
    ["asLineChart", ["setCurveStyle", "setPointStyle", "setRange"], ["setStacked", "set3D"]],
    ["asColumnChart", ["setStacked", "setRange", "useLogScale"], ["set3D", "setCurveStyle"]],
    ["asBarChart", ["setStacked", "reverseDirection"], ["set3D", "setPointStyle"]],
    ["asAreaChart", ["setStacked", "setPointStyle"], ["set3D", "setCurveStyle"]],
    ["asScatterChart", ["setXAxisRange", "setYAxisLogScale"], ["setStacked", "setRange"]],
    ["asHistogramChart", ["setStacked"], ["set3D"]],
    ["asTableChart", ["enablePaging", "showRowNumberColumn"], ["setTitle", "setStacked"]],
  ])("%s has %j and lacks %j", (as, has, lacks) => {
    const { sheet } = spreadsheetFixture();
    const typed = loose(sheet.newChart())[as]!();
    for (const name of has) expect(typeof typed[name], name).toBe("function");
    for (const name of lacks) {
      expect(typed[name], name).toBeUndefined();
      expect(() => typed[name]!(), name).toThrow(/is not a function/);
    }
  });

  it("a typed setter records its option and keeps the typed builder; base methods return the plain one", () => {
    const { sheet } = spreadsheetFixture();
    const pie = loose(sheet.newChart()).asPieChart!().set3D!().setTitle!("Share");
    const plain = pie.addRange!(sheet.getRange("A1:B3"));
    expect(plain.set3D).toBeUndefined();
    const chart = plain.build!() as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart;
    sheet.insertChart(chart);
    const options = sheet.getCharts()[0]!.getOptions();
    expect(options.get("title")).toBe("Share");
    expect(options.get("is3D")).toBe(true);
  });
});
