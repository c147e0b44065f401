// The charter sidebar on the built bundle: the sidebar's HTML, saving fields and targets, target change
// as live formulas equal to the shared reference, and payloads refused at the edge.
import { describe, expect, it } from "vitest";
import { isDate } from "../../sandbox/emulator/index.ts";
import { change } from "../../shared/methods/change.ts";
import { ZERO_BASELINE } from "../../shared/schema/index.ts";
import { type Addon, openAddon } from "../helpers/addon.ts";

type Result = { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };

function setUp(addon: Addon): void {
  addon.emulator.ui.respondWith(["OK"]);
  addon.run("setUpWorkbook");
  addon.emulator.ui.takeEvents();
}

function records(addon: Addon, name: string): Record<string, unknown>[] {
  const [headers = [], ...rows] = addon.sheet(name);
  return rows.map((row) => Object.fromEntries(headers.map((h, i) => [String(h), row[i]])));
}

const targets = [
  {
    metric: "Average length of stay",
    unit: "days",
    direction: "lower is better",
    baseline: "5.2",
    target: "4.42",
    targetDate: "2027-03-31",
  },
  {
    metric: "30-day readmissions",
    unit: "%",
    direction: "lower is better",
    baseline: "14.7",
    target: "12.7",
    targetDate: "",
  },
  {
    metric: "Discharges before noon",
    unit: "%",
    direction: "higher is better",
    baseline: "0",
    target: "25",
    targetDate: "",
  },
];

function save(addon: Addon, payload: unknown): Result {
  return addon.run("saveCharter", payload) as Result;
}

