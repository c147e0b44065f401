// Google Meet captions: a region of caption blocks, each an avatar, the speaker's name and the text.
// Meet's class names are generated and change; the region's role and tabindex are steadier.
import type { CaptionRow } from "../engine";
import { allMatches, firstMatch, rowKeyOf, textOf } from "./dom";
import type { CaptionPlatform, CaptionSelectors } from "./types";

export const hostPatterns = ["https://meet.google.com/*"] as const;

export const selectors: CaptionSelectors = {
  container: [
    // vivek-nexus/transcriptonic extension/content-scripts/google-meet/config.js: TRANSCRIPT_REGION
    'div[role="region"][tabindex="0"]',
    // encoreshao/meet-live-captions public/content.js: getCaptionRegion (English label)
    'div[role="region"][aria-label="Captions"]',
    // Older Meet (2021–2023) caption wrapper, as earlier public scrapers used it.
    '[jsname="dsyhDe"]',
    "div.iOzk7",
    "div.a4cQT",
  ],
  // Public scrapers (e.g. ZeroAlcoholic/meeting-captioner notes; Recall.ai's Meet bot) read blocks .nMcdL
  // with the name in .NWpY1d and the text in .ygicle; older Meet used .TBMuR / .zs7s8d / .iTTPOb.
  row: [".nMcdL", ".TBMuR"],
  speaker: [".NWpY1d", ".zs7s8d", ".KcIKyf"],
  text: [".ygicle", ".iTTPOb", ".bh44bd"],
};

export function findContainer(document: Document): Element | null {
  // A region holding an avatar image is the caption region; other regions (panels) are skipped.
  for (const selector of selectors.container) {
    for (const candidate of Array.from(document.querySelectorAll(selector))) {
      if (selector.startsWith("div[role") && !candidate.querySelector("img")) continue;
      return candidate;
    }
  }
  return null;
}

/** Blocks by class, else by structure: each child of the region that holds an avatar image. */
function blocksOf(container: Element): Element[] {
  const byClass = allMatches(container, selectors.row);
  if (byClass.length > 0) return byClass;
  const blocks = new Set<Element>();
  for (const img of Array.from(container.querySelectorAll("img"))) {
    let block: Element = img;
    while (block.parentElement && block.parentElement !== container) block = block.parentElement;
    if (block.parentElement === container) blocks.add(block);
  }
  return [...blocks];
}

export function readRows(container: Element): CaptionRow[] {
  const rows: CaptionRow[] = [];
  for (const block of blocksOf(container)) {
    const textElement = firstMatch(block, selectors.text) ?? block.lastElementChild;
    const speakerElement =
      firstMatch(block, selectors.speaker) ??
      (block.firstElementChild !== textElement ? block.firstElementChild : null);
    const text = textOf(textElement);
    if (!text) continue;
    rows.push({ rowKey: rowKeyOf(block), speaker: textOf(speakerElement), text });
  }
  return rows;
}

export const meet: CaptionPlatform = {
  id: "meet",
  name: "Google Meet",
  turnOnCaptions:
    "In Google Meet, select Turn on captions (the CC button) at the bottom of the meeting, or press c.",
  hostPatterns,
  selectors,
  findContainer,
  readRows,
};
