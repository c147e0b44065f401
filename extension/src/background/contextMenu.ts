// The "Clip to Peer Exchange" context menu on selected text.
import browser from "webextension-polyfill";
import { clipFromTab } from "./clipping";

export const CONTEXT_MENU_ID = "px-clip-selection";

export async function createContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: CONTEXT_MENU_ID,
    title: "Clip to Peer Exchange",
    contexts: ["selection"],
  });
}

export function listenToContextMenu(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CONTEXT_MENU_ID || !tab) return;
    void clipFromTab(tab, "selection", { selectionText: info.selectionText ?? "" });
  });
}
