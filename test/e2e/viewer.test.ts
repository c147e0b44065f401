// The sandbox's workbook viewer in real Chromium: tabs render, and cell text is never HTML.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SandboxServer, startServer } from "../../sandbox/server.ts";
import { launchChromium } from "../helpers/chromium.ts";

let server: SandboxServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("sandbox viewer", () => {
  it("shows the demo workbook's tabs and menu, with cell text rendered as text", async () => {
    await fetch(`${server.url}/api/reset`, { method: "POST", body: JSON.stringify({ demo: true }) });
    const payload = '<img src=x onerror="window.__owned=1">';
    await fetch(`${server.url}/api/edit`, {
      method: "POST",
      body: JSON.stringify({ sheet: "Peers", range: "H2", values: [[payload]] }),
    });
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole("button", { name: "Peers", exact: true }).click();
    await expect
      .poll(() => page.locator("#grid td", { hasText: "Lakeside University Hospital" }).count())
      .toBe(1);
    expect(await page.locator("#grid td", { hasText: payload }).count()).toBe(1);
    expect(await page.locator("#grid img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
    await expect
      .poll(() => page.locator("#menu button", { hasText: "Set up / repair workbook" }).count())
      .toBe(1);
    await page.close();
  });
});
