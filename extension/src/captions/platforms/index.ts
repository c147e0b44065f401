// The platforms, and which one a meeting host gets.
import { ariaLive } from "./ariaLive";
import { hostMatches } from "./dom";
import { meet } from "./meet";
import { teams } from "./teams";
import type { CaptionPlatform } from "./types";
import { webex } from "./webex";
import { zoom } from "./zoom";

export type { CaptionPlatform, CaptionPlatformId, CaptionSelectors } from "./types";

export const captionPlatforms: readonly CaptionPlatform[] = [meet, teams, zoom, webex, ariaLive];

/** The platform whose host patterns cover the host; the generic aria-live reader otherwise. */
export function platformForHost(host: string): CaptionPlatform {
  return (
    captionPlatforms.find((p) => p.hostPatterns.some((pattern) => hostMatches(pattern, host))) ?? ariaLive
  );
}
