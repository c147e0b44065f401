// Zoom web client captions: a subtitle box of blocks, each an avatar and a text item. Zoom shows no
// name beside the text; the avatar's alt or title names the speaker where Zoom sets it.
import type { CaptionRow } from "../engine";
import { allMatches, firstMatch, rowKeyOf, searchableDocuments, textOf } from "./dom";
import type { CaptionPlatform, CaptionSelectors } from "./types";

export const hostPatterns = ["https://app.zoom.us/*", "https://*.zoom.us/*"] as const;

export const selectors: CaptionSelectors = {
  container: [
    // vivek-nexus/transcriptonic extension/content-scripts/zoom/config.js: TRANSCRIPT_CONTAINER, and the
    // #live-transcription-subtitle id public Zoom scrapers read inside the #webclient frame.
    "#live-transcription-subtitle",
    ".live-transcription-subtitle__box",
    ".lt-subtitle-wrap",
    ".live-transcription-subtitle__overlay-container",
  ],
  // One text item per caption; its parent block also holds the avatar.
  row: [".live-transcription-subtitle__item"],
  // Public Zoom adapters key speakers by the avatar image img.zmu-data-selector-item__icon.
  speaker: ["img.zmu-data-selector-item__icon", "img[alt]"],
  text: [".live-transcription-subtitle__item"],
};

export function findContainer(document: Document): Element | null {
  for (const doc of searchableDocuments(document)) {
    const found = firstMatch(doc, selectors.container);
    if (found) return found;
  }
  return null;
}

function speakerOf(block: Element): string {
  const element = firstMatch(block, selectors.speaker);
  if (!element) return "";
  return (element.getAttribute("alt") || element.getAttribute("title") || "").trim();
}

/** Text items by class, else by structure: the last child of each block that holds an avatar. */
function itemsOf(container: Element): Element[] {
  const byClass = allMatches(container, selectors.text);
  if (byClass.length > 0) return byClass;
  return Array.from(container.querySelectorAll("img"))
    .map((img) => img.parentElement?.lastElementChild ?? null)
    .filter((item): item is Element => item !== null && item.tagName !== "IMG");
}

export function readRows(container: Element): CaptionRow[] {
  const rows: CaptionRow[] = [];
  for (const item of itemsOf(container)) {
    const text = textOf(item);
    if (!text) continue;
    const block = item.parentElement && item.parentElement !== container ? item.parentElement : item;
    rows.push({ rowKey: rowKeyOf(item), speaker: speakerOf(block), text });
  }
  return rows;
}

export const zoom: CaptionPlatform = {
  id: "zoom",
  name: "Zoom",
  hostPatterns,
  selectors,
  findContainer,
  readRows,
};
