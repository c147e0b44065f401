// The speaking timer sidebar in real Chromium: its page (as the built add-on renders it) talks to the
// bundle through a google.script.run stand-in, with a fake clock, and totals land on the Speaking tab.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exchangeWithAgenda, records } from "../apps-script/peerWorkbook.ts";
import type { Addon } from "../helpers/addon.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { openSidebarPage } from "../helpers/sidebar.ts";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function openSidebar(): Promise<{ addon: Addon; page: Page; sites: string[] }> {
  const { addon } = exchangeWithAgenda();
  addon.run("showSpeakingTimer");
  const html = addon.emulator.ui.events.find((e) => e.type === "sidebar")?.html ?? "";
  // The clock stands still between taps: a loaded machine must not add real seconds to a turn.
  const page = await openSidebarPage(browser, addon, html, async (p) => {
    await p.clock.install({ time: new Date("2026-12-03T09:00:00Z") });
    await p.clock.pauseAt(new Date("2026-12-03T09:00:01Z"));
  });
  const sites = await page
    .locator("button.site")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-site") ?? ""));
  return { addon, page, sites };
}

describe("Speaking timer sidebar (Chromium)", () => {
  it("taps turn into totals per site on the Speaking tab, silent sites 0, and the Gini shown", async () => {
    const { addon, page, sites } = await openSidebar();
    expect(sites).toHaveLength(4);
    const [a, b] = sites as [string, string];
    await page.click(`button[data-site="${a}"]`);
    await page.clock.fastForward(30_000);
    await page.click(`button[data-site="${b}"]`);
    await page.clock.fastForward(10_000);
    await page.click("#pause");
    // Wait for the last save (the one Pause sent), not an earlier tap's: only it reports 0.63.
    await expect
      .poll(() => page.locator("#status").textContent(), { timeout: 15_000 })
      .toBe("Saved. Gini 0.63 (0 = equal).");

    // Only numbers and strings cross google.script.run: the time is an ISO string.
    const sent = (await page.evaluate("window.__sent")) as {
      totals: { seconds: unknown }[];
      sentAt: unknown;
    }[];
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(
      sent.every((p) => typeof p.sentAt === "string" && p.totals.every((t) => typeof t.seconds === "number")),
    ).toBe(true);
    const rows = records(addon, "Speaking");
    expect(rows.map((r) => [r.Site, r.Seconds, r.Turns])).toEqual(
      sites.map((s) => [s, s === a ? 30 : s === b ? 10 : 0, s === a || s === b ? 1 : 0]),
    );
    // 30, 10, 0, 0: Σ|xi − xj| = 2·(20 + 30 + 30 + 10 + 10) = 200, 2n²x̄ = 2·16·10 = 320 → 0.625.
    expect(rows[0]!["Session Gini"] as number).toBeCloseTo(0.625, 12);
    expect(await page.locator("#status").textContent()).toBe("Saved. Gini 0.63 (0 = equal).");
    await page.close();
  });

  it("says who is speaking in words and pressed state, not only in colour", async () => {
    const { page, sites } = await openSidebar();
    const [a, b] = sites as [string, string];
    const pressed = () =>
      page
        .getByRole("button", { pressed: true })
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-site")));
    expect(await pressed()).toEqual([]);
    expect(await page.locator("#now").textContent()).toBe("Nobody is speaking.");
    await page.getByRole("button", { name: b, exact: true }).click();
    expect(await pressed()).toEqual([b]);
    expect(await page.locator("#now").textContent()).toBe(`Now speaking: ${b}`);
    await page.getByRole("button", { name: a, exact: true }).click();
    expect(await pressed()).toEqual([a]);
    await page.click("#pause");
    expect(await pressed()).toEqual([]);
    expect(await page.locator("#now").textContent()).toBe("Nobody is speaking.");
    // Save results are announced politely; the totals table is named.
    expect(await page.getByRole("status").count()).toBe(1);
    expect(await page.getByRole("table", { name: /This session so far/ }).count()).toBe(1);
    await page.close();
  });

  it("quick taps lose and double no turn, and Pause lands them once", async () => {
    const { addon, page, sites } = await openSidebar();
    const [a, b, c] = sites as [string, string, string];
    // Nine taps two seconds apart, each faster than a save could finish on Google.
    for (const site of [a, b, c, a, b, c, a, b, c]) {
      await page.click(`button[data-site="${site}"]`);
      await page.clock.fastForward(2_000);
    }
    await page.click("#pause");
    await expect
      .poll(() => records(addon, "Speaking").map((r) => [r.Site, r.Seconds, r.Turns]), { timeout: 15_000 })
      .toEqual(sites.map((s) => ([a, b, c].includes(s) ? [s, 6, 3] : [s, 0, 0])));
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 15_000 }).toMatch(/^Saved/);
    await page.close();
  });
});
