// The sandbox page as a coordinator or a hospital's IT reviewer meets it after `npm start`: the demo's
// charts drawn, cells shown with Sheets' formats, the outbox, and a person's whole path from an empty
// workbook by clicks and typing only; axe-core finds nothing on the page.
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SandboxServer, startServer } from "../../sandbox/server.ts";
import { launchChromium } from "../helpers/chromium.ts";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

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

async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(server.url);
  await page.evaluate(() => (window as unknown as { __ready: Promise<void> }).__ready);
  return page;
}

async function showTab(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Tabs" }).getByRole("button", { name, exact: true }).click();
  await expect.poll(() => page.locator("#grid").getAttribute("aria-label")).toMatch(new RegExp(`^${name}`));
}

/** The 1-based column of a header on row 1 of the tab shown. */
async function columnOf(page: Page, header: string): Promise<number> {
  const texts = await page.locator('#grid td[data-r="1"]').allTextContents();
  const index = texts.indexOf(header);
  if (index < 0) throw new Error(`No column “${header}” among ${texts.join(", ")}`);
  return index + 1;
}

const cell = (page: Page, r: number, c: number) => page.locator(`#grid td[data-r="${r}"][data-c="${c}"]`);

/** Clicks a cell and types into it as a person would, ending with Enter. */
async function typeInto(page: Page, r: number, c: number, text: string): Promise<void> {
  await page.locator("#status").evaluate((status) => {
    status.textContent = "";
  });
  await cell(page, r, c).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await expect.poll(() => page.locator("#status").textContent()).toMatch(/Saved|problem|refused/);
}

