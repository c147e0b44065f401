// The generic fallback: any aria-live region. Caption widgets announce through live regions
// (WAI-ARIA 1.2, aria-live), so a region labelled as captions, or else the busiest one, is read:
// each child is a row; the speaker is a marked-up name or a "Name: " prefix.
import type { CaptionRow } from "../engine";
import { firstMatch, rowKeyOf, textOf } from "./dom";
import type { CaptionPlatform, CaptionSelectors } from "./types";

/** Used wherever no specific platform matches; it has no hosts of its own. */
export const hostPatterns = [] as const;

export const selectors: CaptionSelectors = {
  container: ['[aria-live="polite"]', '[aria-live="assertive"]', '[role="log"]'],
  row: [":scope > *"],
  speaker: ["[data-speaker]", '[class*="speaker" i]', '[class*="author" i]', "b", "strong"],
  text: ["[data-text]", '[class*="text" i]'],
};

const captionLabel = /caption|subtit|transcri|untertitel|sous-titre|legend|字幕/i;
const namePrefix = /^([^:]{1,40}):\s+(.+)$/;

export function findContainer(document: Document): Element | null {
  let busiest: Element | null = null;
  let busiestLength = 0;
  for (const selector of selectors.container) {
    for (const region of Array.from(document.querySelectorAll(selector))) {
      const label = `${region.getAttribute("aria-label") ?? ""} ${region.id} ${region.className}`;
      if (captionLabel.test(label)) return region;
      // Captions come as lines (child elements); a bare status message is not a caption region.
      const length = region.childElementCount > 0 ? (region.textContent ?? "").length : 0;
      if (length > busiestLength) {
        busiest = region;
        busiestLength = length;
      }
    }
  }
  return busiest;
}

function readRow(row: Element): Omit<CaptionRow, "rowKey"> | null {
  const speakerElement = firstMatch(row, selectors.speaker);
  const textElement = firstMatch(row, selectors.text);
  const speaker = (row.getAttribute("data-speaker") ?? textOf(speakerElement)).trim();
  let text = textOf(textElement ?? row);
  if (!textElement && speaker && text.startsWith(speaker))
    text = text.slice(speaker.length).replace(/^[:\s]+/, "");
  if (!speaker) {
    const prefixed = namePrefix.exec(text);
    if (prefixed) return { speaker: prefixed[1]!.trim(), text: prefixed[2]! };
  }
  return text ? { speaker, text } : null;
}

export function readRows(container: Element): CaptionRow[] {
  const children = Array.from(container.children);
  const rowElements = children.length > 0 ? children : [container];
  const rows: CaptionRow[] = [];
  for (const element of rowElements) {
    const row = readRow(element);
    if (row) rows.push({ rowKey: rowKeyOf(element), ...row });
  }
  return rows;
}

export const ariaLive: CaptionPlatform = {
  id: "ariaLive",
  name: "Live captions",
  turnOnCaptions: "Turn on captions in the meeting.",
  hostPatterns,
  selectors,
  findContainer,
  readRows,
};
