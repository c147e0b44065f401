// The charter sidebar in real Chromium: the page the built add-on renders, talking to the bundle through
// a google.script.run stand-in; a saved target lands on the Targets tab with its live change formulas.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { records } from "../apps-script/peerWorkbook.ts";
import { type Addon, openAddon } from "../helpers/addon.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { openSidebarPage } from "../helpers/sidebar.ts";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function openSidebar(addon: Addon): Promise<Page> {
  addon.emulator.ui.takeEvents();
  addon.run("showCharter");
  const html = addon.emulator.ui.takeEvents().find((e) => e.type === "sidebar")?.html ?? "";
  expect(html).not.toBe("");
  return openSidebarPage(browser, addon, html);
}

describe("Charter sidebar (Chromium)", () => {
  it("edits the charter and a target; the target change comes back from the sheet's formulas", async () => {
    const addon = openAddon();
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("setUpWorkbook");
    // A name that would run script if the page used it as HTML.
    addon.run("saveCharter", {
      fields: { exchangeName: '<img src=x onerror="window.__xss=1">' },
      targets: [],
    });
    const page = await openSidebar(addon);
    expect(await page.inputValue("#field-exchangeName")).toBe('<img src=x onerror="window.__xss=1">');
    expect(await page.evaluate("window.__xss")).toBeUndefined();

    await page.fill("#field-exchangeName", "Discharge before noon 2026");
    await page.selectOption("#field-primaryGoal", "performance change");
    await page.click("#add");
    await page.fill("#t0-metric", "30-day readmissions");
    await page.fill("#t0-unit", "%");
    await page.selectOption("#t0-direction", "lower is better");
    await page.fill("#t0-baseline", "14.7");
    await page.fill("#t0-target", "12.7");
    await page.fill("#t0-targetDate", "2027-06-30");
    await page.click("#save");
    await expect
      .poll(() => page.locator("#status").textContent(), { timeout: 15_000 })
      .toBe("Saved the exchange name and primary goal. Added the target “30-day readmissions”.");
    expect(await page.locator(".change").first().textContent()).toBe("Target change: -2 points (-13.6 %)");

    const charter = records(addon, "Charter");
    expect(charter.find((r) => r.Field === "Exchange name")?.Value).toBe("Discharge before noon 2026");
    expect(charter.find((r) => r.Field === "Primary goal")?.Value).toBe("performance change");
    const [target] = records(addon, "Targets");
    expect(target?.Metric).toBe("30-day readmissions");
    expect(target?.["Target change"] as number).toBeCloseTo(-2, 9);
    await page.close();
  });

  it("is labelled for assistive technology, and Save stays in reach on a long charter", async () => {
    const addon = openAddon();
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("setUpWorkbook");
    const page = await openSidebar(addon);
    await page.setViewportSize({ width: 300, height: 600 }); // an Apps Script sidebar is 300 px wide
    // Each field's help is its accessible description, not only text under it.
    const described = await page.evaluate(() => {
      const field = document.getElementById("field-focusChallenge");
      const help = document.getElementById(field?.getAttribute("aria-describedby") ?? "");
      return help?.textContent ?? "";
    });
    expect(described).toMatch(/operational challenge or clinical process/);
    // Each target is a named group, so its "Metric" is told apart from the next target's.
    await page.click("#add");
    await page.click("#add");
    await page.fill("#t1-metric", "Average length of stay");
    const second = page.getByRole("group", { name: "Target 2: Average length of stay" });
    expect(await second.getByRole("textbox", { name: "Metric" }).inputValue()).toBe("Average length of stay");
    expect(
      await second.getByRole("button", { name: "Remove Target 2: Average length of stay" }).count(),
    ).toBe(1);
    // Scrolled to the top of a page far taller than the sidebar, Save is still on screen.
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(1200);
    const save = await page.locator("#save").boundingBox();
    expect(save).not.toBeNull();
    expect(save!.y + save!.height).toBeLessThanOrEqual(600);
    expect(await page.getByRole("status").count()).toBe(1);
    await page.close();
  });

  it("shows a refusal from the add-on and keeps what was typed", async () => {
    const addon = openAddon();
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("setUpWorkbook");
    const page = await openSidebar(addon);
    await page.click("#add");
    await page.fill("#t0-metric", "Length of stay");
    await page.fill("#t0-baseline", "five");
    await page.click("#save");
    await expect
      .poll(() => page.locator("#status").textContent(), { timeout: 15_000 })
      .toContain("must be a number");
    expect(await page.locator("#status").getAttribute("class")).toContain("error");
    expect(await page.inputValue("#t0-baseline")).toBe("five");
    expect(records(addon, "Targets")).toHaveLength(0);
    await page.close();
  });
});
