// LockService: contention injected by a test, document locks absent from web apps.
import { describe, expect, it } from "vitest";
import { EmulatorEnv } from "../../../sandbox/emulator/env.ts";
import { LockRecorder } from "../../../sandbox/emulator/lock.ts";

describe("LockService", () => {
  it("acquires and releases, recording both", () => {
    const env = new EmulatorEnv();
    const locks = new LockRecorder(env);
    const lock = locks.service.getScriptLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(locks.holding).toBe(1);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(locks.holding).toBe(0);
    expect(locks.events.map((e) => e.action)).toEqual(["tryLock", "releaseLock"]);
  });

  it("under contention tryLock returns false and waitLock throws Apps Script's message", () => {
    const env = new EmulatorEnv();
    const locks = new LockRecorder(env);
    env.faults.lockContention = true;
    const lock = locks.service.getScriptLock();
    expect(lock.tryLock(10_000)).toBe(false);
    expect(() => lock.waitLock(30_000)).toThrow(
      "Lock timeout: another process was holding the lock for too long.",
    );
    expect(lock.hasLock()).toBe(false);
    expect(locks.events).toEqual([
      { scope: "script", action: "tryLock", timeoutMs: 10_000, acquired: false },
      { scope: "script", action: "waitLock", timeoutMs: 30_000, acquired: false },
    ]);
  });

  it("has no document lock in a web app", () => {
    const env = new EmulatorEnv({ context: "webapp" });
    const locks = new LockRecorder(env);
    expect(locks.service.getDocumentLock()).toBeNull();
    expect(locks.service.getScriptLock()).not.toBeNull();
    env.context = "bound";
    expect(locks.service.getDocumentLock()).not.toBeNull();
  });

  it("a fault on waitLock fires like any service error", () => {
    const env = new EmulatorEnv();
    const locks = new LockRecorder(env);
    env.faults.throwOn("Lock.waitLock", 1, "Service error: Lock");
    expect(() => locks.service.getUserLock().waitLock(100)).toThrow("Service error: Lock");
    expect(env.calls.get("LockService.getUserLock")).toBe(1);
  });
});
