// End to end: Debian's Chromium with the BUILT extension (dist/extension/chromium), posting to the
// sandbox server running the built add-on bundle; assertions are on the Insights rows that land.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  askBackground,
  type Clipper,
  currentWorker,
  launchClipper,
  newUserDataDir,
  runCommand,
  selectText,
  startPageServer,
  tabIdOf,
  waitFor,
} from "./browser.ts";
import { type Endpoint, type InsightRow, startSandboxEndpoint } from "./sandbox.ts";

const notes = (paragraphs: Record<string, string>) =>
  `<!doctype html><title>Exchange notes</title>${Object.entries(paragraphs)
    .map(([id, text]) => `<p id="${id}">${text}</p>`)
    .join("")}`;

const texts = {
  tagged: "Riverside calls every heart failure patient within 48 hours of discharge.",
  down1: "Our door-to-balloon time fell to 62 minutes.",
  down2: "Falls per 1,000 patient days dropped from 3.4 to 2.1.",
  down3: "Hand hygiene audits hit 92 % in the ICU.",
  restart1: "The huddle covers staffing, safety events and planned discharges.",
  restart2: "Median time to antibiotics is 47 minutes against a target of 60.",
  stopped1: "Length of stay for hip replacement is now 2.3 days, down from 3.1.",
  stopped2: "We trained 45 nurses in teach-back over two weeks.",
  session: "Sepsis bundle compliance is at 86 percent this quarter.",
  phiBlock: "Patient John Smith MRN 00123456 was seen 03/14/2025 after the new checklist.",
  phiWarn: "Mr. Peter Nguyen was readmitted within 30 days despite the call.",
  online: "Pharmacy reconciliation at discharge caught 31 dosing errors last quarter.",
};

/** Waits for the UI or the badge (expect.poll's default of one second is too short in a loaded CI). */
const poll = { timeout: 15_000 };

let endpoint: Endpoint;
let pages: { url: string; close(): Promise<void> };
let code: string;
const open: Clipper[] = [];

async function launch(userDataDir?: string): Promise<Clipper> {
  const clipper = await launchClipper(userDataDir);
  open.push(clipper);
  return clipper;
}

async function close(clipper: Clipper): Promise<void> {
  open.splice(open.indexOf(clipper), 1);
  await clipper.close();
}

async function connect(clipper: Clipper): Promise<void> {
  const answer = await askBackground<{ ok: boolean; message?: string }>(clipper, {
    type: "connection.connect",
    code,
  });
  expect(answer).toMatchObject({ ok: true });
}

function rowsWithText(rows: InsightRow[], text: string): InsightRow[] {
  return rows.filter((row) => row.Text === text);
}

async function openNotes(clipper: Clipper) {
  const page = await clipper.context.newPage();
  await page.goto(`${pages.url}/notes`);
  const tabId = await tabIdOf(clipper, `${pages.url}/notes`);
  return { page, tabId };
}

async function queueCounts(clipper: Clipper) {
  const view = await askBackground<{ pending: unknown[]; held: unknown[]; rejected: unknown[] }>(clipper, {
    type: "queue.list",
  });
  return { pending: view.pending.length, held: view.held.length, rejected: view.rejected.length };
}

async function badgeText(clipper: Clipper): Promise<string> {
  return currentWorker(clipper).evaluate(() => chrome.action.getBadgeText({}));
}

beforeAll(async () => {
  endpoint = await startSandboxEndpoint();
  code = await endpoint.connectScribe("Dana Lee");
  pages = await startPageServer({
    "/meeting":
      '<!doctype html><title>Weekly huddle</title><div id="captions" aria-live="polite" aria-label="Captions"></div>',
    "/notes": notes({
      tagged: texts.tagged,
      down1: texts.down1,
      down2: texts.down2,
      down3: texts.down3,
      restart1: texts.restart1,
      restart2: texts.restart2,
      stopped1: texts.stopped1,
      stopped2: texts.stopped2,
      session: texts.session,
      phiBlock: texts.phiBlock,
      phiWarn: texts.phiWarn,
      online: texts.online,
    }),
  });
});

afterEach(async () => {
  // A failed test must not leave the endpoint down for the next one.
  await endpoint?.start();
});

afterAll(async () => {
  for (const clipper of [...open]) await clipper.close().catch(() => undefined);
  await pages?.close();
  await endpoint?.stop();
});

