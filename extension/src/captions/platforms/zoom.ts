// Zoom web client captions: a subtitle box of blocks, each an avatar and a text item, inside the
// same-origin #webclient frame. Zoom shows no name beside the text and leaves the avatar's alt empty:
// the name is a name element where Zoom draws one, else the participant tile whose avatar image has
// the same source (as public Zoom scrapers match it).
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
  // A name element in the caption where a Zoom build draws one.
  speaker: [".live-transcription-subtitle__name", '[class*="subtitle__name" i]', '[class*="speaker-name" i]'],
  text: [".live-transcription-subtitle__item"],
};

export function findContainer(document: Document): Element | null {
  for (const doc of searchableDocuments(document)) {
    const found = firstMatch(doc, selectors.container);
    if (found) return found;
  }
  return null;
}

/** Participant tiles' avatar images, which carry the name the caption's copy of the image lacks. */
const tileImages = [".video-avatar__avatar-img", '[class*="video-avatar"] img', "img[alt]"] as const;

/** The avatar image of a caption item: in its block, or just before it in a single-line box. */
function avatarOf(item: Element, block: Element): Element | null {
  const before = item.previousElementSibling;
  if (before?.tagName === "IMG") return before;
  return block.querySelector("img");
}

function nameOfImage(image: Element): string {
  return (image.getAttribute("alt") || image.getAttribute("title") || "").trim();
}

function speakerOf(item: Element, block: Element): string {
  const named = textOf(firstMatch(block, selectors.speaker));
  if (named) return named;
  const avatar = avatarOf(item, block);
  if (!avatar) return "";
  const own = nameOfImage(avatar);
  if (own) return own;
  const src = avatar.getAttribute("src");
  if (!src) return "";
  const doc = item.ownerDocument;
  for (const selector of tileImages) {
    for (const image of Array.from(doc.querySelectorAll(`${selector}[src="${CSS.escape(src)}"]`))) {
      if (image === avatar) continue;
      const name = nameOfImage(image) || textOf(image.parentElement?.querySelector('[class*="footer" i]'));
      if (name) return name;
    }
  }
  return "";
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
    const block = item.parentElement ?? container;
    rows.push({ rowKey: rowKeyOf(item), speaker: speakerOf(item, block), text });
  }
  return rows;
}

export const zoom: CaptionPlatform = {
  id: "zoom",
  name: "Zoom",
  turnOnCaptions: "In Zoom, select Captions (CC) in the meeting controls, then Show captions.",
  hostPatterns,
  selectors,
  findContainer,
  readRows,
};
