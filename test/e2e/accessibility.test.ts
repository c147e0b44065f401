// Every surface a person meets, checked with axe-core in real Chromium: the add-on's sidebars and
// dialogs (as the built bundle renders them) and the extension's popup and options pages. Each must
// have no violation at all, and every control must be reachable with the Tab key.
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exchangeWithAgenda } from "../apps-script/peerWorkbook.ts";
import { type Addon, openAddon } from "../helpers/addon.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { openSidebarPage } from "../helpers/sidebar.ts";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const extensionDir = join(import.meta.dirname, "../../dist/extension/chromium");

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

interface AxeResult {
  violations: { id: string; nodes: { target: string[] }[] }[];
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document): Promise<AxeResult> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/** Presses Tab through the page and returns the controls it never reached. */
async function unreachable(page: Page): Promise<string[]> {
  const controls = await page.evaluate(() => {
    const all = [
      ...document.querySelectorAll<HTMLElement>("button, input, select, textarea, a[href], [tabindex]"),
    ];
    all.forEach((node, i) => {
      node.dataset.probe = String(i);
    });
    return (
      all
        .filter((n) => !(n as HTMLButtonElement).disabled && n.tabIndex >= 0 && n.offsetParent !== null)
        // One radio per group is in the tab order; arrow keys move within the group.
        .filter((n, i, list) => {
          const radio = n as HTMLInputElement;
          if (radio.type !== "radio") return true;
          return (
            list.findIndex(
              (m) => (m as HTMLInputElement).type === "radio" && (m as HTMLInputElement).name === radio.name,
            ) === i
          );
        })
        .map((n) => `${n.dataset.probe} ${n.tagName.toLowerCase()}#${n.id}`)
    );
  });
  const reached = new Set<string>();
  for (let i = 0; i < 2 * controls.length + 10; i++) {
    await page.keyboard.press("Tab");
    const probe = await page.evaluate(
      () => (document.activeElement as HTMLElement | null)?.dataset.probe ?? "",
    );
    if (probe) reached.add(probe);
  }
  return controls.filter((c) => !reached.has(c.split(" ")[0] ?? ""));
}

function ready(fn: string): Addon {
  // The speaking timer needs a selected peer group and today's agenda.
  if (fn === "showSpeakingTimer") return exchangeWithAgenda().addon;
  const addon = openAddon();
  addon.emulator.ui.respondWith(["OK"]);
  addon.run("setUpWorkbook");
  addon.emulator.ui.takeEvents();
  return addon;
}

async function openRendered(addon: Addon, fn: string, responses: unknown[] = []): Promise<Page> {
  addon.emulator.ui.respondWith(responses as never[]);
  addon.run(fn);
  const html = addon.emulator.ui.takeEvents().find((e) => e.html)?.html ?? "";
  expect(html).not.toBe("");
  return openSidebarPage(browser, addon, html);
}

describe("accessibility of every surface (axe-core, keyboard)", () => {
  for (const [label, fn, responses] of [
    ["Charter sidebar", "showCharter", []],
    ["Speaking timer sidebar", "showSpeakingTimer", []],
    ["Connection code dialog", "connectScribe", [{ button: "OK", text: "Ana Ruiz" }]],
    ["Check installation dialog", "checkInstallation", []],
  ] as const) {
    it(`${label}: no axe violation, every control reachable by Tab`, async () => {
      const page = await openRendered(ready(fn), fn, [...responses]);
      await page.waitForLoadState("load");
      expect((await violations(page)).join("\n")).toBe("");
      expect((await unreachable(page)).join("\n")).toBe("");
      await page.close();
    }, 120_000);
  }

  for (const file of ["popup.html", "options.html"]) {
    it(`extension ${file}: no axe violation, every control reachable by Tab`, async () => {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(extensionDir, file)).href);
      expect((await violations(page)).join("\n")).toBe("");
      expect((await unreachable(page)).join("\n")).toBe("");
      await page.close();
    }, 120_000);
  }
});
