// Sends the queue's pending clips in batches until it is empty or the endpoint cannot take more now.
import { CLIP_LIMITS, type ClipInput, type ClipResponse } from "../../../shared/clip/protocol";
import type { RetrySchedule, RetryState } from "./backoff";
import type { BatchLimits, ClipQueue } from "./queue";
import type { Sent, TransportError } from "./transport";

export type SendBatch = (clips: ClipInput[]) => Promise<Sent<ClipResponse>>;

export type DeliveryOutcome =
  | { status: "idle" }
  /** `more`: the run stopped at its request cap with clips still pending; wake again soon. */
  | { status: "delivered"; requests: number; more?: boolean }
  | { status: "waiting"; retry: RetryState }
  | { status: "not-connected" }
  | { status: "paused"; retry: RetryState };

export interface DeliveryDeps {
  queue: ClipQueue;
  retry: RetrySchedule;
  /** null when no connection code has been pasted yet. */
  send: SendBatch | null;
  limits?: BatchLimits;
}

// Errors about the scribe's connection or the extension itself: retrying cannot help until the scribe
// pastes a new code or updates the Clipper; they are not about the clips, so none is rejected for them.
const needsScribe = new Set<TransportError["code"]>([
  "unauthorized",
  "revoked",
  "not_set_up",
  "unsupported_version",
]);
// Failures on the way (no answer, or an answer that is not the workbook's, e.g. a Google sign-in page):
// the workbook never judged the clips, so they are never marked rejected; they wait and go again.
const notAnAnswer = new Set<TransportError["code"]>(["network", "bad_response"]);

/** Safety valve: one delivery run sends at most this many requests, then yields to the next wake-up. */
const MAX_REQUESTS_PER_RUN = 50;

/** `force` skips the backoff wait (the browser came online, a new clip), never a pause. */
export async function deliverPending(
  deps: DeliveryDeps,
  options: { force?: boolean } = {},
): Promise<DeliveryOutcome> {
  const { queue, retry, send } = deps;
  if (!send) return { status: "not-connected" };
  if (!(await retry.isDue(options.force))) {
    const state = await retry.state();
    return state.paused ? { status: "paused", retry: state } : { status: "waiting", retry: state };
  }
  let requests = 0;
  const limits = { ...(deps.limits ?? CLIP_LIMITS) };
  while (requests < MAX_REQUESTS_PER_RUN) {
    const batch = await queue.nextBatch(limits);
    if (batch.length === 0) break;
    requests++;
    const sent = await send(batch);
    if (!sent.ok) {
      const { error } = sent;
      if (error.retryable || notAnAnswer.has(error.code)) {
        // The retry schedule counts failures; the clips are not rewritten (a retry costs no storage writes).
        return { status: "waiting", retry: await retry.failed(error.message, error.retryAfterSeconds) };
      }
      if (needsScribe.has(error.code)) return { status: "paused", retry: await retry.paused(error.message) };
      // The request as a whole was refused and sending it again would be refused again.
      if (batch.length > 1 && error.code === "too_large") {
        // Halve the batch rather than reject clips for the company they were sent in.
        limits.maxBatch = Math.max(1, Math.floor(batch.length / 2));
        continue;
      }
      await queue.rejectAll(batch, error.message);
      continue;
    }
    const outcome = await queue.applyResults(batch, sent.response.results);
    if (outcome.pending === batch.length) {
      // An answer that settled nothing: wait rather than loop.
      return {
        status: "waiting",
        retry: await retry.failed("The workbook did not confirm the clips. Retrying."),
      };
    }
  }
  await retry.succeeded();
  if (requests === 0) return { status: "idle" };
  const more = requests >= MAX_REQUESTS_PER_RUN && (await queue.nextBatch(limits)).length > 0;
  return more ? { status: "delivered", requests, more } : { status: "delivered", requests };
}
