// The sandbox page: load and first paint of the demo workbook in Chromium, and the time one person's edit
// takes through POST /api/edit (validation, onEdit, recompute) on a tab of 1,000 and 10,000 rows.
import { startServer } from "../../sandbox/server.ts";
import { launchChromium } from "../helpers/chromium.ts";
import type { BenchRow } from "./row.ts";

async function pageLoad(): Promise<BenchRow[]> {
  const server = await startServer({ port: 0 });
  const browser = await launchChromium();
  try {
    await fetch(`${server.url}/api/reset`, { method: "POST", body: JSON.stringify({ demo: true }) });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const started = Date.now();
    await page.goto(server.url);
    await page.evaluate("window.__ready");
    const ready = Date.now() - started;
    const paint = await page.evaluate(
      () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
    );
    const dashboard = Date.now();
    await page.getByRole("button", { name: "Dashboard", exact: true }).click();
    await page.locator("#charts canvas").first().waitFor();
    const charts = Date.now() - dashboard;
    return [
      {
        area: "sandbox page",
        figure: "first contentful paint",
        workload: "demo exchange",
        value: Math.round(paint),
        unit: "ms",
      },
      {
        area: "sandbox page",
        figure: "load to grid and menu shown",
        workload: "demo exchange",
        value: ready,
        unit: "ms",
      },
      {
        area: "sandbox page",
        figure: "Dashboard tab with its charts drawn",
        workload: "demo exchange",
        value: charts,
        unit: "ms",
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

async function editTime(rows: number): Promise<BenchRow> {
  const server = await startServer({ port: 0 });
  try {
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, { method: "POST", body: JSON.stringify(body) }).then((r) => r.json());
    await post("/api/run", { fn: "setUpWorkbook", responses: ["OK"] });
    const values = Array.from({ length: rows }, (_, i) => [`Clip ${i}`]);
    // The bulk fill goes through the emulator directly: it sets the stage, it is not what is measured.
    const sheet = server.emulator().globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Insights");
    if (!sheet) throw new Error("No Insights tab");
    if (sheet.getMaxRows() < rows + 1)
      sheet.insertRowsAfter(sheet.getMaxRows(), rows + 1 - sheet.getMaxRows());
    sheet.getRange(2, 1, rows, 1).setValues(values);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const answer = (await post("/api/edit", {
        sheet: "Insights",
        range: `J${2 + i}`,
        values: [[`Edited ${i}`]],
      })) as {
        ok: boolean;
      };
      times.push(performance.now() - started);
      if (!answer.ok) throw new Error("The edit was refused.");
    }
    times.sort((a, b) => a - b);
    return {
      area: "sandbox page",
      figure: "one person's edit (POST /api/edit, median of 5)",
      workload: `Insights, ${rows.toLocaleString("en-US")} rows`,
      value: Math.round(times[2] ?? 0),
      unit: "ms",
    };
  } finally {
    await server.close();
  }
}

export async function bench(): Promise<BenchRow[]> {
  return [...(await pageLoad()), await editTime(1_000), await editTime(10_000)];
}