describe("Peer Exchange Clipper in Chromium", () => {
  it("connects from the options page and clips a selection from the popup with its tags", async () => {
    const clipper = await launch();
    const options = await clipper.context.newPage();
    await options.goto(`chrome-extension://${clipper.extensionId}/options.html`);
    await options.getByLabel("Connection code").fill(code);
    await options.getByRole("button", { name: "Connect" }).click();
    await expect.poll(() => options.locator("#scribe-name").textContent(), poll).toBe("Dana Lee");
    expect((await options.locator("#workbook-title").textContent())?.length).toBeGreaterThan(0);

    const { page, tabId } = await openNotes(clipper);
    await selectText(page, "#tagged");
    const popup = await clipper.context.newPage();
    await popup.goto(`chrome-extension://${clipper.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByLabel("Text to clip").inputValue(), poll).toBe(texts.tagged);
    // Every control has a name a screen reader can announce.
    const unnamed = await popup.evaluate(() =>
      [...document.querySelectorAll("input, select, textarea, button")]
        .filter((c) => !(c as HTMLElement).closest("[hidden]"))
        .filter((c) => {
          const labelled = (c as HTMLInputElement).labels?.length || c.getAttribute("aria-label");
          const named = c.tagName === "BUTTON" && (c.textContent ?? "").trim();
          return !labelled && !named;
        })
        .map((c) => c.outerHTML),
    );
    expect(unnamed).toEqual([]);
    const tagInput = popup.locator("#tag-input");
    await tagInput.fill("readmissions");
    await tagInput.press("Enter");
    await tagInput.fill("phone follow-up");
    await tagInput.press("Enter");
    await popup.getByLabel("Kind").selectOption("best practice");
    await popup.getByRole("button", { name: "Clip", exact: true }).click();

    const [row] = await waitFor(async () => {
      const rows = rowsWithText(await endpoint.insights(), texts.tagged);
      return rows.length ? rows : null;
    }, "the tagged clip's row");
    expect(String(row!.Tags)).toContain("readmissions");
    expect(String(row!.Tags)).toContain("phone follow-up");
    expect(row!.Kind).toBe("best practice");
    expect(row!.Scribe).toBe("Dana Lee");
    await expect
      .poll(() => popup.locator("#sent-list").textContent(), { timeout: 15_000 })
      .toContain(texts.tagged);
    await close(clipper);
  });

  it("pre-fills the session running now from today's agenda, and the clip lands in it", async () => {
    // The workbook's time zone is UTC; the session started this minute (so it is today's) and lasts an hour.
    const start = new Date().toISOString().slice(0, 16).replace("T", " ");
    await endpoint.edit("Agenda", "A2", [["Sepsis bundle clinic"]]);
    await endpoint.edit("Agenda", "H2:I2", [[start, 60]]);
    const clipper = await launch();
    await connect(clipper);
    const { page, tabId } = await openNotes(clipper);
    await selectText(page, "#session");
    const popup = await clipper.context.newPage();
    await popup.goto(`chrome-extension://${clipper.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByLabel("Session").inputValue(), poll).toBe("Sepsis bundle clinic");
    await expect.poll(() => popup.getByLabel("Text to clip").inputValue(), poll).toBe(texts.session);
    await popup.getByRole("button", { name: "Clip", exact: true }).click();
    const [row] = await waitFor(async () => {
      const rows = rowsWithText(await endpoint.insights(), texts.session);
      return rows.length ? rows : null;
    }, "the clip with its session");
    expect(row!.Session).toBe("Sepsis bundle clinic");
    await close(clipper);
  });

  it("keeps clips pending while the endpoint is down and lands each once when it is back", async () => {
    const clipper = await launch();
    await connect(clipper);
    const { page, tabId } = await openNotes(clipper);
    await endpoint.stop();
    for (const id of ["down1", "down2", "down3"]) {
      await selectText(page, `#${id}`);
      expect(await runCommand(clipper, "clip-selection", tabId)).toMatchObject({ ok: true, held: false });
    }
    await waitFor(async () => (await queueCounts(clipper)).pending === 3, "three pending clips");
    await expect.poll(() => badgeText(clipper), poll).toBe("3");

    await endpoint.start();
    // No nudge: the backoff alarm sends them.
    await waitFor(async () => (await queueCounts(clipper)).pending === 0, "the queue to drain", 90_000);
    const rows = await endpoint.insights();
    for (const text of [texts.down1, texts.down2, texts.down3])
      expect(rowsWithText(rows, text)).toHaveLength(1);
    await expect.poll(() => badgeText(clipper), poll).toBe("");
    await close(clipper);
  });

  it("sends clips left pending when the browser was closed, once, after it is reopened", async () => {
    const profile = newUserDataDir();
    const first = await launch(profile);
    await connect(first);
    const { page, tabId } = await openNotes(first);
    await endpoint.stop();
    for (const id of ["restart1", "restart2"]) {
      await selectText(page, `#${id}`);
      expect(await runCommand(first, "clip-selection", tabId)).toMatchObject({ ok: true });
    }
    await waitFor(async () => (await queueCounts(first)).pending === 2, "two pending clips");
    await close(first);
    await endpoint.start();
    expect(rowsWithText(await endpoint.insights(), texts.restart1)).toHaveLength(0);

    const second = await launch(profile);
    await waitFor(
      async () => {
        const rows = await endpoint.insights();
        return rowsWithText(rows, texts.restart1).length && rowsWithText(rows, texts.restart2).length;
      },
      "the clips from before the restart",
      90_000,
    );
    await waitFor(async () => (await queueCounts(second)).pending === 0, "the queue to drain");
    const rows = await endpoint.insights();
    expect(rowsWithText(rows, texts.restart1)).toHaveLength(1);
    expect(rowsWithText(rows, texts.restart2)).toHaveLength(1);
    await close(second);
  });

  it("sends clips left pending when the service worker was stopped, woken by its alarm", async () => {
    const clipper = await launch();
    await connect(clipper);
    const { page, tabId } = await openNotes(clipper);
    await endpoint.stop();
    for (const id of ["stopped1", "stopped2"]) {
      await selectText(page, `#${id}`);
      expect(await runCommand(clipper, "clip-selection", tabId)).toMatchObject({ ok: true, held: false });
    }
    await waitFor(async () => (await queueCounts(clipper)).pending === 2, "two pending clips");
    // Stop the worker as the browser does when it is idle: only storage and the alarm remain.
    const options = await clipper.context.newPage();
    await options.goto(`chrome-extension://${clipper.extensionId}/options.html`);
    const cdp = await clipper.context.newCDPSession(options);
    await cdp.send("ServiceWorker.enable");
    await cdp.send("ServiceWorker.stopAllWorkers");
    await options.close();
    await endpoint.start();
    await waitFor(
      async () => {
        const rows = await endpoint.insights();
        return rowsWithText(rows, texts.stopped1).length && rowsWithText(rows, texts.stopped2).length;
      },
      "the clips queued before the worker stopped",
      90_000,
    );
    const rows = await endpoint.insights();
    expect(rowsWithText(rows, texts.stopped1)).toHaveLength(1);
    expect(rowsWithText(rows, texts.stopped2)).toHaveLength(1);
    await close(clipper);
  });

  it("clips the last 30 seconds of captions with speakers and no repeated partial lines", async () => {
    const clipper = await launch();
    await connect(clipper);
    const page = await clipper.context.newPage();
    await page.goto(`${pages.url}/meeting`);
    const tabId = await tabIdOf(clipper, `${pages.url}/meeting`);
    // Meeting hosts get captions.js by registration once granted; this loopback page gets it injected.
    await currentWorker(clipper).evaluate(
      (id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ["captions.js"] }),
      tabId,
    );
    // The caption widget rewrites the row in place as recognition improves, then the next speaker talks.
    await page.evaluate(async () => {
      const region = document.getElementById("captions")!;
      const say = (speaker: string) => {
        const row = document.createElement("div");
        const name = document.createElement("b");
        name.setAttribute("data-speaker", "");
        name.textContent = speaker;
        const words = document.createElement("span");
        words.setAttribute("data-text", "");
        row.append(name, words);
        region.append(row);
        return words;
      };
      const pause = () => new Promise((r) => setTimeout(r, 150));
      const first = say("Dana Lee (Riverside)");
      for (const partial of [
        "We call every",
        "We call every heart failure patient",
        "We call every heart failure patient within 48 hours.",
      ]) {
        first.textContent = partial;
        await pause();
      }
      say("Sam").textContent = "How many nurses does that take?";
      await pause();
    });
    const answer = await runCommand(clipper, "clip-captions", tabId);
    expect(answer).toMatchObject({ ok: true, held: false });
    const [row] = await waitFor(async () => {
      const rows = (await endpoint.insights()).filter((r) => String(r.Text).includes("How many nurses"));
      return rows.length ? rows : null;
    }, "the caption clip");
    const text = String(row!.Text);
    expect(text).toContain("Dana Lee (Riverside)");
    expect(text).toContain("We call every heart failure patient within 48 hours.");
    expect(text).toContain("Sam");
    // The partial versions of the first line are not repeated.
    expect(text.split("We call every").length - 1).toBe(1);
    expect(row!.Speaker).toBe("Dana Lee (Riverside)");
    await close(clipper);
  });

  it("keeps a clip the workbook rejected, with the reason, until the scribe dismisses it", async () => {
    const clipper = await launch();
    await connect(clipper);
    const draft = {
      kind: "insight",
      text: "Teach-back cut readmissions on the cardiac floor.",
      tags: ["a tag far longer than the forty characters a tag may have"],
      source: { platform: "web", url: "", title: "Notes" },
      confidential: false,
      phi: { checked: true, findings: 0, types: [], action: "none" },
    };
    expect(await askBackground(clipper, { type: "clip.submit", draft })).toMatchObject({ ok: true });
    await waitFor(async () => (await queueCounts(clipper)).rejected === 1, "the rejection");
    const popup = await clipper.context.newPage();
    await popup.goto(`chrome-extension://${clipper.extensionId}/popup.html`);
    const reason = popup.locator("#rejected-list .reason");
    await expect.poll(() => reason.textContent(), poll).toMatch(/tag/i);
    expect(rowsWithText(await endpoint.insights(), draft.text)).toHaveLength(0);
    await popup.getByRole("button", { name: /^Dismiss rejected clip/ }).click();
    await waitFor(async () => (await queueCounts(clipper)).rejected === 0, "the dismissal");
    await expect.poll(() => popup.locator("#rejected-list li").count(), poll).toBe(0);
    await close(clipper);
  });

  it("blocks text with PHI when set to block, and sends it once redacted", async () => {
    const clipper = await launch();
    await connect(clipper);
    const saved = await askBackground(clipper, {
      type: "settings.save",
      settings: { phi: "block", defaultKind: "insight", defaultTags: [], captionSeconds: 30 },
    });
    expect(saved).toMatchObject({ ok: true });
    const { page, tabId } = await openNotes(clipper);
    await selectText(page, "#phiBlock");
    expect(await runCommand(clipper, "clip-selection", tabId)).toMatchObject({ ok: true, held: true });
    expect(await queueCounts(clipper)).toEqual({ pending: 0, held: 1, rejected: 0 });

    // The popup with the same selection: Clip stays disabled, there is no attest choice.
    const popup = await clipper.context.newPage();
    await popup.goto(`chrome-extension://${clipper.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByLabel("Text to clip").inputValue(), poll).toBe(texts.phiBlock);
    await expect(popup.locator("#phi-preview mark").count()).resolves.toBe(3);
    expect(await popup.getByRole("button", { name: "Clip", exact: true }).isDisabled()).toBe(true);
    expect(await popup.locator("#attest-label").isVisible()).toBe(false);
    expect(await popup.getByRole("button", { name: "Send as is (not PHI)" }).count()).toBe(0);

    // Review the held clip: redact and send.
    await popup.getByRole("button", { name: "Redact and send" }).click();
    const [row] = await waitFor(async () => {
      const rows = (await endpoint.insights()).filter((r) => String(r.Text).includes("[REDACTED-MRN]"));
      return rows.length ? rows : null;
    }, "the redacted clip");
    expect(row!.Text).toBe(
      "Patient [REDACTED-NAME] MRN [REDACTED-MRN] was seen [REDACTED-DATE] after the new checklist.",
    );
    const all = await endpoint.insights();
    expect(
      all.some((r) => String(r.Text).includes("John Smith") || String(r.Text).includes("00123456")),
    ).toBe(false);
    await close(clipper);
  });

  it("warns about PHI, and sends the text as it is only after the scribe attests", async () => {
    const clipper = await launch();
    await connect(clipper);
    const { page, tabId } = await openNotes(clipper);
    await selectText(page, "#phiWarn");
    const popup = await clipper.context.newPage();
    await popup.goto(`chrome-extension://${clipper.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByLabel("Text to clip").inputValue(), poll).toBe(texts.phiWarn);
    expect(await popup.locator("#phi").isVisible()).toBe(true);
    const clip = popup.getByRole("button", { name: "Clip", exact: true });
    expect(await clip.isDisabled()).toBe(true);
    await popup.getByLabel("I confirm this is not PHI; send it as it is").check();
    expect(await clip.isDisabled()).toBe(false);
    await clip.click();
    const [row] = await waitFor(async () => {
      const rows = rowsWithText(await endpoint.insights(), texts.phiWarn);
      return rows.length ? rows : null;
    }, "the attested clip");
    expect(String(row!["PHI check"]).toLowerCase()).toContain("attest");
    await close(clipper);
  });

  it("shows plain empty states, says why a clip waits, and names the clip each button acts on", async () => {
    const clipper = await launch();
    const popup = await clipper.context.newPage();
    await popup.goto(`chrome-extension://${clipper.extensionId}/popup.html`);
    // Nothing queued yet: say so, and offer no button that would do nothing.
    await expect.poll(() => popup.locator("#pending-empty").isVisible(), poll).toBe(true);
    expect(await popup.locator("#sent-empty").textContent()).toMatch(/no clips sent yet/i);
    expect(await popup.getByRole("button", { name: "Send now" }).isVisible()).toBe(false);
    expect(await popup.locator("#rejected-section").isVisible()).toBe(false);

    // Connected while the workbook is down: the options page shows no empty rows.
    await endpoint.stop();
    const options = await clipper.context.newPage();
    await options.goto(`chrome-extension://${clipper.extensionId}/options.html`);
    await options.getByLabel("Connection code").fill(code);
    await options.getByRole("button", { name: "Connect" }).click();
    await expect.poll(() => options.locator("#scribe-name").textContent(), poll).toBe("Dana Lee");
    for (const id of ["#fetched-at", "#list-sizes"]) {
      const text = (await options.locator(id).textContent()) ?? "";
      if (text.trim() === "") expect(await options.locator(id).isVisible(), id).toBe(false);
    }
    // A bad code is pointed out on the field itself.
    await options.getByLabel("Connection code").fill("not a code");
    await options.getByRole("button", { name: "Connect", exact: true }).click();
    await expect
      .poll(() => options.getByLabel("Connection code").getAttribute("aria-invalid"), poll)
      .toBe("true");

    // A clip waiting on the workbook: the popup says why in one plain sentence, and Send now appears.
    const { page, tabId } = await openNotes(clipper);
    await selectText(page, "#down1");
    expect(await runCommand(clipper, "clip-selection", tabId)).toMatchObject({ ok: true, held: false });
    await popup.reload();
    await expect.poll(() => popup.locator("#retry-status").textContent(), poll).toMatch(/Next try at/);
    expect(await popup.locator("#retry-status").textContent()).not.toMatch(/\.\)/);
    expect(await popup.getByRole("button", { name: "Send now" }).isVisible()).toBe(true);
    expect(await popup.locator("#pending-empty").isVisible()).toBe(false);

    // A held clip: each of its buttons is described by the clip's own text.
    await selectText(page, "#phiWarn");
    expect(await runCommand(clipper, "clip-selection", tabId)).toMatchObject({ ok: true, held: true });
    await popup.reload();
    const redact = popup.getByRole("button", { name: "Redact and send" });
    await expect.poll(() => redact.count(), poll).toBe(1);
    const describedBy = (await redact.getAttribute("aria-describedby")) ?? "";
    expect(describedBy).not.toBe("");
    const description = await popup.evaluate(
      (ids) =>
        ids
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" "),
      describedBy,
    );
    expect(description).toContain("readmitted within 30 days");
    // Text with findings, loaded into the popup: the status line (a live region) announces it.
    const withPhi = await clipper.context.newPage();
    await withPhi.goto(`chrome-extension://${clipper.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => withPhi.getByLabel("Text to clip").inputValue(), poll).toBe(texts.phiWarn);
    await expect.poll(() => withPhi.locator("#status").textContent(), poll).toMatch(/possible PHI/i);
    await endpoint.start();
    await close(clipper);
  });

  it("sends waiting clips as soon as the browser is back online, not at the end of the backoff", async () => {
    // Chromium fires no online event in a service worker (crbug.com/114475): the extension's open
    // pages pass it on.
    const clipper = await launch();
    await connect(clipper);
    const popup = await clipper.context.newPage();
    await popup.goto(`chrome-extension://${clipper.extensionId}/popup.html`);
    await endpoint.stop();
    const { page, tabId } = await openNotes(clipper);
    await selectText(page, "#online");
    expect(await runCommand(clipper, "clip-selection", tabId)).toMatchObject({ ok: true, held: false });
    await waitFor(async () => (await queueCounts(clipper)).pending === 1, "one pending clip");
    // A long backoff, as after many failures: the next try would be an hour away.
    await currentWorker(clipper).evaluate(async () => {
      await chrome.alarms.clearAll();
      await chrome.storage.local.set({
        retry: { attempt: 9, nextAt: Date.now() + 3_600_000, lastError: "Could not reach the workbook." },
      });
    });
    await endpoint.start();
    await clipper.context.setOffline(true);
    await clipper.context.setOffline(false);
    await waitFor(
      async () => (await queueCounts(clipper)).pending === 0,
      "the clip sent on coming online",
      20_000,
    );
    expect(rowsWithText(await endpoint.insights(), texts.online)).toHaveLength(1);
    await close(clipper);
  });
});
