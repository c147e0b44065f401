// The harder meeting pages (test/fixtures/meetings/*-live.html), under the platforms' real host names:
// node replacement with many blocks kept, late in-place corrections, Zoom lines without a name (the
// name is on the participant tile), Zoom and Webex inside a same-origin frame, captions off and on,
// recycled and re-rendered lists. The frozen `acceptance` huddle plays on all four platforms at once,
// compressed and then in real time; every settled turn must come back exact, with its speaker, once,
// and no superseded phrasing may remain.
import { writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askBackground, type Clipper, currentWorker, runCommand } from "./browser.ts";
import {
  connectAndAllowMeetingSites,
  launchOnMeetingHosts,
  type MeetingHost,
  type MeetingServer,
  meetingHosts,
  startMeetingServer,
} from "./meetingHosts.ts";
import { type Endpoint, startSandboxEndpoint } from "./sandbox.ts";

interface Turn {
  speaker: string;
  text: string;
}

interface TimedTurn extends Turn {
  start: number;
  end: number;
}

interface ScriptTurn extends Turn {
  fix?: { said: string; right: string };
}

interface Recent {
  platform: string;
  text: string;
  lines: TimedTurn[];
}

const poll = { timeout: 20_000, interval: 200 };
/** The frozen acceptance huddle; PX_HUDDLE=dev plays the development one while working on capture. */
const huddle = process.env.PX_HUDDLE ?? "acceptance";

let endpoint: Endpoint;
let meetings: MeetingServer;
let clipper: Clipper;
const measured: Record<string, string> = {};

beforeAll(async () => {
  endpoint = await startSandboxEndpoint();
  const code = await endpoint.connectScribe("Dana Lee");
  meetings = await startMeetingServer();
  clipper = await launchOnMeetingHosts(meetings.port);
  await connectAndAllowMeetingSites(clipper, code);
});

afterAll(async () => {
  if (process.env.PX_CAPTION_REPORT)
    writeFileSync(process.env.PX_CAPTION_REPORT, JSON.stringify(measured, null, 2));
  await clipper?.close().catch(() => undefined);
  await meetings?.close();
  await endpoint?.stop();
});

const livePage = (meeting: MeetingHost) => `https://${meeting.host}/live/${meeting.platform}-live.html`;

async function tabIds(): Promise<number[]> {
  return currentWorker(clipper).evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));
}

async function askTab(tabId: number, seconds: number): Promise<Recent | null> {
  return currentWorker(clipper).evaluate(
    async ([id, s]) => {
      try {
        return (await chrome.tabs.sendMessage(id, { type: "captions.recent", seconds: s })) as Recent;
      } catch {
        return null;
      }
    },
    [tabId, seconds] as const,
  );
}

interface Meeting {
  meeting: MeetingHost;
  page: Page;
  tabId: number;
}

/** Opens the four huddle pages one after another (one new tab each), and waits for their caption scripts. */
async function openHuddles(huddle: string, which = meetingHosts): Promise<Meeting[]> {
  const opened: Meeting[] = [];
  for (const meeting of which) {
    const before = new Set(await tabIds());
    const page = await clipper.context.newPage();
    await page.goto(`${livePage(meeting)}?huddle=${huddle}`);
    await page.waitForFunction(() => "__huddle" in window);
    const fresh = (await tabIds()).filter((id) => !before.has(id));
    expect(fresh).toHaveLength(1);
    const tabId = fresh[0]!;
    await expect.poll(async () => (await askTab(tabId, 30))?.platform, poll).toBe(meeting.platform);
    opened.push({ meeting, page, tabId });
  }
  return opened;
}

const play = (page: Page, scale: number) =>
  page.evaluate(
    (s) => (window as unknown as { __huddle: { play(scale: number): Promise<number> } }).__huddle.play(s),
    scale,
  );

const huddleOf = (page: Page) =>
  page.evaluate(() => {
    const h = (window as unknown as { __huddle: { script: ScriptTurn[]; turns: TimedTurn[] } }).__huddle;
    return { script: h.script, turns: h.turns };
  });

const lineOf = (turn: Turn) => `${turn.speaker}: ${turn.text}`;

/** Expected turns found as exact lines of the clip, and what is wrong with the clip. */
function score(text: string, script: readonly ScriptTurn[]): { exact: number; problems: string[] } {
  const lines = text.split("\n");
  const problems: string[] = [];
  let exact = 0;
  for (const turn of script) {
    const count = lines.filter((line) => line === lineOf(turn)).length;
    if (count === 1) exact++;
    else problems.push(`${count}× ${lineOf(turn)}`);
    if (turn.fix && text.includes(turn.fix.said)) problems.push(`superseded "${turn.fix.said}" kept`);
  }
  const extra = lines.filter((line) => !script.some((turn) => line === lineOf(turn)));
  for (const line of extra) problems.push(`extra line: ${line}`);
  return { exact, problems };
}

