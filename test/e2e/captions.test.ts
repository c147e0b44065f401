// End to end, under the meeting platforms' real host names: Debian's Chromium with the BUILT extension
// opens https://meet.google.com/…, https://teams.microsoft.com/…, https://app.zoom.us/… and a webex.com
// site, all served from 127.0.0.1 (meetingHosts.ts). The caption script must not run before the scribe
// allows a site; once allowed from the options page, "clip last 30 s of captions" sends the scripted
// caption stream to the sandbox server, and the row on the Insights tab has each spoken turn once.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askBackground, type Clipper, currentWorker, runCommand, tabIdOf } from "./browser.ts";
import {
  approveSitesInBrowserSettings,
  launchOnMeetingHosts,
  type MeetingServer,
  meetingHosts,
  meetingUrl,
  startMeetingServer,
} from "./meetingHosts.ts";
import { type Endpoint, type InsightRow, startSandboxEndpoint } from "./sandbox.ts";

interface Turn {
  speaker: string;
  text: string;
}

interface Recent {
  platform: string;
  text: string;
  lines: Turn[];
}

/** Polls for what the browser and the endpoint do in their own time. */
const poll = { timeout: 15_000, interval: 100 };

let endpoint: Endpoint;
let meetings: MeetingServer;
let clipper: Clipper;
let code: string;

beforeAll(async () => {
  endpoint = await startSandboxEndpoint();
  code = await endpoint.connectScribe("Dana Lee");
  meetings = await startMeetingServer();
  clipper = await launchOnMeetingHosts(meetings.port);
});

afterAll(async () => {
  await clipper?.close().catch(() => undefined);
  await meetings?.close();
  await endpoint?.stop();
});

const canReadMeet = () =>
  currentWorker(clipper).evaluate(() =>
    chrome.permissions.contains({ origins: ["https://meet.google.com/*"] }),
  );

/** What the background's "captions.recent" question gets from the tab, or the error it meets. */
async function askTab(tabId: number): Promise<Recent | { error: string }> {
  return currentWorker(clipper).evaluate(async (id) => {
    try {
      return (await chrome.tabs.sendMessage(id, { type: "captions.recent", seconds: 30 })) as Recent;
    } catch (error) {
      return { error: String(error) };
    }
  }, tabId);
}

const tabIds = () =>
  currentWorker(clipper).evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));

/**
 * A meeting in a new tab, and the tab's id. Found as the one new tab, not by URL: without the host
 * permission the extension does not see a meeting tab's URL at all.
 */
async function openMeeting(url: string): Promise<{ page: Page; tabId: number }> {
  const before = new Set(await tabIds());
  const page = await clipper.context.newPage();
  await page.goto(url);
  expect(page.url()).toBe(url);
  const fresh = (await tabIds()).filter((id) => !before.has(id));
  expect(fresh).toHaveLength(1);
  return { page, tabId: fresh[0]! };
}

/** Plays the page's scripted caption stream to its end; returns the turns it should yield. */
async function playCaptions(page: Page): Promise<Turn[]> {
  return page.evaluate(async () => {
    const player = (
      window as unknown as { __captions: { play(ms: number): Promise<number>; expected: Turn[] } }
    ).__captions;
    // 50 ms between caption updates (the script's own gaps are 200 ms to 2 s), so several updates fall
    // between two readings of the observer (at most one per 200 ms). Faster is not a meeting: Meet's
    // region is recognised by its first avatar, and words shown and turned off within those 200 ms
    // are never read.
    await player.play(50);
    return player.expected;
  });
}

const transcript = (turns: readonly Turn[]) => turns.map((t) => `${t.speaker}: ${t.text}`).join("\n");

