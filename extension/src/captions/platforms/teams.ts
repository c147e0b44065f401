// Microsoft Teams (web) live captions: a virtual list of caption messages, each with an author and
// a text element carrying data-tid attributes, which stay the same in every UI language.
import type { CaptionRow } from "../engine";
import { allMatches, firstMatch, rowKeyOf, textOf } from "./dom";
import type { CaptionPlatform, CaptionSelectors } from "./types";

export const hostPatterns = ["https://teams.microsoft.com/*", "https://teams.live.com/*"] as const;

export const selectors: CaptionSelectors = {
  container: [
    // Zerg00s/Live-Captions-Saver teams-captions-saver/content_script.js: the captions window wrapper
    '[data-tid="closed-caption-v2-window-wrapper"]',
    // vivek-nexus/transcriptonic extension/content-scripts/teams/config.js: CAPTIONS_REGION
    '[data-tid="closed-caption-v2-virtual-list-content"]',
    // Earlier Teams v2 renderer, as Live-Captions-Saver's older versions read it.
    '[data-tid="closed-captions-renderer"]',
  ],
  // Zerg00s/Live-Captions-Saver: each caption is a .fui-ChatMessageCompact holding [data-tid="author"]
  // and [data-tid="closed-caption-text"]; older Teams used .ui-chat__item / .ui-chat__message__author.
  row: ['[data-tid="closed-captions-v2-items-renderer"]', ".fui-ChatMessageCompact", ".ui-chat__item"],
  speaker: ['[data-tid="author"]', ".fui-ChatMessageCompact__author", ".ui-chat__message__author"],
  text: ['[data-tid="closed-caption-text"]', ".ui-chat__message__content"],
};

export function findContainer(document: Document): Element | null {
  return firstMatch(document, selectors.container);
}

/** The caption message holding a text element: the nearest ancestor that also holds an author. */
function messageOf(textElement: Element, container: Element): Element {
  const byRow = textElement.closest(selectors.row.join(", "));
  if (byRow && container.contains(byRow)) return byRow;
  let element: Element = textElement;
  while (element.parentElement && element.parentElement !== container) {
    element = element.parentElement;
    if (firstMatch(element, selectors.speaker)) return element;
  }
  return element;
}

export function readRows(container: Element): CaptionRow[] {
  const rows: CaptionRow[] = [];
  for (const textElement of allMatches(container, selectors.text)) {
    const text = textOf(textElement);
    if (!text) continue;
    const message = messageOf(textElement, container);
    rows.push({ rowKey: rowKeyOf(message), speaker: textOf(firstMatch(message, selectors.speaker)), text });
  }
  return rows;
}

export const teams: CaptionPlatform = {
  id: "teams",
  name: "Microsoft Teams",
  turnOnCaptions: "In Teams, select More (…) > Language and speech > Turn on live captions.",
  hostPatterns,
  selectors,
  findContainer,
  readRows,
};
