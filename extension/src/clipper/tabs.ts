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

/** null when the page cannot be scripted (the web store, browser pages) or did not answer. */
export async function readSelection(tabId: number): Promise<SelectionAnswer | null> {
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: false }, files: ["selection.js"] });
  } catch {
    return null;
  }
  return askTab<SelectionAnswer>(tabId, { type: "selection.get" });
}

/** null when the tab has no caption script (captions not allowed for its host). */
export async function readCaptions(tabId: number, seconds: number): Promise<CaptionsAnswer | null> {
  return askTab<CaptionsAnswer>(tabId, { type: "captions.recent", seconds });
}
