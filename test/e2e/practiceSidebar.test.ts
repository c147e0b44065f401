// The Best-practice summary sidebar in real Chromium, through the google.script.run stand-in: a promoted
// draft is edited and saved as version 2, an earlier version is restored from the history list, clip text
// never runs as HTML, and axe-core finds no accessibility violation.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { history, insights, learnWorkbook, practices, selectRows } from "../apps-script/learnFixture.ts";
import type { Addon } from "../helpers/addon.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { openSidebarPage } from "../helpers/sidebar.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function openSidebar(addon: Addon, fn: string): Promise<Page> {
  addon.emulator.ui.takeEvents();
  addon.run(fn);
  const html = addon.emulator.ui.takeEvents().find((e) => e.type === "sidebar")?.html ?? "";
  expect(html).not.toBe("");
  return openSidebarPage(browser, addon, html);
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate("axe.run(document)")) as { violations: { id: string; help: string }[] };
  return result.violations.map((v) => `${v.id}: ${v.help}`);
}

describe("Best-practice summary sidebar (Chromium)", () => {
  it("edits and saves a promoted draft, restores an earlier version, and passes axe", async () => {
    const addon = learnWorkbook([
      {
        "Clip id": "c-1",
        Kind: "best practice",
        Text: '<img src=x onerror="window.__xss=1"> huddle',
        "PHI check": "none",
        "Review status": "new",
      },
    ]);
    selectRows(addon, "Insights", [2, 2]);
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("promoteToPractice");
    selectRows(addon, "Practices", [2, 2]);
    const page = await openSidebar(addon, "showPracticeSummary");
    expect(await page.inputValue("#field-intervention")).toBe('<img src=x onerror="window.__xss=1"> huddle');
    expect(await page.evaluate("window.__xss")).toBeUndefined();
    expect(await violations(page)).toEqual([]);

    await page.fill("#field-title", "Discharge huddle at 10 am");
    await page.fill("#field-outcomeBaseline", "5.2");
    await page.fill("#field-outcomeResult", "4.4");
    await page.selectOption("#field-status", "reviewed");
    await page.click("#save");
    await expect
      .poll(() => page.locator("#status").textContent(), { timeout: 15_000 })
      .toContain("Saved BP-001 as version 2");
    expect(practices(addon)[0]).toMatchObject({
      Title: "Discharge huddle at 10 am",
      Status: "reviewed",
      Version: 2,
    });
    expect(await page.locator("#version").textContent()).toBe("BP-001, version 2");

    await page.click("text=Restore version 1");
    await expect
      .poll(() => page.locator("#status").textContent(), { timeout: 15_000 })
      .toContain("Restored version 1 of BP-001 as version 3");
    expect(await page.inputValue("#field-status")).toBe("draft");
    expect(history(addon).map((h) => h.Version)).toEqual([1, 2]);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it("lists likely duplicates of a new practice and links it on request", async () => {
    const addon = learnWorkbook([
      { "Clip id": "c-1", Kind: "best practice", Text: "A 10 am discharge huddle", "PHI check": "none" },
    ]);
    selectRows(addon, "Insights", [2, 2]);
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("promoteToPractice");
    selectRows(addon, "Insights", [2, 2]);
    const page = await openSidebar(addon, "showPracticeSummary");
    expect(await page.inputValue("#pick")).toBe("");
    await page.fill("#field-title", "A 10am discharge huddle");
    await page.click("#save");
    await expect.poll(() => page.locator("#duplicates").isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.locator("#dup-list").textContent()).toContain("BP-001");
    expect(practices(addon)).toHaveLength(1);
    expect(await violations(page)).toEqual([]);
    await page.click("text=Link to BP-001");
    await expect
      .poll(() => page.locator("#status").textContent(), { timeout: 15_000 })
      .toContain("Saved the new practice BP-002");
    expect(practices(addon)[1]?.Evidence).toBe("Related: BP-001");
    await page.close();
  });
});

describe("Review insights sidebar (Chromium)", () => {
  it("filters by tag, sets the status of selected rows, and passes axe", async () => {
    const addon = learnWorkbook();
    const page = await openSidebar(addon, "showReviewInsights");
    expect(await violations(page)).toEqual([]);
    await page.selectOption("#facet-tag", "care");
    await page.click("#apply");
    await expect
      .poll(() => page.locator("#status").textContent(), { timeout: 15_000 })
      .toContain("Showing 1 of 5 clips");
    selectRows(addon, "Insights", [4, 4]);
    await page.selectOption("#set-status", "set aside");
    await page.click("#set");
    await expect
      .poll(() => page.locator("#status").textContent(), { timeout: 15_000 })
      .toBe("Marked 1 clip “set aside”.");
    expect(insights(addon)[2]?.["Review status"]).toBe("set aside");
    expect(await page.locator("#facet-reviewStatus").textContent()).toContain("set aside (1)");
    await page.close();
  });
});
