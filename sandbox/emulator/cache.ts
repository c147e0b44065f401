// CacheService: script, user and document caches whose entries expire on the emulator's clock,
// with Apps Script's limits (key 250 characters, value 100 KB, expiry 1 s to 6 h, default 10 min, at most
// 1,000 items) and its one promise about eviction: none. An entry may vanish before it expires, so a test can
// make entries expire early and the add-on must stay right when they do.

import { byteLength } from "./auth.ts";
import type { EmulatorEnv } from "./env.ts";
import { exception } from "./spreadsheet/context.ts";

export const CACHE_KEY_LIMIT = 250;
export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_SECONDS = 21_600;
/**
 * "The cap for cached items is 1,000. If more than 1,000 items are written, the cache stores the 900 items
 * farthest from expiration." https://developers.google.com/apps-script/reference/cache/cache#putAll(Object,Integer)
 */
export const CACHE_ITEM_LIMIT = 1000;
export const CACHE_ITEMS_KEPT = 900;

/** Which entries vanish before their expiry; the default keeps every entry until it expires. */
export type EarlyExpiry = (key: string, entry: CacheEntry) => boolean;

export interface CacheEntry {
  value: string;
  /** Epoch milliseconds on the emulator clock. */
  expiresAt: number;
}

export interface CacheState {
  script: Record<string, CacheEntry>;
  user: Record<string, Record<string, CacheEntry>>;
  document: Record<string, Record<string, CacheEntry>>;
}

type Entries = Map<string, CacheEntry>;

/** What changed in one cache since the last look: each written key's entry, null for a removed key. */
export type CacheChanges = Record<string, CacheEntry | null>;

/** Cache changes by scope and owner, as CacheState nests them; "all" when caches were dropped whole. */
export type CacheStateChanges =
  | "all"
  | {
      script: CacheChanges;
      user: Record<string, CacheChanges>;
      document: Record<string, CacheChanges>;
    };

/**
 * One cache's entries, noting each key written or removed, so the sandbox saves what changed rather
 * than the whole cache after every request. Entries are frozen: a change is always a new entry.
 */
class TrackedEntries extends Map<string, CacheEntry> {
  /** Keys touched since takeChanges(); a new cache counts as changed (it appears in the state). */
  private changed = new Set<string>();
  private fresh = true;

  override set(key: string, entry: CacheEntry): this {
    this.changed.add(key);
    return super.set(key, Object.freeze(entry));
  }

  override delete(key: string): boolean {
    const had = super.delete(key);
    if (had) this.changed.add(key);
    return had;
  }

  override clear(): void {
    for (const key of this.keys()) this.changed.add(key);
    super.clear();
  }

  /** The changes since the last call, or null when none. */
  takeChanges(): CacheChanges | null {
    if (this.changed.size === 0 && !this.fresh) return null;
    const changes: CacheChanges = {};
    for (const key of this.changed) changes[key] = this.get(key) ?? null;
    this.changed.clear();
    this.fresh = false;
    return changes;
  }
}

/** The user or document caches by owner, noting when an owner's whole cache is dropped. */
class TrackedOwners extends Map<string, TrackedEntries> {
  dropped = false;

  override delete(owner: string): boolean {
    const had = super.delete(owner);
    if (had) this.dropped = true;
    return had;
  }

  override clear(): void {
    if (this.size > 0) this.dropped = true;
    super.clear();
  }
}

export class CacheStore implements GoogleAppsScript.Cache.Cache {
  constructor(
    private readonly env: EmulatorEnv,
    private readonly entries: Entries,
    private readonly earlyExpiry: () => EarlyExpiry | null = () => null,
  ) {}

  get(key: string): string | null {
    this.env.hit("Cache", "get");
    return this.read(checkKey(key));
  }

  getAll(keys: string[]): { [key: string]: string } {
    this.env.hit("Cache", "getAll");
    const found: { [key: string]: string } = {};
    for (const key of keys) {
      const value = this.read(checkKey(key));
      if (value !== null) found[key] = value;
    }
    return found;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.env.hit("Cache", "put");
    this.write(key, value, expirationInSeconds);
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    this.env.hit("Cache", "putAll");
    const entries = Object.entries(values ?? {});
    for (const [key, value] of entries) checkEntry(key, value);
    for (const [key, value] of entries) this.write(key, value, expirationInSeconds);
  }

  remove(key: string): void {
    this.env.hit("Cache", "remove");
    this.entries.delete(checkKey(key));
  }

  removeAll(keys: string[]): void {
    this.env.hit("Cache", "removeAll");
    for (const key of keys) this.entries.delete(checkKey(key));
  }