describe("Charter", () => {
  it("on a workbook not set up, says what to do instead of opening", () => {
    const addon = openAddon();
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("showCharter");
    const [event] = addon.emulator.ui.takeEvents();
    expect(event?.type).toBe("alert");
    expect(event?.message).toContain(
      "There is no Charter tab. Run Peer Exchange › Set up / repair workbook.",
    );
    const result = addon.run("getCharter") as Result;
    expect(result.ok).toBe(false);
    expect(result.error?.message).toContain("Set up / repair workbook");
  });

  it("opens a sidebar whose data is escaped and which loads nothing from the network", () => {
    const addon = openAddon();
    setUp(addon);
    expect(save(addon, { fields: { exchangeName: '"><script>alert(1)</script>' }, targets: [] }).ok).toBe(
      true,
    );
    addon.run("showCharter");
    const sidebar = addon.emulator.ui.takeEvents().find((e) => e.type === "sidebar");
    const html = sidebar?.html ?? "";
    expect(html).toContain("Exchange charter");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toContain("<?");
  });

  it("saves fields and targets; target change is a live formula equal to the reference", () => {
    const addon = openAddon();
    setUp(addon);
    const result = save(addon, {
      fields: {
        exchangeName: "Discharge before noon",
        primaryGoal: "knowledge transfer",
        hostBeds: "320",
        startDate: "2026-05-04",
      },
      targets,
    });
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
    expect(String(result.value?.message)).toMatch(
      /^Saved 4 charter fields: exchange name, primary goal, host beds and start date\. Added 3 targets: “[^”]+”, “[^”]+” and “[^”]+”\.$/,
    );
    // Saving the same again changes nothing, and says so.
    const again = save(addon, { fields: { exchangeName: "Discharge before noon" }, targets: [] });
    expect(String(again.value?.message)).toBe(
      "Nothing changed: the charter and its targets already said this.",
    );

    const charter = records(addon, "Charter");
    expect(charter.find((r) => r.Field === "Exchange name")?.Value).toBe("Discharge before noon");
    expect(charter.find((r) => r.Field === "Host beds")?.Value).toBe(320);

    const rows = records(addon, "Targets");
    expect(rows).toHaveLength(3);
    for (const [i, t] of targets.entries()) {
      const ref = change({ baseline: Number(t.baseline), result: Number(t.target) });
      expect(rows[i]?.["Target change"] as number).toBeCloseTo(ref.absolute, 9);
      if (ref.relativePercent === undefined) expect(rows[i]?.["Target change %"]).toBe(ZERO_BASELINE);
      else expect(rows[i]?.["Target change %"] as number).toBeCloseTo(ref.relativePercent, 9);
    }
    // The formulas are live: a coordinator's edit in the grid updates the change at once.
    const targetsSheet = addon.emulator.spreadsheets
      .describe()
      .sheets.find((s: { name: string }) => s.name === "Targets") as {
      formulas: string[][];
    };
    expect(targetsSheet.formulas[1]?.some((f) => f.startsWith("=IF("))).toBe(true);

    // The view sent back carries dates as text and the zero-baseline note.
    const view = result.value?.view as {
      targets: { targetDate: string; targetChangePercent: unknown }[];
      fields: { key: string; value: string }[];
    };
    expect(view.targets[0]?.targetDate).toBe("2027-03-31");
    expect(view.targets[2]?.targetChangePercent).toBe(ZERO_BASELINE);
    expect(view.fields.find((f) => f.key === "startDate")?.value).toBe("2026-05-04");
    // Nothing that google.script.run could not carry (no Dates): a JSON round trip changes nothing.
    expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
  });

  it("updates and clears targets by row, keeping the rows", () => {
    const addon = openAddon();
    setUp(addon);
    save(addon, { fields: {}, targets });
    const view = (addon.run("getCharter") as Result).value as { targets: { row: number }[] };
    const [first, second] = view.targets;
    const result = save(addon, {
      fields: {},
      targets: [
        { ...targets[0], row: first?.row, target: "4" },
        { ...targets[1], row: second?.row, remove: true },
      ],
    });
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
    const rows = records(addon, "Targets");
    expect(rows[0]?.Target).toBe(4);
    expect(rows[0]?.["Target change"] as number).toBeCloseTo(-1.2, 9);
    expect(rows[1]?.Metric).toBe("");
    expect(rows[2]?.Metric).toBe("Discharges before noon");
  });

  it("stores formula-like text as text", () => {
    const addon = openAddon();
    setUp(addon);
    const result = save(addon, { fields: { organizer: '=IMPORTXML("http://x","//a")' }, targets: [] });
    expect(result.ok).toBe(true);
    const charter = addon.emulator.spreadsheets
      .describe()
      .sheets.find((s: { name: string }) => s.name === "Charter") as {
      formulas: string[][];
    };
    expect(charter.formulas.flat().some((f) => f.includes("IMPORTXML"))).toBe(false);
    expect(records(addon, "Charter").find((r) => r.Field === "Organizer (host organization)")?.Value).toBe(
      '=IMPORTXML("http://x","//a")',
    );
  });

  it("refuses a bad payload with a message and writes nothing", () => {
    const addon = openAddon();
    setUp(addon);
    const before = addon.emulator.spreadsheets.describe();
    const cases: [unknown, string][] = [
      [null, "could not be read"],
      [{ fields: { startDate: "31/12/2026" }, targets: [] }, "must be a date like 2026-03-31"],
      [{ fields: { primaryGoal: "fame" }, targets: [] }, "must be one of"],
      [{ fields: {}, targets: [{ metric: "LOS", direction: "sideways" }] }, "direction must be"],
      [{ fields: {}, targets: [{ metric: "LOS", baseline: "five" }] }, "must be a number"],
      [{ fields: {}, targets: [{ unit: "days", baseline: "5" }] }, "needs a metric name"],
      [{ fields: {}, targets: [{ metric: "LOS", row: 99 }] }, "Reload the sidebar"],
      [
        { fields: { startDate: "2026-06-01", endDate: "2026-05-01" }, targets: [] },
        "The end date (2026-05-01) is before the start date (2026-06-01).",
      ],
      [
        {
          fields: {},
          targets: [{ metric: "LOS", direction: "lower is better", baseline: "5.4", target: "5.8" }],
        },
        "“LOS”: lower is better, so the target (5.8) should be below the baseline (5.4).",
      ],
      [
        {
          fields: {},
          targets: [{ metric: "Before noon", direction: "higher is better", baseline: "18", target: "18" }],
        },
        "should be above the baseline (18)",
      ],
    ];
    for (const [payload, message] of cases) {
      const result = save(addon, payload);
      expect(result.ok, JSON.stringify(payload)).toBe(false);
      expect(result.error?.message).toContain(message);
    }
    expect(addon.emulator.spreadsheets.describe()).toEqual(before);
  });

  it("keeps free text that Sheets would read as a date, number or formula exactly as typed", () => {
    const addon = openAddon();
    setUp(addon);
    const text = ["March 2026", "Jan 5", "1/2", "+1 555 0100", "'quoted", "TRUE"];
    const result = save(addon, {
      fields: { exchangeName: "March 2026", organizer: "+1 555 0100", startDate: "2026-03-08" },
      targets: text.map((metric, i) => ({
        metric,
        unit: text[(i + 1) % text.length],
        direction: "lower is better",
      })),
    });
    expect(result.ok).toBe(true);
    const rows = records(addon, "Targets");
    expect(rows.map((r) => [r.Metric, r.Unit])).toEqual(text.map((t, i) => [t, text[(i + 1) % text.length]]));
    const charter = addon.sheet("Charter");
    const value = (label: string) => charter.find((row) => row[0] === label)?.[1];
    expect(value("Exchange name")).toBe("March 2026");
    expect(value("Organizer (host organization)")).toBe("+1 555 0100");
    // A date field is typed input: a date in the workbook's zone.
    expect(isDate(value("Start date"))).toBe(true);
  });
});
