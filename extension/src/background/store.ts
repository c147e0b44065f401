// The storage the background keeps its state in: storage.local in the browser, a Map in tests.
// Only state in here survives a stopped service worker or a browser restart.

export interface KeyValueStore {
  /** null reads every key. */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** An in-memory store with storage.local's semantics (values are copied as JSON), for tests and benches. */
export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  bytesWritten = 0;

  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.data.keys()] : typeof keys === "string" ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const key of wanted) {
      const value = this.data.get(key);
      if (value !== undefined) out[key] = JSON.parse(value);
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(items)) {
      const json = JSON.stringify(value);
      this.bytesWritten += key.length + json.length;
      this.data.set(key, json);
    }
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const key of typeof keys === "string" ? [keys] : keys) this.data.delete(key);
  }
}
