// Executions as Apps Script runs them: each one has a kind, a user, an authorization mode and a time
// limit, counts against the user's simultaneous executions, and lets go of its locks when it ends. Time on
// Google is estimated as this machine's time plus a round trip's latency per call that goes to Google, so a
// script that would run out of time there runs out of time here. A test can run a second execution in the
// middle of the first (at its nth call of a service method) to see two executions overlap.
// Limits: https://developers.google.com/apps-script/guides/services/quotas#current_limitations

import type { AuthModeName, EmulatorEnv } from "./env.ts";
import { callKind, ROUND_TRIP_KINDS } from "./roundTrips.ts";
import { exception } from "./spreadsheet/context.ts";

export type ExecutionKind = "simple trigger" | "menu or sidebar" | "web app" | "time-driven trigger";

/** "Script runtime: 6 min / execution" (quotas page, consumer and Workspace alike). */
export const EXECUTION_LIMIT_MS = 6 * 60_000;
/** Simple triggers "cannot run for longer than 30 seconds": https://developers.google.com/apps-script/guides/triggers#restrictions */
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
/** "Simultaneous executions per user: 30" (quotas page); web-app requests and sidebar calls share them. */
export const SIMULTANEOUS_EXECUTIONS_PER_USER = 30;
/**
 * Assumed latency of one round trip to Google's servers. Google publishes no figure; its best-practice
 * guide only says each service call is slow next to JavaScript. Tens of milliseconds is what scripts see.
 */
export const ROUND_TRIP_ESTIMATE_MS = 50;

const timedOut = "Exceeded maximum execution time";
// The wording scripts report when a user has too many executions running; the quotas page names the limit only.
const tooMany = "There are too many scripts running.";

export interface RunningExecution {
  readonly id: number;
  readonly kind: ExecutionKind;
  readonly user: string;
  readonly authMode: AuthModeName;
  readonly limitMs: number;
  readonly startedAt: number;
  roundTrips: number;
}

interface Interleaving {
  key: string;
  nth: number;
  seen: number;
  run: () => void;
}

export class ExecutionLimits {
  /** Round-trip latency the time estimate assumes (0 leaves only this machine's time). */
  roundTripMs = ROUND_TRIP_ESTIMATE_MS;
  /** Executions a test says are running elsewhere, per user (other scribes' requests, other taps). */
  readonly elsewhere = new Map<string, number>();
  private readonly running: RunningExecution[] = [];
  private readonly interleavings: Interleaving[] = [];
  private nextId = 1;
  /** Called when an execution ends, with its id: its locks are let go. */
  onEnd: (id: number) => void = () => {};

  constructor(
    private readonly env: EmulatorEnv,
    private readonly clock: () => number = () => performance.now(),
  ) {
    env.onCall = (key) => this.called(key);
  }

  /** The innermost running execution, if any. */
  get current(): RunningExecution | null {
    return this.running.at(-1) ?? null;
  }

  /** Estimated time on Google so far, for the innermost execution. */
  estimatedMs(execution = this.current): number {
    if (!execution) return 0;
    return this.clock() - execution.startedAt + execution.roundTrips * this.roundTripMs;
  }

  /**
   * Runs `body` as one execution of `kind` for the env's current user. A simple trigger runs in
   * AuthMode.LIMITED unless the caller set NONE (an add-on's onOpen before it was used in this document).
   */
  run<T>(kind: ExecutionKind, body: () => T): T {
    const { env } = this;
    const user = env.user;
    const mine = this.running.filter((e) => e.user === user).length + (this.elsewhere.get(user) ?? 0);
    if (mine >= SIMULTANEOUS_EXECUTIONS_PER_USER) throw exception(tooMany);
    const savedMode = env.authMode;
    if (kind === "simple trigger" && env.authMode !== "NONE") env.authMode = "LIMITED";
    const execution: RunningExecution = {
      id: this.nextId++,
      kind,
      user,
      authMode: env.authMode,
      limitMs: kind === "simple trigger" ? SIMPLE_TRIGGER_LIMIT_MS : EXECUTION_LIMIT_MS,
      startedAt: this.clock(),
      roundTrips: 0,
    };
    this.running.push(execution);
    try {
      return body();
    } finally {
      this.running.splice(this.running.indexOf(execution), 1);
      env.authMode = savedMode;
      // "Locks are released when the script that acquired them ends" (Lock service guide).
      this.onEnd(execution.id);
    }
  }

  /** At the nth call of `key` ("Range.setValues") from now on, `run` runs first: a second execution overlapping. */
  interleave(key: string, nth: number, run: () => void): void {
    this.interleavings.push({ key, nth, seen: 0, run });
  }

  private called(key: string): void {
    const execution = this.current;
    if (!execution) return;
    for (const due of this.interleavings.filter((i) => i.key === key && ++i.seen === i.nth)) {
      this.interleavings.splice(this.interleavings.indexOf(due), 1);
      due.run();
    }
    if ((ROUND_TRIP_KINDS as readonly string[]).includes(callKind(key))) execution.roundTrips += 1;
    if (this.estimatedMs(execution) > execution.limitMs) throw exception(timedOut);
  }
}
