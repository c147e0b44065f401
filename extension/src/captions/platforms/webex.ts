// Webex (web app) captions. Webex runs the meeting in a same-origin frame (#unified-webclient-iframe,
// name "thinIframe", as public meeting bots address it), so every readable frame is searched. No public
// capture project we could find documents Webex's caption DOM, so these selectors are heuristic: an
// aria-live caption region first (language-neutral), then class names containing "caption"; a row's
// text is its text element, else its last child. Checked against our fixtures only; verify on a live
// meeting before relying on them.
import type { CaptionRow } from "../engine";
import { allMatches, firstMatch, rowKeyOf, searchableDocuments, textOf } from "./dom";
import type { CaptionPlatform, CaptionSelectors } from "./types";

export const hostPatterns = ["https://*.webex.com/*"] as const;

export const selectors: CaptionSelectors = {
  container: [
    '[role="log"][aria-live][class*="caption" i]',
    '[aria-live][class*="caption" i]',
    '[aria-label*="caption" i] [aria-live]',
    '[class*="closed-caption" i]',
    '[class*="captions-container" i]',
  ],
  row: ['[class*="caption-item" i]', '[class*="caption-line" i]', ":scope > *"],
  speaker: ['[class*="speaker" i]', '[class*="name" i]'],
  text: ['[class*="caption-text" i]', '[class*="transcript" i]', '[class*="text" i]'],
};

export function findContainer(document: Document): Element | null {
  for (const doc of searchableDocuments(document)) {
    const found = firstMatch(doc, selectors.container);
    if (found) return found;
  }
  return null;
}

export function readRows(container: Element): CaptionRow[] {
  const rows: CaptionRow[] = [];
  for (const row of allMatches(container, selectors.row)) {
    const speakerElement = firstMatch(row, selectors.speaker);
    const textElement =
      firstMatch(row, selectors.text) ??
      (row.lastElementChild !== speakerElement ? row.lastElementChild : null);
    const text = textOf(textElement);
    if (!text) continue;
    rows.push({ rowKey: rowKeyOf(row), speaker: textOf(speakerElement), text });
  }
  return rows;
}

export const webex: CaptionPlatform = {
  id: "webex",
  name: "Webex",
  turnOnCaptions: "In Webex, select Captions (CC) in the meeting controls, then turn on closed captions.",
  hostPatterns,
  selectors,
  findContainer,
  readRows,
};
