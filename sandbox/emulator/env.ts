// The shared core of the emulator: which context the script runs in, every service call counted,
// and faults a test can inject into any counted call.

export type ScriptContext = "bound" | "webapp";
export type AuthModeName = "NONE" | "CUSTOM_FUNCTION" | "LIMITED" | "FULL";

/** A fault fires when the named call ("Service.method") is made for the nth time after it was armed. */
export interface Fault {
  key: string;
  /** 1-based: 1 fails the next call. */
  nth: number;
  message: string;
  /** After firing once, keep failing every later call (quota exceeded). */
  sticky: boolean;
  seen: number;
  fired: boolean;
}

export class CallCounter {
  private readonly counts = new Map<string, number>();

  record(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Calls of one service ("Range") or every service when omitted. */
  total(service?: string): number {
    let sum = 0;
    for (const [key, n] of this.counts) if (!service || key.startsWith(`${service}.`)) sum += n;
    return sum;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}

export class FaultInjector {
  private faults: Fault[] = [];
  /** LockService.tryLock/waitLock fail as if another execution held the lock. */
  lockContention = false;

  /** Throw `message` on the nth call of `key` ("Range.setValues") from now on. */
  throwOn(key: string, nth: number, message = `Service error: ${key}`): void {
    this.faults.push({ key, nth, message, sticky: false, seen: 0, fired: false });
  }

  /** Every call of `key` from the nth on fails as a quota error would. */
  quotaExceeded(key: string, nth = 1): void {
    const message = `Service invoked too many times for one day: ${key.split(".")[0]?.toLowerCase()}.`;
    this.faults.push({ key, nth, message, sticky: true, seen: 0, fired: false });
  }

  clear(): void {
    this.faults = [];
    this.lockContention = false;
  }

  check(key: string): void {
    for (const fault of this.faults) {
      if (fault.key !== key) continue;
      if (fault.fired && !fault.sticky) continue;
      fault.seen += 1;
      if (fault.seen >= fault.nth) {
        fault.fired = true;
        throw new Error(fault.message);
      }
    }
  }
}

export interface EmulatorEnvOptions {
  context?: ScriptContext;
  authMode?: AuthModeName;
  user?: string;
  now?: () => Date;
}

/** Passed to every service: count the call, then let an injected fault fire. */
export class EmulatorEnv {
  readonly calls = new CallCounter();
  readonly faults = new FaultInjector();
  context: ScriptContext;
  authMode: AuthModeName;
  user: string;
  /** The emulator clock: the given (or host) time plus every advance so far. */
  now: () => Date;
  /** Milliseconds the clock was advanced (advanceClock). */
  private advancedMs = 0;
  /** Makes a Date for the script at an instant; attachScript makes it in the script's realm (its zone). */
  scriptDate: (time: number) => Date = (time) => new Date(time);
  /** Users whose authorization was revoked or needs new scopes: their triggers see AuthorizationStatus.REQUIRED. */
  readonly authorizationLost = new Set<string>();

  constructor(options: EmulatorEnvOptions = {}) {
    this.context = options.context ?? "bound";
    this.authMode = options.authMode ?? "FULL";
    this.user = options.user ?? "coordinator@example.org";
    const base = options.now ?? (() => new Date());
    this.now = () => (this.advancedMs === 0 ? base() : new Date(base().getTime() + this.advancedMs));
  }

  /** Moves the emulator clock forward (never back). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError("The clock only moves forward.");
    this.advancedMs += ms;
  }

  /** Told of every call after it is counted (the running execution's clock and interleavings). */
  onCall: ((key: string) => void) | null = null;

  hit(service: string, method: string): void {
    const key = `${service}.${method}`;
    this.calls.record(key);
    this.faults.check(key);
    this.onCall?.(key);
  }
}

/** Dates from the script's own realm (node:vm) fail `instanceof Date` here; test by tag instead. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}
