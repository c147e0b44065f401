// A sidebar the built add-on rendered, opened in real Chromium and wired to the bundle through a
// google.script.run stand-in: any top-level function, arguments crossing as JSON text (plain values only).
import type { Browser, Page } from "playwright-core";
import type { Addon } from "./addon.ts";

const scriptRunStandIn = `
  window.__sent = [];
  window.google = { script: { host: { close() {} }, get run() {
    let ok = () => {}, failed = () => {};
    const runner = new Proxy({}, { get(_, name) {
      if (name === "withSuccessHandler") return (f) => { ok = f; return runner; };
      if (name === "withFailureHandler") return (f) => { failed = f; return runner; };
      return (...args) => {
        window.__sent.push(args[0]);
        window.__callBundle(String(name), JSON.stringify(args)).then((r) => ok(JSON.parse(r)), failed);
      };
    } });
    return runner;
  } } };
`;

/** Opens `html` in a new page; `prepare` runs first (a fake clock, say). */
export async function openSidebarPage(
  browser: Browser,
  addon: Addon,
  html: string,
  prepare?: (page: Page) => Promise<void>,
): Promise<Page> {
  const page = await browser.newPage();
  await prepare?.(page);
  await page.exposeFunction("__callBundle", (fn: string, json: string) =>
    JSON.stringify(addon.run(fn, ...(JSON.parse(json) as unknown[])) ?? null),
  );
  // The stand-in goes first in <head>, where HtmlService's own script would be.
  await page.setContent(html.replace("<head>", `<head><script>${scriptRunStandIn}</script>`));
  return page;
}
