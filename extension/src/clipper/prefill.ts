// Pre-filling a clip from what is known: the platform from the URL, the session from the agenda's
// times, the site from the caption speaker.
import type { ClipPlatform, ClipSource, SessionInfo, SiteInfo } from "../../../shared/clip/protocol";
import type { CaptionLine } from "../messages";

export function platformOf(url: string): ClipPlatform {
  let host = "";
  try {
    host = new URL(url).hostname;
  } catch {
    return "web";
  }
  if (host === "meet.google.com") return "meet";
  if (/(^|\.)teams\.(microsoft|live)\.com$/.test(host)) return "teams";
  if (/(^|\.)zoom\.us$/.test(host)) return "zoom";
  if (/(^|\.)webex\.com$/.test(host)) return "webex";
  return "web";
}

/** Where a clip came from; only http(s) addresses are kept (not extension or browser pages). */
export function clipSource(url: string, title: string): ClipSource {
  return { platform: platformOf(url), url: /^https?:/i.test(url) ? url : "", title };
}

/** The agenda session running at `now`; else the next one starting within 15 minutes. */
export function sessionAt(sessions: readonly SessionInfo[], now: number): SessionInfo | undefined {
  const timed = sessions
    .map((session) => ({ session, start: Date.parse(session.start), end: Date.parse(session.end) }))
    .filter((s) => Number.isFinite(s.start));
  const running = timed.find((s) => s.start <= now && (Number.isFinite(s.end) ? now < s.end : false));
  if (running) return running.session;
  const soon = timed
    .filter((s) => s.start > now && s.start - now <= 15 * 60_000)
    .sort((a, b) => a.start - b.start);
  return soon[0]?.session;
}

/** The speaker who said the most in the window (captions credit long turns to the main speaker). */
export function mainSpeaker(lines: readonly CaptionLine[]): string | undefined {
  const chars = new Map<string, number>();
  for (const line of lines) {
    if (line.speaker) chars.set(line.speaker, (chars.get(line.speaker) ?? 0) + line.text.length);
  }
  return [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** A site whose label or pseudonym appears in the speaker's display name, e.g. "Dana Lee (Riverside)". */
export function siteForSpeaker(
  speaker: string | undefined,
  sites: readonly SiteInfo[],
): SiteInfo | undefined {
  if (!speaker) return undefined;
  const name = speaker.toLowerCase();
  return sites.find(
    (site) =>
      (site.label && name.includes(site.label.toLowerCase())) ||
      (site.pseudonym && name.includes(site.pseudonym.toLowerCase())),
  );
}

/** Caption lines as clip text: one "Speaker: text" line per turn, as the caption script writes them. */
export { formatTranscript as captionText } from "../captions/engine";
