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

  it("runs a sidebar against the add-on: the charter saved in the sidebar lands in the workbook", async () => {
    await fetch(`${server.url}/api/reset`, { method: "POST", body: JSON.stringify({ demo: true }) });
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.locator("#menu button", { hasText: "Charter…" }).click();
    const sidebar = page.frameLocator("#ui iframe");
    await sidebar.locator("#field-exchangeName").fill("Discharge before noon 2027");
    await sidebar.locator("#save").click();
    await expect.poll(() => sidebar.locator("#status").textContent()).toMatch(/saved/i);
    const workbook = (await (await fetch(`${server.url}/api/workbook`)).json()) as {
      sheets: { name: string; values: unknown[][] }[];
    };
    const charter = workbook.sheets.find((sheet) => sheet.name === "Charter");
    expect(charter?.values.some((row) => row.includes("Discharge before noon 2027"))).toBe(true);
    // The sidebar cannot reach the sandbox API on its own: its frame has an opaque origin.
    const reached = await page
      .frameLocator("#ui iframe")
      .locator("body")
      .evaluate(() =>
        fetch("/api/workbook").then(
          () => true,
          () => false,
        ),
      );
    expect(reached).toBe(false);
    await page.close();
  });

  it("asks the person each question an item raises, as Sheets would, then runs it with the answers", async () => {
    await fetch(`${server.url}/api/reset`, { method: "POST", body: JSON.stringify({ demo: true }) });
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.locator("#menu button", { hasText: "Connect a scribe…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox").fill("Ana Ruiz");
    await dialog.getByRole("button", { name: "OK" }).click();
    // The one-time connection code dialog shows in the add-on's output.
    await expect.poll(() => page.locator("#ui iframe").count()).toBe(1);
    const listed = (await (
      await fetch(`${server.url}/api/run`, { method: "POST", body: JSON.stringify({ fn: "listScribes" }) })
    ).json()) as { result: { name: string }[] };
    expect(listed.result.map((scribe) => scribe.name)).toEqual(["Ana Ruiz"]);
    await page.close();
  });
});
