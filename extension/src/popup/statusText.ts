// The popup's words about the queue: why clips wait, what Send now did, why a clip was rejected.
import type { DeliveryOutcome } from "../background/delivery";
import type { QueueView } from "../messages";

/** A sentence ending in a full stop, whatever the message it wraps ends with. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function retryStatus(
  connected: boolean,
  view: Pick<QueueView, "pending" | "retry">,
  timeOf: (ms: number) => string,
): string {
  const { retry } = view;
  // The connect hint at the top of the popup says it, with the way to the options.
  if (!connected) return "";
  if (retry.paused) return `Sending is paused. ${sentence(retry.lastError ?? "Check the options.")}`;
  if (retry.attempt > 0 && view.pending.length) {
    return `The last try failed. ${sentence(retry.lastError ?? "The workbook did not answer")} Next try at ${timeOf(retry.nextAt)}, or press Send now.`;
  }
  return "";
}

/** What the popup says after the scribe pressed Send now. */
export function sendNowResult(outcome: DeliveryOutcome): string {
  switch (outcome.status) {
    case "delivered":
      return "Sent.";
    case "idle":
      return "Nothing to send.";
    case "not-connected":
      return "Not connected: paste your connection code in the options first.";
    case "waiting":
      return `Not sent yet. ${sentence(outcome.retry.lastError ?? "The workbook did not answer")}`;
    case "paused":
      return `Sending is paused. ${sentence(outcome.retry.lastError ?? "Check the options")}`;
  }
}

/** The endpoint's reason without the clip's position in its batch ("clips[3].kind: …" → "Kind: …"). */
export function reasonForScribe(reason: string): string {
  const rest = reason.replace(/^clips\[\d+\]\.?\s*/, "");
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
