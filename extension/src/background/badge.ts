// The toolbar badge: how many clips are waiting to be sent (or held for review); "!" for rejected ones.
import browser from "webextension-polyfill";
import type { ClipQueue } from "./queue";

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

export async function showPending(queue: ClipQueue): Promise<void> {
  const badge = badgeFor(await queue.counts());
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setBadgeBackgroundColor({ color: badge.color });
  await browser.action.setTitle({ title: badge.title });
}
