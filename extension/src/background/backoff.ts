// Retry timing for the clip queue: exponential backoff with jitter ("equal jitter", AWS Architecture
// Blog, "Exponential Backoff and Jitter", 2015). The schedule lives only in storage, so a stopped service
// worker or a browser restart resumes it; chrome.alarms and the `online` event wake the worker.
import type { Clock, KeyValueStore } from "./store";

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 2_000, maxMs: 10 * 60_000 };

/** Delay before retry number `attempt` (1 = first retry): half fixed, half random, capped. */
export function backoffDelay(
  attempt: number,
  random: number,
  policy: BackoffPolicy = defaultBackoff,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const jitter = Math.min(Math.max(random, 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * jitter);
}

export interface RetryState {
  /** Failed attempts in a row; 0 when the last attempt succeeded. */
  attempt: number;
  /** When the next attempt is due (ms since epoch); 0 = now. */
  nextAt: number;
  /** The last failure, in words a scribe can act on. */
  lastError?: string;
  /** Set when retrying cannot help (e.g. the token was revoked) until the scribe changes something. */
  paused?: boolean;
}

export const RETRY_KEY = "retry";
const idle: RetryState = { attempt: 0, nextAt: 0 };

export class RetrySchedule {
  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
    private readonly random: () => number = Math.random,
    private readonly policy: BackoffPolicy = defaultBackoff,
  ) {}

  async state(): Promise<RetryState> {
    const got = await this.store.get(RETRY_KEY);
    return (got[RETRY_KEY] as RetryState | undefined) ?? { ...idle };
  }

  /** Whether an attempt may run now (a forced attempt ignores the wait, not a pause). */
  async isDue(force = false): Promise<boolean> {
    const state = await this.state();
    if (state.paused) return false;
    return force || state.nextAt <= this.clock.now();
  }

  /** Records a failed attempt and returns when to try again; the server's suggested wait is a floor. */
  async failed(message: string, retryAfterSeconds?: number): Promise<RetryState> {
    const previous = await this.state();
    const attempt = previous.attempt + 1;
    const delay = Math.max(
      backoffDelay(attempt, this.random(), this.policy),
      (retryAfterSeconds ?? 0) * 1000,
    );
    const state: RetryState = { attempt, nextAt: this.clock.now() + delay, lastError: message };
    await this.store.set({ [RETRY_KEY]: state });
    return state;
  }

  async paused(message: string): Promise<RetryState> {
    const state: RetryState = { attempt: 0, nextAt: 0, lastError: message, paused: true };
    await this.store.set({ [RETRY_KEY]: state });
    return state;
  }

  async succeeded(): Promise<void> {
    const state = await this.state();
    if (state.attempt !== 0 || state.nextAt !== 0 || state.lastError || state.paused) {
      await this.store.set({ [RETRY_KEY]: { ...idle } });
    }
  }

  /** A new connection or a scribe's "retry now": forget the wait and any pause. */
  async reset(): Promise<void> {
    await this.store.set({ [RETRY_KEY]: { ...idle } });
  }
}
