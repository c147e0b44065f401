// Webex (web app) captions. No public capture project we could find documents Webex's caption DOM,
// so these selectors are heuristic: an aria-live caption region first (language-neutral), then
// class names containing "caption". They are checked against our fixture only; verify on a live
// meeting before relying on them.
import type { CaptionRow } from "../engine";
import { allMatches, firstMatch, rowKeyOf, textOf } from "./dom";
import type { CaptionPlatform, CaptionSelectors } from "./types";

export const hostPatterns = ["https://*.webex.com/*"] as const;

export const selectors: CaptionSelectors = {
  container: [
    '[role="log"][aria-live][class*="caption" i]',
    '[aria-live][class*="caption" i]',
    '[class*="closed-caption" i]',
    '[class*="captions-container" i]',
  ],
  row: ['[class*="caption-item" i]', '[class*="caption-line" i]', ":scope > *"],
  speaker: ['[class*="speaker" i]', '[class*="name" i]'],
  text: ['[class*="caption-text" i]', '[class*="text" i]'],
};

export function findContainer(document: Document): Element | null {
  return firstMatch(document, selectors.container);
}

export function readRows(container: Element): CaptionRow[] {
  const rows: CaptionRow[] = [];
  for (const row of allMatches(container, selectors.row)) {
    const text = textOf(firstMatch(row, selectors.text));
    if (!text) continue;
    rows.push({ rowKey: rowKeyOf(row), speaker: textOf(firstMatch(row, selectors.speaker)), text });
  }
  return rows;
}

export const webex: CaptionPlatform = {
  id: "webex",
  name: "Webex",
  hostPatterns,
  selectors,
  findContainer,
  readRows,
};
