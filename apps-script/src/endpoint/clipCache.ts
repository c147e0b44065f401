// What the clip endpoint remembers between requests in the script cache, read with one getAll and written
// with one putAll per batch: the Insights grid (width, height), the tags the taxonomy knows, the ids it
// wrote (seenIds.ts) and the row each clip landed in. Keys carry a schema version, so a release that
// changes the tabs' headers starts afresh. Google may evict any entry before it expires
// (developers.google.com/apps-script/reference/cache/cache: "not guaranteed to persist until expiration"):
// every entry is a hint checked against the sheet or a superset whose loss costs a read, never a
// duplicate or a lost clip.
import { tab } from "../../../shared/schema";
import { decodeSeen, encodeSeen, fnv1a, type SeenIds } from "./seenIds";

/** Apps Script's longest cache expiry: 6 hours. */
export const CACHE_SECONDS = 21_600;
/** A remembered taxonomy is used for 10 minutes after the Tags tab was read: a tag a coordinator deleted
 * is offered for review again after at most that long. */
const TAGS_FRESH_MS = 10 * 60_000;

let version: string | null = null;
/** A short fingerprint of the Insights and Tags headers this release writes. */
function schemaVersion(): string {
  version ??= fnv1a(
    ["Insights", "Tags"]
      .map((name) =>
        tab(name as "Insights")
          .columns.map((c) => c.header)
          .join("|"),
      )
      .join("\n"),
  ).toString(36);
  return version;
}

const keys = () => {
  const v = schemaVersion();
  return { grid: `insights.grid.${v}`, tags: `tags.known.${v}`, seen: `clips.seen.${v}` };
};
export const clipKey = (id: string) => `clip.${id}`;

export interface Grid {
  /** Columns of the header row as last read. */
  width: number;
  /** The tab's height as last seen. */
  maxRows: number;
  /** Schema columns the header row held within `width`. */
  located: number;
}

export interface Remembered {
  grid: Grid | null;
  /** Tags and synonyms the taxonomy held (lower case), or null when forgotten. */
  tags: Set<string> | null;
  seen: SeenIds | null;
  /** Row each clip id landed in, as remembered. */
  rows: Map<string, number>;
}

function parseJson(text: string | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function parseGrid(value: unknown): Grid | null {
  const g = value as Partial<Grid> | null;
  return g &&
    Number.isInteger(g.width) &&
    Number.isInteger(g.maxRows) &&
    Number.isInteger(g.located) &&
    (g.width as number) >= 1
    ? { width: g.width as number, maxRows: g.maxRows as number, located: g.located as number }
    : null;
}

/** Everything a batch may use, in one round trip. */
export function recall(
  cache: GoogleAppsScript.Cache.Cache,
  ids: readonly string[],
  now = Date.now(),
): Remembered {
  const k = keys();
  const all = cache.getAll([k.grid, k.tags, k.seen, ...ids.map(clipKey)]);
  const taxonomy = parseJson(all[k.tags]) as { at?: unknown; tags?: unknown } | null;
  const tagList =
    taxonomy && typeof taxonomy.at === "number" && now - taxonomy.at < TAGS_FRESH_MS && now >= taxonomy.at
      ? taxonomy.tags
      : null;
  const rows = new Map<string, number>();
  for (const id of ids) {
    const row = Number(all[clipKey(id)]);
    if (Number.isInteger(row) && row >= 2) rows.set(id, row);
  }
  return {
    grid: parseGrid(parseJson(all[k.grid])),
    tags: Array.isArray(tagList) ? new Set(tagList.map(String)) : null,
    seen: decodeSeen(all[k.seen]),
    rows,
  };
}

export interface ToRemember {
  grid: Grid;
  /** The taxonomy just read from the Tags tab (null: keep what is remembered, it was not read). */
  tags: Set<string> | null;
  seen: SeenIds;
  rows: Map<string, number>;
}

/** Everything learned, in one round trip (after the flush: a lost write only costs the next batch a read). */
export function remember(cache: GoogleAppsScript.Cache.Cache, what: ToRemember, now = Date.now()): void {
  const k = keys();
  // Row hints first: a full cache drops its oldest items, and a rewrite counts as new, so the entries
  // every batch needs are written last and are the last to go.
  const entries: Record<string, string> = {};
  for (const [id, row] of what.rows) entries[clipKey(id)] = String(row);
  entries[k.grid] = JSON.stringify(what.grid);
  entries[k.seen] = encodeSeen(what.seen);
  if (what.tags) entries[k.tags] = JSON.stringify({ at: now, tags: [...what.tags] });
  cache.putAll(entries, CACHE_SECONDS);
}
