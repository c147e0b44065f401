import { describe, expect, it } from "vitest";
import { adoptionByPeriod } from "../../../shared/methods/adoption.ts";
import { analyzeSeries, groupSeries, type MeasureInput } from "../../../shared/methods/measureSeries.ts";

const day = (d: Date) => d.toISOString().slice(0, 10);
const month = (i: number) => new Date(Date.UTC(2026, i, 1));

function rows(site: string, measure: string, values: readonly (number | "")[], first = 2): MeasureInput[] {
  return values.map((value, i) => ({
    row: first + i,
    site,
    measure,
    period: month(i),
    value,
    baseline: false,
  }));
}

describe("groupSeries", () => {
  it("groups by site and measure in sheet order, trimming names", () => {
    const input = [
      ...rows("Site A", "LOS", [1, 2]),
      ...rows(" Site A ", "LOS ", [3], 4).map((r) => ({ ...r, period: month(2) })),
    ];
    const { series, problems } = groupSeries(input, day);
    expect(problems).toEqual([]);
    expect(series).toHaveLength(1);
    expect(series[0]?.points.map((p) => p.value)).toEqual([1, 2, 3]);
  });

  it("names blank and non-numeric values, blank sites and bad periods, and more than ten rows briefly", () => {
    const bad = rows("Site A", "LOS", Array<number | "">(14).fill(""));
    bad[0] = { ...bad[0], badValue: true } as MeasureInput;
    const { problems } = groupSeries(
      [...bad, { row: 30, site: "", measure: "LOS", period: "", value: 2, baseline: false }],
      day,
    );
    expect(problems).toContain("Site or Measure is blank on row 30: fill both in, or delete the row.");
    expect(problems.find((p) => p.startsWith("Value"))).toBe(
      "Value is not a number or blank on rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 4 more: type a number (no units or text), or delete the row.",
    );
    expect(problems.find((p) => p.startsWith("Period"))).toMatch(/on row 30/);
  });

  it("baseline: counted when it is the series' first periods", () => {
    const input = rows("Site A", "LOS", [1, 2, 3, 4]).map((r, i) => ({ ...r, baseline: i < 3 }));
    const { series, problems } = groupSeries(input, day);
    expect(problems).toEqual([]);
    expect(series[0]?.baseline).toBe(3);
  });

  it("baseline on a single period is refused", () => {
    const input = rows("Site A", "LOS", [1, 2, 3]).map((r, i) => ({ ...r, baseline: i === 0 }));
    expect(groupSeries(input, day).problems[0]).toMatch(/ticked on one period only \(row 2\)/);
  });
});

describe("analyzeSeries and its reading", () => {
  it("random variation: no signal, in words", () => {
    // Ten high and ten low values in 14 runs (the run-chart tests' random-looking series).
    const values = [..."AABABBABAABBABABBAAB"].map(
      (side, i) => (side === "A" ? [12, 14, 13] : [3, 1, 2])[i % 3] as number,
    );
    const [s] = groupSeries(rows("Site A", "LOS", values), day).series;
    const a = analyzeSeries(s!, day);
    expect(a.run.ihi.signal).toBe(false);
    expect(a.reading).toMatch(/^Median 7\.5\./);
    expect(a.reading).toMatch(/No signal: random variation around the median \(common cause\)\./);
  });

  it("a trend reads with its dates, and a trend running to the last point reads 'since'", () => {
    const [s] = groupSeries(rows("Site A", "LOS", [5, 9, 2, 8, 3, 7, 1, 2, 3, 4, 6, 6]), day).series;
    const a = analyzeSeries(s!, day);
    expect(a.run.ihi.trends?.[0]).toMatchObject({ start: 6, end: 11, length: 5 });
    expect(a.reading).toMatch(/5 points going up since 2026-07-01: a trend\./);
  });
});

describe("adoption rate by period", () => {
  const periods = [month(0), month(1), month(2)];
  it("counts a site from its first report of the linked measure, over committed sites", () => {
    const result = adoptionByPeriod(
      [
        { site: "Site A", practice: "Huddle", status: "done", measure: "LOS" },
        { site: "Site B", practice: "huddle ", status: "In progress", measure: "Noon" },
        { site: "Site C", practice: "Huddle", status: "not started", measure: "LOS" },
        { site: "Site D", practice: "Huddle", status: "dropped", measure: "LOS" },
      ],
      [
        { site: "Site A", measure: "LOS", periods },
        { site: "Site B", measure: "noon", periods: periods.slice(1) },
        { site: "Site C", measure: "LOS", periods },
      ],
    );
    expect(result).toHaveLength(1);
    expect(result[0]?.committed).toBe(3);
    expect(result[0]?.points.map((p) => [day(p.period), p.adopted, p.rate])).toEqual([
      ["2026-01-01", 1, 1 / 3],
      ["2026-02-01", 2, 2 / 3],
      ["2026-03-01", 2, 2 / 3],
    ]);
  });

  it("a practice nobody reports on has no periods", () => {
    const result = adoptionByPeriod(
      [{ site: "Site A", practice: "Huddle", status: "done", measure: "" }],
      [],
    );
    expect(result).toEqual([{ practice: "Huddle", committed: 1, points: [] }]);
  });
});
