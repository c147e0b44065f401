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
  private readonly script: Entries = new Map();
  private readonly user = new Map<string, Entries>();
  private readonly document = new Map<string, Entries>();
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

  load(state: CacheState): void {
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

function scoped(map: Map<string, Entries>, owner: string): Entries {
  const entries = map.get(owner) ?? new Map<string, CacheEntry>();
  map.set(owner, entries);
  return entries;
}
