// Messages between the popup (or background) and the caption content script.
import { type CaptionLine, formatTranscript, type TranscriptEngine } from "./engine";
import type { CaptionPlatformId } from "./platforms/types";

export const captionsRecentType = "captions.recent";

/** Ask the tab for the captions of the last `seconds` seconds. */
export interface CaptionsRecentRequest {
  type: typeof captionsRecentType;
  seconds: number;
}

export interface CaptionsRecentResponse {
  /** Settled and in-progress lines, oldest first, no partial line repeated. */
  lines: CaptionLine[];
  /** The lines as "Speaker: text", one turn per line, ready to clip. */
  text: string;
  platform: CaptionPlatformId;
}

/** The recent window is bounded by what the engine keeps (ten minutes). */
export const maxRecentSeconds = 600;

export function isCaptionsRecentRequest(message: unknown): message is CaptionsRecentRequest {
  if (typeof message !== "object" || message === null) return false;
  const { type, seconds } = message as { type?: unknown; seconds?: unknown };
  return type === captionsRecentType && typeof seconds === "number" && Number.isFinite(seconds);
}

export function captionsRecentResponse(
  engine: TranscriptEngine,
  platform: CaptionPlatformId,
  seconds: number,
  now: number,
): CaptionsRecentResponse {
  const windowSeconds = Math.min(maxRecentSeconds, Math.max(1, seconds));
  const lines = engine.recent(windowSeconds * 1000, now);
  return { lines, text: formatTranscript(lines), platform };
}
