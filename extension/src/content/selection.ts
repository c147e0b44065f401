// Injected on demand (activeTab): answers "selection.get" with the selected text, the page title and URL.
// Injecting twice must not answer twice, hence the flag on the page's window.
import browser from "webextension-polyfill";
import type { ContentRequest, SelectionAnswer } from "../messages";

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

const flag = "__peerExchangeSelection";
const page = window as unknown as Record<string, unknown>;
if (!page[flag]) {
  page[flag] = true;
  browser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as ContentRequest;
    if (request?.type !== "selection.get") return undefined;
    const answer: SelectionAnswer = { text: selectedText(), title: document.title, url: location.href };
    return Promise.resolve(answer);
  });
}
