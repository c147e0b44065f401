// The toolbar badge: how many clips are waiting to be sent (or held for review); "!" for rejected ones.
import type { ClipQueue } from "./queue";

/** The part of browser.action the badge uses (injected, so this module also runs in unit tests). */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

export function badgeFor(counts: { pending: number; held: number; rejected: number }): {
  text: string;
  color: string;
  title: string;
} {
  const waiting = counts.pending + counts.held;
  const parts: string[] = [];
  if (counts.pending) parts.push(`${counts.pending} waiting to be sent`);
  if (counts.held) parts.push(`${counts.held} to review for PHI`);
  if (counts.rejected) parts.push(`${counts.rejected} rejected`);
  const title = parts.length ? `Peer Exchange Clipper: ${parts.join(", ")}` : "Peer Exchange Clipper";
  if (waiting)
    return {
      text: String(waiting > 999 ? "999+" : waiting),
      color: counts.held ? "#b45309" : "#1d4ed8",
      title,
    };
  if (counts.rejected) return { text: "!", color: "#b91c1c", title };
  return { text: "", color: "#1d4ed8", title };
}

export async function showPending(queue: ClipQueue, action: BadgeApi): Promise<void> {
  const badge = badgeFor(await queue.counts());
  await action.setBadgeText({ text: badge.text });
  await action.setBadgeBackgroundColor({ color: badge.color });
  await action.setTitle({ title: badge.title });
}
