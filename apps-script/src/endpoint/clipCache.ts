// What the clip endpoint remembers between requests in the script cache, read with one getAll and written
// with one putAll per batch: the Insights grid (width, height), the tags the taxonomy knows, the sites'
// pseudonyms, the ids it wrote (seenIds.ts) and the row each clip landed in. Keys carry a schema version, so a release that
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

/** Pseudonyms as last read from the Peers tab, used for 10 minutes. Only pseudonyms: a site's real name is
 * checked against the tab every time, so a permission withdrawn counts from the next clip on. */
const SITES_FRESH_MS = 10 * 60_000;

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
  return {
    grid: `insights.grid.${v}`,
    tags: `tags.known.${v}`,
    sites: `sites.pseudonyms.${v}`,
    seen: `clips.seen.${v}`,
  };
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
  /** The exchange's sites that are shown by pseudonym, as labels, or null when forgotten. */
  pseudonyms: string[] | null;
  seen: SeenIds | null;
  /** Row each clip id landed in, as remembered. */
  rows: Map<string, number>;
}

/** A list remembered at `at`, if still fresh. */
function freshList(value: unknown, freshMs: number, now: number, field: "tags" | "labels"): unknown[] | null {
  const kept = value as { at?: unknown; tags?: unknown; labels?: unknown } | null;
  const list = kept?.[field];
  return kept &&
    typeof kept.at === "number" &&
    now - kept.at < freshMs &&
    now >= kept.at &&
    Array.isArray(list)
    ? list
    : null;
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
  const all = cache.getAll([k.grid, k.tags, k.sites, k.seen, ...ids.map(clipKey)]);
  const tagList = freshList(parseJson(all[k.tags]), TAGS_FRESH_MS, now, "tags");
  const pseudonyms = freshList(parseJson(all[k.sites]), SITES_FRESH_MS, now, "labels");
  const rows = new Map<string, number>();
  for (const id of ids) {
    const row = Number(all[clipKey(id)]);
    if (Number.isInteger(row) && row >= 2) rows.set(id, row);
  }
  return {
    grid: parseGrid(parseJson(all[k.grid])),
    tags: tagList ? new Set(tagList.map(String)) : null,
    pseudonyms: pseudonyms ? pseudonyms.map(String) : null,
    seen: decodeSeen(all[k.seen]),
    rows,
  };
}

export interface ToRemember {
  grid: Grid;
  /** The taxonomy just read from the Tags tab (null: keep what is remembered, it was not read). */
  tags: Set<string> | null;
  /** The pseudonyms just read from the Peers tab (null: keep what is remembered, it was not read). */
  pseudonyms: string[] | null;
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
  if (what.pseudonyms) entries[k.sites] = JSON.stringify({ at: now, labels: what.pseudonyms });
  cache.putAll(entries, CACHE_SECONDS);
}
