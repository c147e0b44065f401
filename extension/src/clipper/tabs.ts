// Reading a tab for a clip: its selection (script injected on demand) or its recent captions (the
// registered caption script). Used by the popup and by the background's shortcuts and menu.
import browser from "webextension-polyfill";
import type { CaptionsAnswer, ContentRequest, SelectionAnswer } from "../messages";

async function askTab<T>(tabId: number, message: ContentRequest): Promise<T | null> {
  try {
    return ((await browser.tabs.sendMessage(tabId, message)) as T | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Runs in each frame (serialized by executeScript, so self-contained): the frame's selection answer. */
function frameSelection(): SelectionAnswer | null {
  const read = (globalThis as { __peerExchangeSelectionAnswer?: () => SelectionAnswer })
    .__peerExchangeSelectionAnswer;
  return read ? read() : null;
}

/**
 * null when the page cannot be scripted (the web store, browser pages) or did not answer. Every frame
 * is read: a selection inside a meeting's frame (Zoom, Webex) is the one with text; the page's own
 * title and address name the source.
 */
export async function readSelection(tabId: number): Promise<SelectionAnswer | null> {
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ["selection.js"] });
    const results = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: frameSelection,
    });
    const answers = results.map((r) => ({ frameId: r.frameId, answer: r.result as SelectionAnswer | null }));
    const top = answers.find((a) => a.frameId === 0)?.answer ?? null;
    const selected = answers.find((a) => a.answer?.text?.trim())?.answer;
    if (!top) return selected ?? null;
    return selected ? { ...top, text: selected.text } : top;
  } catch {
    return null;
  }
}

/** null when the tab has no caption script (captions not allowed for its host). */
export async function readCaptions(tabId: number, seconds: number): Promise<CaptionsAnswer | null> {
  return askTab<CaptionsAnswer>(tabId, { type: "captions.recent", seconds });
}