describe("caption clips from meetings under their real host names", () => {
  // The tests run in order: the first proves the gate, the second opens it, the rest use it.
  it("reads no captions on meet.google.com before the scribe allows the site", async () => {
    const worker = currentWorker(clipper);
    expect(await canReadMeet()).toBe(false);
    expect(await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);

    const meet = meetingHosts.find((m) => m.platform === "meet")!;
    const { page, tabId } = await openMeeting(meetingUrl(meet));
    expect(await page.title()).toContain("Meet");
    // By the end of the stream the page is long past document_idle, when a registered script would run.
    expect((await playCaptions(page)).length).toBeGreaterThan(0);
    expect(await askTab(tabId)).toMatchObject({
      error: expect.stringContaining("Receiving end does not exist"),
    });
    // Nor does the extension see the tab's address, or reach into the page by other means.
    await expect(tabIdOf(clipper, meetingUrl(meet))).rejects.toThrow("no tab for");
    const injected = await worker.evaluate(async (id) => {
      try {
        await chrome.scripting.executeScript({ target: { tabId: id }, func: () => document.title });
        return "injected";
      } catch (error) {
        return String(error);
      }
    }, tabId);
    expect(injected).not.toBe("injected");
    const answer = await runCommand(clipper, "clip-captions", tabId);
    expect(answer).toMatchObject({ ok: false, message: expect.stringContaining("No captions here") });
    await page.close();
  });

  it("connects and allows the meeting sites from the options page", async () => {
    const options = await clipper.context.newPage();
    await options.goto(`chrome-extension://${clipper.extensionId}/options.html`);
    await options.getByLabel("Connection code").fill(code);
    await options.getByRole("button", { name: "Connect" }).click();
    await expect.poll(() => options.locator("#scribe-name").textContent(), poll).toBe("Dana Lee");

    // Headless Chromium cannot show the permission prompt (meetingHosts.ts): the sites are approved in
    // the browser's extension settings first. That alone grants nothing to the extension yet …
    await approveSitesInBrowserSettings(
      clipper,
      meetingHosts.map((m) => m.permission),
    );
    expect(await canReadMeet()).toBe(false);
    // … the options page's own request does, and then registers the caption script.
    for (const meeting of meetingHosts) await options.getByLabel(meeting.siteName, { exact: true }).check();
    // A real click: the options page calls chrome.permissions.request in its user gesture.
    await options.getByRole("button", { name: "Allow the chosen sites" }).click();
    await expect
      .poll(() => options.locator("#status").textContent(), poll)
      .toBe("Caption capture is set for the chosen sites.");
    // The list is redrawn from the granted permissions after the status line, so wait for it.
    for (const meeting of meetingHosts)
      await expect
        .poll(() => options.locator("#caption-hosts").textContent(), poll)
        .toContain(meeting.siteName);

    const registered = await currentWorker(clipper).evaluate(() =>
      chrome.scripting.getRegisteredContentScripts(),
    );
    expect(registered).toHaveLength(1);
    expect([...(registered[0]!.matches ?? [])].sort()).toEqual(meetingHosts.map((m) => m.permission).sort());
    // A site left unticked stays closed.
    expect(
      await currentWorker(clipper).evaluate(() =>
        chrome.permissions.contains({ origins: ["https://teams.live.com/*"] }),
      ),
    ).toBe(false);
    await options.close();
  });

  it.each(meetingHosts.map((m) => [m.host, m] as const))(
    "clips the last 30 s of captions on https://%s with speakers and each turn once",
    async (_host, meeting) => {
      const url = meetingUrl(meeting);
      const { page, tabId } = await openMeeting(url);
      expect(await tabIdOf(clipper, url)).toBe(tabId);
      // The registered script starts at document_idle and answers for its platform.
      await expect.poll(async () => ((await askTab(tabId)) as Recent).platform, poll).toBe(meeting.platform);

      const expected = await playCaptions(page);
      const want = transcript(expected);
      // The stream's last words reach the engine on the script's next reading.
      await expect.poll(async () => ((await askTab(tabId)) as Recent).text, poll).toBe(want);

      // The "clip last 30 s of captions" shortcut, run by its handler (page.keyboard cannot fire it).
      const clipped = await runCommand(clipper, "clip-captions", tabId);
      expect(clipped).toMatchObject({ ok: true, held: false });

      let row: InsightRow | undefined;
      await expect
        .poll(async () => {
          const rows = (await endpoint.insights()).filter((r) => r["Page URL"] === url);
          row = rows[0];
          return rows.length;
        }, poll)
        .toBe(1);
      // Sent and acknowledged: nothing left to send again, and still one row.
      await expect
        .poll(
          async () => (await askBackground<{ pending: unknown[] }>(clipper, { type: "queue.list" })).pending,
          poll,
        )
        .toEqual([]);
      expect((await endpoint.insights()).filter((r) => r["Page URL"] === url)).toHaveLength(1);
      expect(row).toMatchObject({
        Platform: meeting.platform,
        "Page title": await page.title(),
        Scribe: "Dana Lee",
        // The speaker credited with the window: the one who said the most (the long monologue).
        Speaker: "Chidi Obi",
      });
      const lines = String(row!.Text).split("\n");
      // Every spoken turn once, with its speaker, in order; no partial line repeated before its final form.
      expect(lines).toEqual(expected.map((t) => `${t.speaker}: ${t.text}`));
      for (const [i, line] of lines.entries()) {
        for (const [j, other] of lines.entries()) {
          if (i !== j) expect(other.startsWith(line), `"${line}" repeats in "${other}"`).toBe(false);
        }
      }
      await page.close();
    },
  );
});
