// Each platform's selectors and adapter against its fixture page in real Chromium, served on
// 127.0.0.1 (refined-github style: count what every selector matches, then read the rows).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostMatches } from "../../extension/src/captions/platforms/dom.ts";
import { platformForHost } from "../../extension/src/captions/platforms/index.ts";
import { launchChromium } from "../helpers/chromium.ts";
import { contentTypeOf, meetingFixture } from "../helpers/meetingFixtures.ts";

/** What the fixture page holds once the captions bundle is added. */
type PageCaptions = typeof import("../../extension/src/captions/platforms/index.ts") &
  typeof import("../../extension/src/captions/engine.ts") &
  typeof import("../../extension/src/captions/observer.ts");
interface FixturePlayer {
  step(): boolean;
  play(intervalMs: number): Promise<number>;
  time: number;
  expected: { speaker: string; text: string }[];
}
type FixtureWindow = Window & { PeerExchangeCaptions: PageCaptions; __captions: FixturePlayer };

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

let server: Server;
let base: string;
let browser: Browser;

/** The captions code as one script for the page, exposed as window.PeerExchangeCaptions. */
async function captionsBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        'export { captionPlatforms } from "./extension/src/captions/platforms/index.ts";',
        'export { TranscriptEngine, formatTranscript } from "./extension/src/captions/engine.ts";',
        'export { observeCaptions } from "./extension/src/captions/observer.ts";',
      ].join("\n"),
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "iife",
    globalName: "PeerExchangeCaptions",
    target: "chrome120",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

