// Messages between the popup (or background) and the caption content script.
import { type CaptionLine, formatTranscript, type TranscriptEngine } from "./engine";
import type { CaptureHealth } from "./observer";
import { captionPlatforms } from "./platforms/index";
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
  /** Whether captions are being read, look off, or are shown but cannot be read. */
  health?: CaptureHealth;
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
  health: CaptureHealth = "reading",
): CaptionsRecentResponse {
  const windowSeconds = Math.min(maxRecentSeconds, Math.max(1, seconds));
  const lines = engine.recent(windowSeconds * 1000, now);
  return { lines, text: formatTranscript(lines), platform, health };
}

/**
 * What to tell the scribe when a caption answer has no text: captions unreadable (the platform changed
 * its page), captions off (and how to turn them on there), or nothing said in the window yet.
 */
export function emptyCaptionsMessage(answer: Pick<CaptionsRecentResponse, "platform" | "health">): string {
  if (answer.health === "unreadable") {
    return "Captions are on but Peer Exchange can't read them: the page may have changed. Clip a selection instead.";
  }
  if (answer.health === "off") {
    const platform = captionPlatforms.find((p) => p.id === answer.platform);
    return `No captions are showing. ${platform?.turnOnCaptions ?? "Turn on captions in the meeting."}`;
  }
  return "No captions in that window yet.";
}
