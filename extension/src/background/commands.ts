// Keyboard shortcuts (declared in the manifest): clip the selection, clip the last 30 s of captions.
// The third shortcut, _execute_action, opens the popup without any code here.
import browser from "webextension-polyfill";
import type { Answer } from "../messages";
import { clipFromTab } from "./clipping";

export const COMMANDS = { clipSelection: "clip-selection", clipCaptions: "clip-captions" } as const;
const CAPTION_SECONDS = 30;

/** Runs one command on the active tab; exported so tests can run it as the shortcut would. */
export async function runCommand(
  command: string,
  tabId?: number,
): Promise<Answer<{ id: string; held: boolean }>> {
  const [tab] =
    tabId === undefined
      ? await browser.tabs.query({ active: true, lastFocusedWindow: true })
      : [await browser.tabs.get(tabId)];
  if (!tab) return { ok: false, message: "No tab to clip from." };
  if (command === COMMANDS.clipSelection) return clipFromTab(tab, "selection");
  if (command === COMMANDS.clipCaptions) return clipFromTab(tab, "captions", { seconds: CAPTION_SECONDS });
  return { ok: false, message: `Unknown command ${command}.` };
}

export function listenToCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    void runCommand(command, tab?.id);
  });
}
