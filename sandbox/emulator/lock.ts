// LockService: script, user and document locks, each held by one execution until it lets go or ends. An
// execution cannot wait for another here (a test runs the second one inside the first), so a lock held by
// another running execution times out; a test can also inject contention (env.faults.lockContention).
// Every attempt is recorded.

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
  private readonly owner: number;
  private readonly name: string;

  constructor(
    private readonly env: EmulatorEnv,
    private readonly recorder: LockRecorder,
    private readonly scope: LockScope,
  ) {
    this.owner = recorder.execution();
    this.name = scope === "user" ? `user:${env.user}` : scope;
  }

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
      if (this.recorder.holders.get(this.name) === this.owner) this.recorder.holders.delete(this.name);
    }
    this.held = false;
  }

  private acquire(): void {
    if (this.held || this.env.faults.lockContention) return;
    const holder = this.recorder.holders.get(this.name);
    if (holder !== undefined && holder !== this.owner) return;
    this.recorder.holders.set(this.name, this.owner);
    this.held = true;
    this.recorder.holding += 1;
  }

  hasLock(): boolean {
    this.env.hit("Lock", "hasLock");
    return this.held && this.recorder.holders.get(this.name) === this.owner;
  }
}

/** The LockService global plus the record of every lock attempt and release. */
export class LockRecorder {
  readonly events: LockEvent[] = [];
  /** Locks obtained and not yet released (0 after a well-behaved execution). */
  holding = 0;
  /** Lock name ("script", "user:EMAIL", "document") → the execution holding it. */
  readonly holders = new Map<string, number>();
  readonly service: GoogleAppsScript.Lock.LockService;

  constructor(
    env: EmulatorEnv,
    /** The running execution's id (0 outside any). */
    readonly execution: () => number = () => 0,
  ) {
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

  /** An execution ended: whatever it still held is free again. */
  endExecution(id: number): void {
    for (const [name, holder] of this.holders) if (holder === id) this.holders.delete(name);
  }
}
