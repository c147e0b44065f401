// The caption content script in a real extension in Chromium: it reads a fixture meeting page served
// on 127.0.0.1 (the generic aria-live reader, as 127.0.0.1 is no meeting host) and answers
// {type: "captions.recent"} as the popup asks it, from the extension side.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type BrowserContext, chromium, type Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaptionsRecentResponse } from "../../extension/src/captions/messages.ts";
import { chromiumArgs, chromiumPath, extensionArgs } from "../helpers/chromium.ts";
import { meetingFixture } from "../helpers/meetingFixtures.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

let extensionDir: string;
let server: Server;
let base: string;
let context: BrowserContext;
let worker: Worker;

beforeAll(async () => {
  extensionDir = mkdtempSync(join(tmpdir(), "px-captions-"));
  await build({
    entryPoints: [join(root, "extension/src/content/captions.ts")],
    bundle: true,
    format: "iife",
    target: "chrome120",
    outfile: join(extensionDir, "captions.js"),
    logLevel: "silent",
  });
  // A minimal extension around the content script; the worker is where the test asks from.
  writeFileSync(
    join(extensionDir, "worker.js"),
    "// Asks tabs for captions when the test evaluates in it.\n",
  );
  writeFileSync(
    join(extensionDir, "manifest.json"),
    JSON.stringify({
      manifest_version: 3,
      name: "Caption capture test",
      version: "1",
      background: { service_worker: "worker.js" },
      permissions: ["tabs"],
      host_permissions: ["http://127.0.0.1/*"],
      content_scripts: [{ matches: ["http://127.0.0.1/*"], js: ["captions.js"], run_at: "document_idle" }],
    }),
  );
  server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const fixture = path.startsWith("/meetings/") ? meetingFixture(path) : null;
    if (!fixture) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": fixture.type });
    response.end(fixture.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context = await chromium.launchPersistentContext("", {
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, ...extensionArgs(extensionDir)],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
});

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
});

function askRecent(seconds: number): Promise<CaptionsRecentResponse> {
  return worker.evaluate(async (seconds) => {
    const [tab] = await chrome.tabs.query({ url: "http://127.0.0.1/*" });
    return chrome.tabs.sendMessage(tab!.id!, { type: "captions.recent", seconds });
  }, seconds);
}

describe("caption content script", () => {
  it("answers captions.recent with every turn once, with speakers, after captions went off and on", async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${base}/meetings/generic.html`);
      // The content script runs at document_idle; wait until it has found the caption region.
      await expect.poll(async () => (await askRecent(30)).platform, { timeout: 10_000 }).toBe("ariaLive");
      const expected = await page.evaluate(async () => {
        const player = (
          window as unknown as { __captions: { play(ms: number): Promise<number>; expected: object } }
        ).__captions;
        await player.play(20);
        return player.expected as { speaker: string; text: string }[];
      });
      const want = expected.map((line) => `${line.speaker}: ${line.text}`).join("\n");
      await expect.poll(async () => (await askRecent(30)).text, { timeout: 10_000 }).toBe(want);
      const answer = await askRecent(30);
      expect(answer.lines.map(({ speaker, text }) => ({ speaker, text }))).toEqual(expected);
      for (const line of answer.lines) expect(line.end).toBeGreaterThanOrEqual(line.start);
    } finally {
      await page.close();
    }
  });
});
