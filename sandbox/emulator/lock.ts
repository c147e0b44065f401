// LockService: script, user and document locks. The sandbox runs one execution at a time, so a lock is
// always free unless a test injects contention (env.faults.lockContention); every attempt is recorded.

import type { EmulatorEnv } from "./env.ts";
import { exception } from "./spreadsheet/context.ts";

export type LockScope = "script" | "user" | "document";

export interface LockEvent {
  scope: LockScope;
  action: "tryLock" | "waitLock" | "releaseLock";
  timeoutMs?: number;
  /** For tryLock and waitLock: whether the lock was obtained. */
  acquired?: boolean;
}

const lockTimeout = "Lock timeout: another process was holding the lock for too long.";

class EmulatedLock implements GoogleAppsScript.Lock.Lock {
  private held = false;

  constructor(
    private readonly env: EmulatorEnv,
    private readonly recorder: LockRecorder,
    private readonly scope: LockScope,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    this.env.hit("Lock", "tryLock");
    this.acquire();
    this.recorder.record({
      scope: this.scope,
      action: "tryLock",
      timeoutMs: timeoutInMillis,
      acquired: this.held,
    });
    return this.held;
  }

  waitLock(timeoutInMillis: number): void {
    this.env.hit("Lock", "waitLock");
    this.acquire();
    this.recorder.record({
      scope: this.scope,
      action: "waitLock",
      timeoutMs: timeoutInMillis,
      acquired: this.held,
    });
    if (!this.held) throw exception(lockTimeout);
  }

  releaseLock(): void {
    this.env.hit("Lock", "releaseLock");
    if (this.held) {
      this.recorder.record({ scope: this.scope, action: "releaseLock" });
      this.recorder.holding -= 1;
    }
    this.held = false;
  }

  private acquire(): void {
    if (this.held || this.env.faults.lockContention) return;
    this.held = true;
    this.recorder.holding += 1;
  }

  hasLock(): boolean {
    this.env.hit("Lock", "hasLock");
    return this.held;
  }
}

/** The LockService global plus the record of every lock attempt and release. */
export class LockRecorder {
  readonly events: LockEvent[] = [];
  /** Locks obtained and not yet released (0 after a well-behaved execution). */
  holding = 0;
  readonly service: GoogleAppsScript.Lock.LockService;

  constructor(env: EmulatorEnv) {
    this.service = {
      getScriptLock: () => {
        env.hit("LockService", "getScriptLock");
        return new EmulatedLock(env, this, "script");
      },
      getUserLock: () => {
        env.hit("LockService", "getUserLock");
        return new EmulatedLock(env, this, "user");
      },
      // Apps Script: null when the script runs outside a document (a web app is one).
      getDocumentLock: () => {
        env.hit("LockService", "getDocumentLock");
        return (
          env.context === "webapp" ? null : new EmulatedLock(env, this, "document")
        ) as GoogleAppsScript.Lock.Lock;
      },
    };
  }

  record(event: LockEvent): void {
    this.events.push(event);
  }
}