  private read(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    // "Cached items are not guaranteed to persist until expiration" (the Cache reference, put()).
    if (this.env.now().getTime() >= entry.expiresAt || this.earlyExpiry()?.(key, entry)) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  private write(key: string, value: string, expirationInSeconds?: number): void {
    const text = checkEntry(key, value);
    const seconds = expirationInSeconds ?? CACHE_DEFAULT_SECONDS;
    if (!(seconds >= 1 && seconds <= CACHE_MAX_SECONDS)) {
      throw exception(
        `Invalid argument: expirationInSeconds must be between 1 and ${CACHE_MAX_SECONDS} (6 hours), got ${seconds}.`,
      );
    }
    const name = String(key);
    this.entries.delete(name);
    this.entries.set(name, { value: text, expiresAt: this.env.now().getTime() + seconds * 1000 });
    if (this.entries.size > CACHE_ITEM_LIMIT) this.evict();
  }

  /** Past 1,000 items: expired ones go, then all but the 900 farthest from expiry (the newest write too, if it is near). */
  private evict(): void {
    const now = this.env.now().getTime();
    for (const [k, e] of this.entries) if (now >= e.expiresAt) this.entries.delete(k);
    if (this.entries.size <= CACHE_ITEM_LIMIT) return;
    const nearest = [...this.entries].sort(([, a], [, b]) => a.expiresAt - b.expiresAt);
    for (const [k] of nearest.slice(0, nearest.length - CACHE_ITEMS_KEPT)) this.entries.delete(k);
  }
}

function checkKey(key: string): string {
  const text = String(key);
  if (text.length > CACHE_KEY_LIMIT) throw exception("Argument too large: key");
  return text;
}

function checkEntry(key: string, value: string): string {
  checkKey(key);
  const text = String(value);
  if (byteLength(text) > CACHE_VALUE_LIMIT) throw exception("Argument too large: value");
  return text;
}

export class CacheEmulator {
  private readonly script = new TrackedEntries();
  private readonly user = new TrackedOwners();
  private readonly document = new TrackedOwners();
  /** The whole state was replaced (load): its changes cannot be listed key by key. */
  private reloaded = false;
  readonly service: GoogleAppsScript.Cache.CacheService;
  /** Set by a test: entries it picks vanish before their expiry, as Google's may. */
  earlyExpiry: EarlyExpiry | null = null;

  constructor(
    private readonly env: EmulatorEnv,
    private readonly documentId: () => string | null,
    state?: CacheState,
  ) {
    if (state) this.load(state);
    const early = () => this.earlyExpiry;
    this.service = {
      getScriptCache: () => {
        env.hit("CacheService", "getScriptCache");
        return new CacheStore(env, this.script, early);
      },
      getUserCache: () => {
        env.hit("CacheService", "getUserCache");
        return new CacheStore(env, scoped(this.user, env.user), early);
      },
      // "Returns null if there is no containing document": a web app runs outside any document.
      // https://developers.google.com/apps-script/reference/cache/cache-service#getDocumentCache()
      getDocumentCache: () => {
        env.hit("CacheService", "getDocumentCache");
        const id = env.context === "webapp" ? null : this.documentId();
        return (
          id === null ? null : new CacheStore(env, scoped(this.document, id), early)
        ) as GoogleAppsScript.Cache.Cache;
      },
    };
  }

  /** Every entry of every cache vanishes at once, as after a cache server restart. */
  dropAll(): void {
    this.script.clear();
    this.user.clear();
    this.document.clear();
  }

  /** Live script-cache values (expired ones left out), without counting a call. */
  peek(): Record<string, string> {
    const now = this.env.now().getTime();
    return Object.fromEntries(
      [...this.script].filter(([, e]) => e.expiresAt > now).map(([k, e]) => [k, e.value]),
    );
  }

  toJSON(): CacheState {
    const flat = (m: Entries) => Object.fromEntries([...m].map(([k, e]) => [k, { ...e }]));
    const nested = (m: Map<string, Entries>) => Object.fromEntries([...m].map(([k, v]) => [k, flat(v)]));
    return { script: flat(this.script), user: nested(this.user), document: nested(this.document) };
  }

  /** What changed since the last call (the sandbox journals it); "all" after load() or a dropped owner. */
  takeChanges(): CacheStateChanges {
    const byOwner = (m: TrackedOwners) => {
      const out: Record<string, CacheChanges> = {};
      for (const [owner, entries] of m) {
        const changes = entries.takeChanges();
        if (changes) out[owner] = changes;
      }
      return out;
    };
    const changes = {
      script: this.script.takeChanges() ?? {},
      user: byOwner(this.user),
      document: byOwner(this.document),
    };
    const whole = this.reloaded || this.user.dropped || this.document.dropped;
    this.reloaded = false;
    this.user.dropped = false;
    this.document.dropped = false;
    return whole ? "all" : changes;
  }

  load(state: CacheState): void {
    this.reloaded = true;
    const fill = (target: Entries, source: Record<string, CacheEntry>) => {
      target.clear();
      for (const [k, e] of Object.entries(source))
        target.set(k, { value: String(e.value), expiresAt: e.expiresAt });
    };
    fill(this.script, state.script ?? {});
    this.user.clear();
    for (const [email, data] of Object.entries(state.user ?? {})) fill(scoped(this.user, email), data);
    this.document.clear();
    for (const [id, data] of Object.entries(state.document ?? {})) fill(scoped(this.document, id), data);
  }
}

function scoped(map: TrackedOwners, owner: string): TrackedEntries {
  const entries = map.get(owner) ?? new TrackedEntries();
  map.set(owner, entries);
  return entries;
}
