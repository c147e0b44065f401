// Injected on demand (activeTab) into every frame: leaves on the frame's global a reader of the
// selected text, the page title and URL, which the background then calls in each frame (a selection
// inside a meeting's frame is found there).
import type { SelectionAnswer } from "../messages";

/** The selected text, including a selection inside a text field (window.getSelection() misses those). */
export function selectedText(doc: Document = document): string {
  const active = doc.activeElement;
  if (
    active instanceof HTMLTextAreaElement ||
    (active instanceof HTMLInputElement && active.type === "text")
  ) {
    const { selectionStart, selectionEnd, value } = active;
    if (selectionStart !== null && selectionEnd !== null && selectionEnd > selectionStart) {
      return value.slice(selectionStart, selectionEnd);
    }
  }
  return doc.getSelection()?.toString() ?? "";
}

/** Read by `frameSelection` (clipper/tabs.ts) in each frame; injecting again only replaces it. */
(
  window as unknown as { __peerExchangeSelectionAnswer: () => SelectionAnswer }
).__peerExchangeSelectionAnswer = () => ({ text: selectedText(), title: document.title, url: location.href });
