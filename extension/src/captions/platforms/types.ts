import type { CaptionRow } from "../engine";

export type CaptionPlatformId = "meet" | "teams" | "zoom" | "webex" | "ariaLive";

/** Selector layers, most language-neutral first (roles, aria and data attributes), class names last. */
export interface CaptionSelectors {
  container: readonly string[];
  row: readonly string[];
  speaker: readonly string[];
  text: readonly string[];
}

/** One meeting platform: where its captions live and how to read their rows. */
export interface CaptionPlatform {
  id: CaptionPlatformId;
  name: string;
  /** How to turn captions on in this platform, for the scribe when none are showing. */
  turnOnCaptions: string;
  /** Match patterns of the meeting hosts (as in the manifest's optional host permissions). */
  hostPatterns: readonly string[];
  selectors: CaptionSelectors;
  findContainer(document: Document): Element | null;
  readRows(container: Element): CaptionRow[];
}
