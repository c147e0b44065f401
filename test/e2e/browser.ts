// Launching Debian's Chromium with the built Clipper, and driving its service worker.

import { createHash } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Page, type Worker } from "playwright-core";
import { chromiumArgs, chromiumPath, extensionArgs } from "../helpers/chromium.ts";

export const extensionDir = join(import.meta.dirname, "../../dist/extension/chromium");
export { chromiumPath } from "../helpers/chromium.ts";

export interface Clipper {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  close(): Promise<void>;
}

export function newUserDataDir(): string {
  return mkdtempSync(join(tmpdir(), "px-clipper-"));
}

/** Starts Chromium with the built extension; the same userDataDir is the same browser profile. */
export async function launchClipper(userDataDir = newUserDataDir()): Promise<Clipper> {
  if (!existsSync(join(extensionDir, "manifest.json"))) {
    throw new Error(`No built extension at ${extensionDir}: run npm run build first.`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [...extensionArgs(extensionDir), ...chromiumArgs],
  });
  const worker = await backgroundWorker(context);
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, userDataDir, close: () => context.close() };
}

/** Chromium's id for an unpacked extension: the SHA-256 of its path, first 32 hex digits spelled a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash("sha256").update(resolve(dir)).digest("hex").slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join("");
}

/** The extension's service worker; a fresh profile sometimes starts it only once an extension page opens. */
async function backgroundWorker(context: BrowserContext): Promise<Worker> {
  const deadline = Date.now() + 30_000;
  let poked = false;
  while (Date.now() < deadline) {
    const worker = context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://"));
    if (worker) return worker;
    if (!poked && Date.now() > deadline - 25_000) {
      poked = true;
      const page = await context.newPage();
      await page
        .goto(`chrome-extension://${unpackedExtensionId(extensionDir)}/options.html`)
        .catch(() => undefined);
      await page.close();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("The extension's service worker did not start.");
}

/** The worker now running (a stopped worker is replaced by a new one on the next event). */
export function currentWorker(clipper: Clipper): Worker {
  return clipper.context.serviceWorkers().at(-1) ?? clipper.worker;
}

/** Calls the background's request handler, as the popup or options page would. */
export async function askBackground<T = Record<string, unknown>>(
  clipper: Clipper,
  request: unknown,
): Promise<T> {
  return currentWorker(clipper).evaluate(
    (r) =>
      (
        globalThis as unknown as { peerExchange: { handle(r: unknown): Promise<unknown> } }
      ).peerExchange.handle(r),
    request,
  ) as Promise<T>;
}

/** Runs a keyboard command's handler on a tab (page.keyboard does not fire extension commands). */
export async function runCommand(
  clipper: Clipper,
  command: string,
  tabId: number,
): Promise<Record<string, unknown>> {
  return currentWorker(clipper).evaluate(
    ([c, t]) =>
      (
        globalThis as unknown as {
          peerExchange: { runCommand(c: string, t: number): Promise<Record<string, unknown>> };
        }
      ).peerExchange.runCommand(c, t),
    [command, tabId] as const,
  );
}

/** The extension's tab id for a page, by its URL. */
export async function tabIdOf(clipper: Clipper, url: string): Promise<number> {
  return currentWorker(clipper).evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    if (tab?.id === undefined) throw new Error(`no tab for ${u}`);
    return tab.id;
  }, url);
}

export async function selectText(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const node = document.querySelector(sel);
    if (!node) throw new Error(`no ${sel}`);
    const range = document.createRange();
    range.selectNodeContents(node);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, selector);
}

/** A page to clip from, served on 127.0.0.1 (an ordinary web page, platform "web"). */
export async function startPageServer(
  pages: Record<string, string>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const body = pages[request.url ?? "/"];
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ""}`);
}