beforeAll(async () => {
  const bundle = await captionsBundle();
  server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const body =
      path === "/captions.js" ? bundle : path.startsWith("/meetings/") ? meetingFixture(path)?.body : null;
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "content-type": contentTypeOf(path),
      "content-security-policy": "default-src 'self'; script-src 'self'; object-src 'none'",
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function openFixture(name: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${base}/meetings/${name}.html`);
  await page.addScriptTag({ url: "/captions.js" });
  return page;
}

interface SelectorCounts {
  container: Record<string, number>;
  row: Record<string, number>;
  speaker: Record<string, number>;
  text: Record<string, number>;
}

/** Steps the fixture's stream `steps` times, then counts what each selector layer matches. */
async function countSelectors(page: Page, id: string, steps: number): Promise<SelectorCounts> {
  return page.evaluate(
    ({ id, steps }) => {
      const px = (window as unknown as FixtureWindow).PeerExchangeCaptions;
      const player = (window as unknown as FixtureWindow).__captions;
      for (let i = 0; i < steps; i++) player.step();
      const platform = px.captionPlatforms.find((p) => p.id === id)!;
      const container = platform.findContainer(document)!;
      const count = (scope: ParentNode, list: readonly string[]) =>
        Object.fromEntries(list.map((selector) => [selector, scope.querySelectorAll(selector).length]));
      return {
        container: count(document, platform.selectors.container),
        row: count(container, platform.selectors.row),
        speaker: count(container, platform.selectors.speaker),
        text: count(container, platform.selectors.text),
      };
    },
    { id, steps },
  );
}

interface ReadResult {
  rows: { speaker: string; text: string }[];
  keys: string[];
}

async function readRows(page: Page, id: string): Promise<ReadResult> {
  return page.evaluate((id) => {
    const px = (window as unknown as FixtureWindow).PeerExchangeCaptions;
    const platform = px.captionPlatforms.find((p) => p.id === id)!;
    const rows = platform.readRows(platform.findContainer(document)!);
    return {
      rows: rows.map(({ speaker, text }) => ({ speaker, text })),
      keys: rows.map((row) => row.rowKey),
    };
  }, id);
}

const firstTwoTurns = [
  { speaker: "Ana Ruiz", text: "Good morning everyone, thanks for joining" },
  { speaker: "Ben Cole", text: "Thank you. Our fall rate dropped by half." },
];

interface PlatformCase {
  id: string;
  fixture: string;
  /** Selectors expected to match after the first two turns, with their counts; every other selector matches nothing. */
  matches: Partial<Record<keyof SelectorCounts, Record<string, number>>>;
}

const cases: PlatformCase[] = [
  {
    id: "meet",
    fixture: "meet",
    matches: {
      // The side panel region is also role=region tabindex=0; the adapter skips it (no avatar).
      container: { 'div[role="region"][tabindex="0"]': 2, 'div[role="region"][aria-label="Captions"]': 1 },
      row: { ".nMcdL": 2 },
      speaker: { ".NWpY1d": 2, ".KcIKyf": 2 },
      text: { ".ygicle": 2 },
    },
  },
  {
    id: "teams",
    fixture: "teams",
    matches: {
      container: {
        '[data-tid="closed-caption-v2-window-wrapper"]': 1,
        '[data-tid="closed-caption-v2-virtual-list-content"]': 1,
      },
      row: { '[data-tid="closed-captions-v2-items-renderer"]': 2, ".fui-ChatMessageCompact": 2 },
      speaker: { '[data-tid="author"]': 2, ".fui-ChatMessageCompact__author": 2 },
      text: { '[data-tid="closed-caption-text"]': 2 },
    },
  },
  {
    id: "zoom",
    fixture: "zoom",
    matches: {
      container: {
        "#live-transcription-subtitle": 1,
        ".live-transcription-subtitle__box": 1,
        ".lt-subtitle-wrap": 1,
        ".live-transcription-subtitle__overlay-container": 1,
      },
      row: { ".live-transcription-subtitle__item": 2 },
      // Zoom leaves no name element here: the speaker comes from the avatar (see zoom.ts).
      speaker: {},
      text: { ".live-transcription-subtitle__item": 2 },
    },
  },
  {
    id: "webex",
    fixture: "webex",
    matches: {
      container: {
        '[role="log"][aria-live][class*="caption" i]': 1,
        '[aria-live][class*="caption" i]': 1,
        '[class*="closed-caption" i]': 1,
      },
      row: { '[class*="caption-item" i]': 2, ":scope > *": 2 },
      speaker: { '[class*="speaker" i]': 2, '[class*="name" i]': 2 },
      text: { '[class*="caption-text" i]': 2, '[class*="text" i]': 2 },
    },
  },
  {
    id: "ariaLive",
    fixture: "generic",
    matches: {
      // The status region and the captions region are both live; the captions one is labelled.
      container: { '[aria-live="polite"]': 2 },
      row: { ":scope > *": 2 },
      speaker: {},
      text: {},
    },
  },
];

describe("caption selectors against fixture pages in Chromium", () => {
  for (const platformCase of cases) {
    describe(platformCase.id, () => {
      it("each selector layer matches what the fixture holds, and the rows read back", async () => {
        const page = await openFixture(platformCase.fixture);
        try {
          const counts = await countSelectors(page, platformCase.id, 6);
          for (const layer of ["container", "row", "speaker", "text"] as const) {
            const expected = Object.fromEntries(
              Object.keys(counts[layer]).map((selector) => [
                selector,
                platformCase.matches[layer]?.[selector] ?? 0,
              ]),
            );
            expect(counts[layer], layer).toEqual(expected);
          }
          const read = await readRows(page, platformCase.id);
          expect(read.rows).toEqual(firstTwoTurns);
          expect(new Set(read.keys).size).toBe(2);
        } finally {
          await page.close();
        }
      });

      it("the observer feeds the engine through the whole scripted stream, re-attaching after captions off and on", async () => {
        const page = await openFixture(platformCase.fixture);
        try {
          const result = await page.evaluate((id) => {
            const px = (window as unknown as FixtureWindow).PeerExchangeCaptions;
            const player = (window as unknown as FixtureWindow).__captions;
            const platform = px.captionPlatforms.find((p) => p.id === id)!;
            const engine = new px.TranscriptEngine({ settleMs: 1500 });
            const observer = px.observeCaptions({ platform, engine, now: () => player.time, pollMs: 60_000 });
            const attachedDuring: boolean[] = [];
            while (player.step()) {
              observer.scanNow();
              attachedDuring.push(observer.container !== null);
            }
            observer.stop();
            engine.flush(player.time + 5000);
            const lines = engine.settled(player.time + 5000);
            return {
              lines: lines.map(({ speaker, text }) => ({ speaker, text })),
              expected: player.expected,
              attachCount: observer.attachCount,
              detachedReadings: attachedDuring.filter((attached) => !attached).length,
            };
          }, platformCase.id);
          expect(result.attachCount).toBe(2);
          // Off until captions come back (for Meet, until the new region holds a caption block).
          expect(result.detachedReadings).toBeGreaterThanOrEqual(1);
          expect(result.lines).toEqual(result.expected);
        } finally {
          await page.close();
        }
      });
    });
  }

  for (const id of ["meet", "teams", "zoom", "ariaLive"]) {
    it(`${id}: rows still read when the class names inside the captions change`, async () => {
      const page = await openFixture(cases.find((c) => c.id === id)!.fixture);
      try {
        await page.evaluate((id) => {
          const px = (window as unknown as FixtureWindow).PeerExchangeCaptions;
          const player = (window as unknown as FixtureWindow).__captions;
          for (let i = 0; i < 6; i++) player.step();
          const container = px.captionPlatforms.find((p) => p.id === id)!.findContainer(document)!;
          for (const element of Array.from(container.querySelectorAll("[class]")))
            element.className = "x1y2z3";
        }, id);
        expect((await readRows(page, id)).rows).toEqual(firstTwoTurns);
      } finally {
        await page.close();
      }
    });
  }

  it("tells captions reading, shown but unreadable (changed markup), and off apart", async () => {
    const page = await openFixture("teams");
    try {
      const seen = await page.evaluate(() => {
        const px = (window as unknown as FixtureWindow).PeerExchangeCaptions;
        const player = (window as unknown as FixtureWindow).__captions;
        const platform = px.captionPlatforms.find((p) => p.id === "teams")!;
        let clock = 0;
        const engine = new px.TranscriptEngine();
        const observer = px.observeCaptions({
          platform,
          engine,
          now: () => clock,
          pollMs: 60_000,
          unreadableMs: 5000,
        });
        const health: string[] = [];
        for (let i = 0; i < 4; i++) player.step();
        observer.scanNow();
        health.push(observer.health());
        // The platform renames what marks its caption text: still shown, but no row is found.
        const container = platform.findContainer(document)!;
        for (const text of Array.from(container.querySelectorAll('[data-tid="closed-caption-text"]')))
          text.setAttribute("data-tid", "caption-body-v3");
        clock = 1000;
        observer.scanNow();
        health.push(observer.health());
        clock = 7000;
        observer.scanNow();
        health.push(observer.health());
        container.remove();
        clock = 8000;
        observer.scanNow();
        health.push(observer.health());
        observer.stop();
        return health;
      });
      expect(seen).toEqual(["reading", "reading", "unreadable", "off"]);
    } finally {
      await page.close();
    }
  });

  it("with real mutations and timers, recent() gives every turn once (Meet)", async () => {
    const page = await openFixture("meet");
    try {
      const result = await page.evaluate(async () => {
        const px = (window as unknown as FixtureWindow).PeerExchangeCaptions;
        const player = (window as unknown as FixtureWindow).__captions;
        const platform = px.captionPlatforms.find((p) => p.id === "meet")!;
        const engine = new px.TranscriptEngine({ settleMs: 1500 });
        const observer = px.observeCaptions({ platform, engine, throttleMs: 10, pollMs: 50 });
        await player.play(15);
        await new Promise((resolve) => setTimeout(resolve, 100));
        observer.scanNow();
        observer.stop();
        const lines = engine.recent(60_000, Date.now());
        return {
          text: px.formatTranscript(lines),
          expected: px.formatTranscript(player.expected.map((line) => ({ ...line, start: 0, end: 0 }))),
          attachCount: observer.attachCount,
        };
      });
      expect(result.attachCount).toBe(2);
      expect(result.text).toBe(result.expected);
    } finally {
      await page.close();
    }
  });
});

describe("platform for a host", () => {
  it("maps meeting hosts to their adapter and anything else to the aria-live reader", () => {
    expect(platformForHost("meet.google.com").id).toBe("meet");
    expect(platformForHost("teams.microsoft.com").id).toBe("teams");
    expect(platformForHost("teams.live.com").id).toBe("teams");
    expect(platformForHost("app.zoom.us").id).toBe("zoom");
    expect(platformForHost("us02web.zoom.us").id).toBe("zoom");
    expect(platformForHost("acme.webex.com").id).toBe("webex");
    expect(platformForHost("127.0.0.1:8080").id).toBe("ariaLive");
    expect(platformForHost("evilzoom.us").id).toBe("ariaLive");
  });

  it("reads manifest match patterns, ports aside", () => {
    expect(hostMatches("https://*.webex.com/*", "webex.com")).toBe(true);
    expect(hostMatches("https://meet.google.com/*", "meet.google.com:443")).toBe(true);
    expect(hostMatches("https://meet.google.com/*", "meet.google.com.evil.test")).toBe(false);
  });
});