/** Answers each dialog an item raises: text for prompts, then the first (default) button. */
async function answerDialogs(page: Page, texts: string[]): Promise<string[]> {
  const seen: string[] = [];
  const queue = [...texts];
  for (let i = 0; i < 8; i++) {
    const dialog = page.locator("dialog#ask[open]");
    try {
      await dialog.waitFor({ timeout: 4000 });
    } catch {
      return seen;
    }
    seen.push((await dialog.locator("p").textContent()) ?? "");
    const box = dialog.getByRole("textbox");
    if ((await box.count()) > 0) await box.fill(queue.shift() ?? "");
    const asked = await dialog.getAttribute("data-asked");
    await dialog.getByRole("button").first().click();
    await expect
      .poll(async () => (await dialog.count()) === 0 || (await dialog.getAttribute("data-asked")) !== asked)
      .toBe(true);
  }
  return seen;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(c: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

describe("sandbox page with the demo exchange", () => {
  it("draws every Dashboard chart from its recorded spec: each canvas has ink", async () => {
    await fetch(`${server.url}/api/reset`, { method: "POST", body: JSON.stringify({ demo: true }) });
    const page = await openPage();
    await showTab(page, "Dashboard");
    const workbook = (await (await fetch(`${server.url}/api/workbook`)).json()) as {
      sheets: { name: string; charts: unknown[] }[];
    };
    const expected = workbook.sheets.find((s) => s.name === "Dashboard")?.charts.length ?? 0;
    expect(expected).toBeGreaterThanOrEqual(6);
    await expect.poll(() => page.locator("#charts canvas").count()).toBe(expected);
    // Coloured pixels (not white, not transparent) on each canvas: the chart was drawn, not just placed.
    const inked = await page.locator("#charts canvas").evaluateAll((canvases) =>
      canvases.map((c) => {
        const canvas = c as HTMLCanvasElement;
        const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        let coloured = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b, a] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
          if (a > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
        }
        return coloured;
      }),
    );
    for (const count of inked) expect(count).toBeGreaterThan(200);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 240_000);

  it("shows cells as Sheets does: date formats, rounded numbers, hidden tabs marked, conditional colours", async () => {
    const page = await openPage();
    await showTab(page, "Agenda");
    const start = await columnOf(page, "Start");
    expect(await cell(page, 2, start).textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    await showTab(page, "Targets");
    const percent = await columnOf(page, "Target change %");
    expect(await cell(page, 2, percent).textContent()).not.toMatch(/\d\.\d{5,}/);
    await expect
      .poll(() => page.getByRole("button", { name: "Settings (hidden)", exact: true }).count())
      .toBe(1);
    await showTab(page, "Peers");
    const selected = await columnOf(page, "Selected");
    // A selected candidate's row is highlighted by the tab's conditional format.
    const rows = await page.locator("#grid tbody tr").count();
    const ticked: string[] = [];
    for (let r = 2; r <= rows; r++) {
      if (await cell(page, r, selected).locator("input:checked").count())
        ticked.push(await cell(page, r, 1).evaluate((td) => getComputedStyle(td).backgroundColor));
    }
    expect(ticked.length).toBe(6);
    expect(ticked.every((color) => color !== "rgb(255, 255, 255)")).toBe(true);
    await page.close();
  }, 240_000);

  it("lists the reminders the add-on sent in the outbox", async () => {
    const page = await openPage();
    const outbox = page.locator("#outbox");
    await expect.poll(() => outbox.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await outbox.textContent()).toMatch(/Preparation for Discharge before noon exchange/);
    await page.close();
  }, 240_000);
});

describe("a person's path from an empty workbook, by clicks and typing", () => {
  it("sets up, types candidates, selects the peer group, builds the agenda and connects a scribe", async () => {
    await fetch(`${server.url}/api/reset`, { method: "POST", body: JSON.stringify({ demo: true }) });
    const page = await openPage();
    // Reset asks first and says what it removes; keeping the workbook changes nothing.
    await page.getByRole("button", { name: "Reset…" }).click();
    const asked = page.locator("dialog#ask[open]");
    expect(await asked.textContent()).toMatch(/removes every tab and row.*outbox.*triggers/s);
    await asked.getByRole("button", { name: "Keep my workbook" }).click();
    expect(await page.getByRole("navigation", { name: "Tabs" }).getByRole("button").count()).toBeGreaterThan(
      5,
    );
    await page.getByRole("button", { name: "Reset…" }).click();
    await page.locator("dialog#ask[open]").getByRole("button", { name: "Remove all" }).click();
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/empty/);

    await page.locator("#menu button", { hasText: "Set up / repair workbook" }).click();
    await answerDialogs(page, []);
    await expect
      .poll(() => page.getByRole("navigation", { name: "Tabs" }).getByRole("button").count())
      .toBeGreaterThan(5);

    await showTab(page, "Peers");
    const name = await columnOf(page, "Site name");
    const scores = await Promise.all(
      [
        "Similarity of context",
        "Demonstrated success",
        "Willingness to share",
        "Diversity of perspective",
      ].map((h) => columnOf(page, h)),
    );
    const candidates: [string, number[]][] = [
      ["Lakeside University Hospital", [5, 4, 4, 2]],
      ["St. Brigid Community Hospital", [3, 5, 5, 3]],
      ["Prairie View Critical Access", [2, 4, 5, 5]],
      ["Harbor Point Medical Center", [2, 2, 2, 2]],
    ];
    for (const [i, [site, values]] of candidates.entries()) {
      await typeInto(page, i + 2, name, site);
      for (const [j, score] of values.entries())
        await typeInto(page, i + 2, scores[j] as number, String(score));
    }
    // Validation refuses a bad score with its message, and keeps the cell as it was.
    await typeInto(page, 2, scores[0] as number, "9");
    expect(await page.locator("#status").textContent()).toMatch(/problem/i);
    expect(await cell(page, 2, scores[0] as number).textContent()).toBe("5");

    await page.locator("#menu button", { hasText: "Select peer group" }).click();
    await answerDialogs(page, []);
    await showTab(page, "Peers");
    const selected = await columnOf(page, "Selected");
    await expect
      .poll(() => page.locator(`#grid td[data-c="${selected}"] input:checked`).count())
      .toBeGreaterThan(0);
    // The person ticks a candidate with the keyboard: arrows to the Selected cell, then Space.
    const harbor = cell(page, 5, selected).locator("input");
    const wasTicked = await harbor.isChecked();
    await cell(page, 5, name).click();
    for (let c = name; c < selected; c++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press(" ");
    await expect.poll(() => cell(page, 5, selected).locator("input").isChecked()).toBe(!wasTicked);

    await page.locator("#menu button", { hasText: "Build agenda…" }).click();
    await answerDialogs(page, ["2027-01-12 09:00", "240"]);
    await showTab(page, "Agenda");
    await expect
      .poll(() => page.locator("#grid td", { hasText: "Rapid-fire case" }).count())
      .toBeGreaterThan(1);
    // The breakout's sub-issue is typed into the Sub-issue column.
    const session = await columnOf(page, "Session");
    const subIssue = await columnOf(page, "Sub-issue");
    const sessions = await page.locator(`#grid td[data-c="${session}"]`).allTextContents();
    const breakout = sessions.findIndex((s) => s.startsWith("Breakout"));
    expect(breakout).toBeGreaterThan(0);
    await typeInto(page, breakout + 1, subIssue, "Standardizing the discharge checklist");
    expect(await cell(page, breakout + 1, subIssue).textContent()).toBe(
      "Standardizing the discharge checklist",
    );

    await page.locator("#menu button", { hasText: "Connect a scribe…" }).click();
    await answerDialogs(page, ["Ana Ruiz"]);
    await expect.poll(() => page.locator("#ui iframe").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 240_000);

  it("keeps focus inside a dialog, closes it with Escape, and returns focus to its button", async () => {
    const page = await openPage();
    const tabs = page.getByRole("navigation", { name: "Tabs" }).getByRole("button");
    const before = await tabs.allTextContents();
    const reset = page.getByRole("button", { name: "Reset…" });
    await reset.focus();
    await page.keyboard.press("Enter");
    const dialog = page.locator("dialog#ask[open]");
    await dialog.waitFor();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest("dialog")))).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await reset.evaluate((button) => button === document.activeElement)).toBe(true);
    // Escape kept the workbook: its tabs are all still there.
    expect(await tabs.allTextContents()).toEqual(before);
    await page.close();
  }, 240_000);

  it("moves through the grid with the arrow keys from the keyboard alone", async () => {
    const page = await openPage();
    await showTab(page, "Agenda");
    await cell(page, 2, 1).click();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    expect(
      await page.evaluate(() => {
        const td = document.activeElement as HTMLElement;
        return `${td.dataset.r},${td.dataset.c}`;
      }),
    ).toBe("3,2");
    await page.close();
  }, 240_000);
});