/** Plays the huddle on every platform at once and clips the whole meeting from each tab. */
async function playAll(huddle: string, scale: number, label: string): Promise<Meeting[]> {
  const opened = await openHuddles(huddle);
  await Promise.all(opened.map(({ page }) => play(page, scale)));
  const problems: Record<string, string[]> = {};
  for (const { meeting, page, tabId } of opened) {
    const { script } = await huddleOf(page);
    // The last turns settle on the script's next readings after the settle and correction times.
    let result = score("", script);
    const deadline = Date.now() + poll.timeout;
    do {
      await new Promise((resolve) => setTimeout(resolve, poll.interval));
      result = score((await askTab(tabId, 600))?.text ?? "", script);
    } while (result.problems.length > 0 && Date.now() < deadline);
    measured[`${meeting.platform} ${label}`] = `${result.exact}/${script.length}`;
    // Capture start: the engine's first line begins at the reading that first saw the first caption.
    const { turns } = await huddleOf(page);
    const first = (await askTab(tabId, 600))?.lines[0];
    if (first) measured[`${meeting.platform} ${label} capture start`] = `${first.start - turns[0]!.start} ms`;
    if (result.problems.length) problems[meeting.platform] = result.problems;
  }
  expect(problems).toEqual({});
  return opened;
}

describe("caption capture on the harder meeting pages", () => {
  it("keeps every turn of the compressed huddle exact, with its speaker, on all four platforms", async () => {
    const opened = await playAll(huddle, 0.35, "compressed");
    for (const { page } of opened) await page.close();
  }, 120_000);

  it("keeps every turn exact in real time, and a 30-second clip holds the turns in its window", async () => {
    const opened = await playAll(huddle, 1, "real time");
    const zoom = opened.find((m) => m.meeting.platform === "zoom")!;
    // The shortcut's 30-second clip goes through the PHI guard: speaker labels such as "Dr. Priya
    // Shah:" are participants, not identifiers in the text, so the clip is sent, not held.
    const asked = Date.now();
    const clipped = await runCommand(clipper, "clip-captions", zoom.tabId);
    let rowAfter = 0;
    expect(clipped).toMatchObject({ ok: true, held: false });
    const { turns } = await huddleOf(zoom.page);
    // Turns that ended well inside the window must be there; turns that ended well before it must not.
    const inside = turns.filter((t) => t.end >= asked - 30_000 + 1500).map(lineOf);
    const outside = turns.filter((t) => t.end < asked - 30_000 - 1500).map(lineOf);
    let text = "";
    await expect
      .poll(async () => {
        const rows = (await endpoint.insights()).filter((r) => String(r["Page URL"]).includes("zoom-live"));
        text = String(rows[0]?.Text ?? "");
        if (rows.length && !rowAfter) rowAfter = Date.now() - asked;
        return rows.length;
      }, poll)
      .toBe(1);
    measured["zoom shortcut to workbook row"] = `≤ ${rowAfter} ms`;
    const lines = text.split("\n");
    for (const line of inside) expect(lines).toContain(line);
    for (const line of outside) expect(lines).not.toContain(line);
    await expect
      .poll(
        async () => (await askBackground<{ pending: unknown[] }>(clipper, { type: "queue.list" })).pending,
        poll,
      )
      .toEqual([]);
    for (const { page } of opened) await page.close();
  }, 240_000);

  it("clips a selection made inside the Zoom and Webex meeting frames", async () => {
    for (const platform of ["zoom", "webex"] as const) {
      const meeting = meetingHosts.find((m) => m.platform === platform)!;
      const [{ page, tabId }] = (await openHuddles("dev", [meeting])) as [Meeting];
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      const selector = platform === "zoom" ? "#meeting-notes" : "#agenda";
      const want = await frame.evaluate((sel) => {
        const node = document.querySelector(sel)!;
        const range = document.createRange();
        range.selectNodeContents(node);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return node.textContent!;
      }, selector);
      const clipped = await runCommand(clipper, "clip-selection", tabId);
      expect(clipped, meeting.host).toMatchObject({ ok: true });
      await expect
        .poll(async () => (await endpoint.insights()).some((r) => r.Text === want), poll)
        .toBe(true);
      await page.close();
    }
  }, 120_000);
});
