// Step 4 of doPost for "clip": every valid clip of the batch lands as one setValues block on Insights,
// under the script lock, once per clip id. Unknown tags join the Tags tab for review.
//
// Round trips: on Google each read, write, flush or structural call is a trip of tens of milliseconds,
// held under the script lock while other scribes wait. With the script cache warm (clipCache.ts) a batch
// of any size costs six spreadsheet round trips: openById, getSheetByName, one read of the header row
// (which also checks the remembered layout: a column a coordinator moved or renamed is found there), the
// last row, one setValues and one flush. The Tags tab is read only when a clip carries a tag the
// remembered taxonomy lacks, and the Peers tab only when a clip names a site (the naming rule must see
// today's permissions).
//
// Recognizing a clip that already landed never reads the Insights tab whole while the cache holds the
// ids the endpoint wrote (seenIds.ts: a filter sized to the tab, rebuilt bigger, one read, each time the
// tab doubles), and a duplicate never points at a wrong row, whatever people did
// to the rows since (sorted, inserted, deleted):
// 0. ids the filter has certainly never seen are new: no search. Rows below the filter's last row (a
//    person's or a concurrent execution's) are read and added first; with the filter lost, the Clip id
//    column is read once and the filter rebuilt from it;
// 1. the script cache remembers for 6 hours the row each clip landed in ("clip.<id>" → row). A retried
//    batch landed as one block, so its remembered rows form a few runs: one getValues of the Clip id
//    column per run confirms the ids still sit there (at most MAX_HINT_RUNS runs, else step 2 for all);
// 2. ids not confirmed that way: one TextFinder over the Clip id column per 100 ids (an anchored regular
//    expression of the ids), plus getValue/getRow per id it finds; the scan runs on Google's side;
// 3. an id the cache remembers but neither step finds had its row deleted by a person: it is reported
//    duplicate without a row rather than landing a second time.
// Service calls per batch stay the same at 1,000 or 100,000 rows.
//
// Order of writes, so that a failure anywhere leaves nothing half-written and a retry completes the job:
// 1. the Insights block (one setValues: all of it lands or none of it);
// 2. new tags on Tags, computed from every valid clip of the batch, duplicates included, so a retry
//    after a failed tag write adds the tags even though its clips now report "duplicate";
// 3. SpreadsheetApp.flush() while the lock is still held, so the next execution's search and append see
//    these rows (Apps Script may otherwise apply them after the lock is released);
// 4. the cache entries (a lost cache write only costs the next batch a read, and the deleted-row
//    safeguard above).
import { cellText, cellTextCut } from "../../../shared/clip/injection";
import {
  type ClipInput,
  type ClipResponse,
  type ClipResult,
  type ErrorResponse,
  errorResponse,
  PROTOCOL_VERSION,
} from "../../../shared/clip/protocol";
import { checkClip, checkClipSite, formatFieldErrors, rawClipId } from "../../../shared/clip/validate";
import { matchSiteLabel } from "../../../shared/methods/pseudonyms";
import { phiNotChecked, type RowFor, tab } from "../../../shared/schema";
import { locateColumns, readHeaderRow } from "../sheets/headers";
import { missingTabMessage, openTable, type Table } from "../sheets/table";
import { type Grid, recall, remember } from "./clipCache";
import { exchangeSites } from "./hello";
import { forCoordinator } from "./open";
import type { ScribeRecord } from "./scribeStore";
import { addSeen, emptySeenIds, maybeSeen, overfull, type SeenIds } from "./seenIds";

/** How long a request waits for another execution's append before answering "busy". */
const LOCK_WAIT_MS = 20_000;
const IDS_PER_FINDER = 100;
/** Remembered rows are checked in at most this many reads; more scattered rows are searched instead. */
const MAX_HINT_RUNS = 5;
/** Remembered rows this close together are checked in one read (the rows between are read too). */
const HINT_GAP = 20;
/** Rows added beyond a batch when Insights must grow: later batches then append without growing it. */
const GROW_HEADROOM = 500;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Pending {
  index: number;
  clip: ClipInput;
  /** Fields (e.g. "text", "source.title") that had invisible or reordering characters removed. */
  neutralized: string[];
}

/** Results so far (null for clips still to append) and the clips that passed validation. */
export interface CheckedBatch {
  results: (ClipResult | null)[];
  valid: Pending[];
}

/** Step 3: each clip checked on its own, so valid clips land even when others are refused. */
export function validateBatch(clips: readonly unknown[]): CheckedBatch {
  const results: (ClipResult | null)[] = [];
  const valid: Pending[] = [];
  clips.forEach((raw, index) => {
    const checked = checkClip(raw, `clips[${index}]`);
    if (checked.ok) {
      const prefix = `clips[${index}].`;
      const neutralized = checked.neutralized.map((path) => path.slice(prefix.length));
      valid.push({ index, clip: checked.value, neutralized });
      results.push(null);
    } else {
      results.push({
        index,
        id: rawClipId(raw),
        status: "rejected",
        reason: formatFieldErrors(checked.errors),
      });
    }
  });
  return { results, valid };
}

/** Runs [from, to] covering the rows, merging rows at most HINT_GAP apart. */
function rowRuns(rows: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const row of [...new Set(rows)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && row - last[1] <= HINT_GAP) last[1] = row;
    else runs.push([row, row]);
  }
  return runs;
}

/** Step 1: the remembered rows that still hold their clip's id. */
function confirmHints(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  idColumn: number,
  hints: Map<string, number>,
  found: Map<string, number | null>,
): void {
  const runs = rowRuns([...hints.values()]);
  if (runs.length === 0 || runs.length > MAX_HINT_RUNS) return;
  const idAt = new Map<number, string>();
  for (const [from, to] of runs) {
    const values = sheet.getRange(from, idColumn, to - from + 1, 1).getValues();
    values.forEach((cells, i) => {
      idAt.set(from + i, String(cells[0]).trim().toLowerCase());
    });
  }
  for (const [id, row] of hints) if (idAt.get(row) === id) found.set(id, row);
}

/** Ids read from the Clip id column, with the first (top) row each sits in. */
function readIds(sheet: Sheet, idColumn: number, from: number, to: number, into: Map<string, number>): void {
  if (to < from) return;
  const values = sheet.getRange(from, idColumn, to - from + 1, 1).getValues();
  values.forEach((cells, i) => {
    const id = String(cells[0] ?? "")
      .trim()
      .toLowerCase();
    if (id !== "" && !into.has(id)) into.set(id, from + i);
  });
}

/**
 * Step 0: the filter of ids the endpoint wrote, brought up to `lastRow` (rebuilt from one read of the
 * column when the cache lost it), and the ids that read found with their rows.
 */
function seenThrough(
  sheet: Sheet,
  idColumn: number,
  remembered: SeenIds | null,
  lastRow: number,
): { seen: SeenIds; read: Map<string, number> } {
  const read = new Map<string, number>();
  const seen = remembered ?? emptySeenIds(lastRow);
  // Rows deleted since: the filter still holds their ids, a superset that costs at most a search.
  if (seen.through > lastRow) seen.through = Math.max(1, lastRow);
  readIds(sheet, idColumn, Math.max(2, seen.through + 1), lastRow, read);
  for (const id of read.keys()) addSeen(seen, id);
  seen.through = Math.max(1, lastRow);
  return { seen, read };
}

/**
 * The ids that already landed: each with the row it is in now, or null when the cache knows it landed
 * but its row is gone (a person deleted it).
 */
function landedRows(
  sheet: Sheet,
  idColumn: number,
  ids: string[],
  lastRow: number,
  remembered: { seen: SeenIds | null; rows: Map<string, number> },
): { found: Map<string, number | null>; seen: SeenIds } {
  const found = new Map<string, number | null>();
  // A filter grown past its size is rebuilt bigger from the column, as a lost one is.
  const kept = remembered.seen && !overfull(remembered.seen) ? remembered.seen : null;
  const { seen, read } = seenThrough(sheet, idColumn, kept, lastRow);
  for (const id of ids) {
    const row = read.get(id);
    if (row !== undefined) found.set(id, row);
  }
  // A full read (the filter was lost) settled every id; otherwise only ids the filter may have seen, or
  // the cache remembers, need looking for.
  const unsure = kept
    ? ids.filter((id) => !found.has(id) && (maybeSeen(seen, id) || remembered.rows.has(id)))
    : [];
  const hints = new Map<string, number>();
  for (const id of unsure) {
    const row = remembered.rows.get(id);
    if (row !== undefined && row <= lastRow) hints.set(id, row);
  }
  confirmHints(sheet, idColumn, hints, found);
  const missing = unsure.filter((id) => !found.has(id));
  if (lastRow >= 2 && missing.length > 0) {
    const column = sheet.getRange(2, idColumn, lastRow - 1, 1);
    for (let at = 0; at < missing.length; at += IDS_PER_FINDER) {
      // Validated UUIDs hold only hex digits and hyphens: nothing to escape in the pattern.
      const pattern = `^(?:${missing.slice(at, at + IDS_PER_FINDER).join("|")})$`;
      const matches = column
        .createTextFinder(pattern)
        .useRegularExpression(true)
        .matchEntireCell(true)
        .findAll();
      for (const match of matches) {
        const id = String(match.getValue()).trim().toLowerCase();
        // A row a person copied holds the id twice: the first (top) one is reported.
        if (!found.has(id)) found.set(id, match.getRow());
      }
    }
  }
  for (const id of ids) if (!found.has(id) && remembered.rows.has(id)) found.set(id, null);
  return { found, seen };
}

/**
 * The Insights header row: one read over the remembered width, which also checks the remembered layout
 * (columns are located by header in what it returns, so a column a coordinator moved or renamed is seen);
 * the full row (last column, then the read) when nothing is remembered, the tab is narrower now, or fewer
 * schema columns are within the remembered width than when it was remembered.
 */
function insightsHeaders(sheet: Sheet, grid: Grid | null): string[] {
  if (grid) {
    try {
      const row = sheet.getRange(1, 1, 1, grid.width).getValues()[0] ?? [];
      const headers = row.map((cell) => (cell === null || cell === undefined ? "" : String(cell)));
      if (locateColumns(headers, tab("Insights").columns).size >= grid.located) return headers;
    } catch {
      // Columns deleted since: getRange refuses a width the tab no longer has; read the row afresh.
    }
  }
  return readHeaderRow(sheet);
}

function phiLabel(clip: ClipInput): string {
  return clip.phi.checked ? clip.phi.action : phiNotChecked;
}

/**
 * The Insights record of a clip: every free-text string through the injection guard (cellText); values
 * from the protocol's closed lists go in plain. `site` is the
 * clip's site already checked against the exchange's (checkClipSite), never the text as typed.
 */
function insightRecord(clip: ClipInput, scribe: ScribeRecord, site: string): Partial<RowFor<"Insights">> {
  return {
    clipId: cellText(clip.id),
    capturedAt: new Date(Date.parse(clip.capturedAt)),
    session: cellText(clip.session ?? ""),
    // Kind, platform and PHI check come from closed lists the validator enforced: written plain, as the
    // strict dropdowns expect (a quote-prefixed "'insight" may not match the list on Google).
    platform: clip.source.platform,
    pageUrl: cellText(clip.source.url),
    pageTitle: cellText(clip.source.title),
    speaker: cellText(clip.speaker ?? ""),
    site: cellText(site),
    kind: clip.kind,
    text: cellText(clip.text),
    tags: cellText(clip.tags.join(", ")),
    scribe: cellText(scribe.name),
    confidential: clip.confidential,
    phiCheck: phiLabel(clip),
    reviewStatus: "new",
  };
}

/**
 * Tags of the batch the taxonomy does not know (by tag or synonym, any case): added with status "review".
 * `known` is the taxonomy as remembered: when it knows every tag of the batch the Tags tab is not read.
 * Returns the new tags and the taxonomy as read now (null when the Tags tab was not read).
 */
function addNewTags(
  workbook: Spreadsheet,
  clips: readonly ClipInput[],
  scribe: ScribeRecord,
  insightsColumns: ReadonlyMap<string, number>,
  known: Set<string> | null,
): { fresh: string[]; read: Set<string> | null } {
  const wanted = new Map<string, string>();
  for (const clip of clips) {
    for (const tag of clip.tags) if (!wanted.has(tag.toLowerCase())) wanted.set(tag.toLowerCase(), tag);
  }
  if (wanted.size === 0 || (known && [...wanted.keys()].every((t) => known.has(t))))
    return { fresh: [], read: null };
  // Without a Tags tab the tags still live in each clip's Tags cell; Set up / repair brings the tab back.
  // The Use count formula points at the Insights tab, whose headers this request has already read.
  const opened = openTable(workbook, "Tags", {
    require: ["tag"],
    knownColumns: [["Insights", insightsColumns]],
  });
  if (!opened.ok) return { fresh: [], read: null };
  const tags = opened.value;
  // The taxonomy is small (tags, not clips): one bounded read of two columns, remembered afterwards.
  const taxonomy = new Set<string>();
  for (const { record } of tags.read({ keys: ["tag", "synonyms"] })) {
    taxonomy.add(record.tag.trim().toLowerCase());
    for (const synonym of record.synonyms.split(",")) taxonomy.add(synonym.trim().toLowerCase());
  }
  taxonomy.delete("");
  const fresh = [...wanted].filter(([lower]) => !taxonomy.has(lower)).map(([, tag]) => tag);
  for (const tag of fresh) taxonomy.add(tag.toLowerCase());
  if (fresh.length === 0) return { fresh, read: taxonomy };
  const now = new Date();
  tags.append(
    fresh.map((tag) => ({
      tag: cellText(tag),
      status: "review",
      addedBy: cellText(scribe.name),
      addedAt: now,
    })),
    { neutralize: false },
  );
  return { fresh, read: taxonomy };
}

/** The response for a batch whose results are all known. */
export function clipResponse(batch: CheckedBatch, newTags: string[] = []): ClipResponse {
  return { ok: true, v: PROTOCOL_VERSION, op: "clip", results: batch.results as ClipResult[], newTags };
}

/**
 * The sites hello sends are the only ones a clip may carry. A batch whose sites are all pseudonyms the
 * cache remembers reads nothing; a real name, or a site the cache does not know, reads the Peers tab, so a
 * permission withdrawn counts from the next clip on. A stale pseudonym can only land a pseudonym.
 */
function siteLabels(
  workbook: Spreadsheet,
  valid: readonly Pending[],
  remembered: readonly string[] | null,
): { labels: readonly string[]; pseudonyms: string[] | null } {
  const named = valid.map((p) => p.clip.site ?? "").filter((site) => site.trim() !== "");
  if (named.length === 0) return { labels: [], pseudonyms: null };
  if (remembered && named.every((site) => matchSiteLabel(site, remembered) !== undefined))
    return { labels: remembered, pseudonyms: null };
  const sites = exchangeSites(workbook);
  return {
    labels: sites.map((s) => s.label),
    pseudonyms: sites.filter((s) => !s.identified).map((s) => s.label),
  };
}

/** Step 4: the valid clips of a checked batch land, or are recognized as already landed. */
export function appendClips(
  workbook: Spreadsheet,
  batch: CheckedBatch,
  scribe: ScribeRecord,
): ClipResponse | ErrorResponse {
  const { results, valid } = batch;
  const done = (newTags: string[]): ClipResponse => clipResponse(batch, newTags);
  if (valid.length === 0) return done([]);

  const ids = [...new Set(valid.map((p) => p.clip.id))];
  const cache = CacheService.getScriptCache();
  const memory = recall(cache, ids);
  const sheet = workbook.getSheetByName("Insights");
  if (!sheet) return errorResponse("not_set_up", forCoordinator(missingTabMessage("Insights")), false);
  const headers = insightsHeaders(sheet, memory.grid);
  const opened = openTable(workbook, "Insights", { require: ["clipId", "text"], headers, sheet });
  if (!opened.ok) return errorResponse("not_set_up", forCoordinator(opened.error.message), false);
  const insights: Table<"Insights"> = opened.value;
  const idColumn = insights.columnOf("clipId") as number;
  const { labels, pseudonyms } = siteLabels(workbook, valid, memory.pseudonyms);

  const lock = LockService.getScriptLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    return errorResponse(
      "busy",
      "The workbook is busy saving other clips. The extension will try again shortly.",
      true,
      5,
    );
  }
  try {
    const lastRow = sheet.getLastRow();
    const { found: landed, seen } = landedRows(sheet, idColumn, ids, lastRow, memory);
    const fresh: Pending[] = [];
    const firstInBatch = new Map<string, Pending>();
    for (const pending of valid) {
      const { id } = pending.clip;
      const row = landed.get(id);
      if (row === null) results[pending.index] = { index: pending.index, id, status: "duplicate" };
      else if (row !== undefined)
        results[pending.index] = { index: pending.index, id, status: "duplicate", row };
      else if (firstInBatch.has(id))
        results[pending.index] = { index: pending.index, id, status: "duplicate" };
      else {
        firstInBatch.set(id, pending);
        fresh.push(pending);
      }
    }

    const landedAt = new Map<string, number>();
    let maxRows = memory.grid?.maxRows;
    if (fresh.length > 0) {
      const sites = fresh.map((p) => checkClipSite(p.clip.site, labels));
      const appended = insights.append(
        fresh.map((p, i) => insightRecord(p.clip, scribe, sites[i]?.site ?? "")),
        {
          neutralize: false,
          lastRow,
          headroom: GROW_HEADROOM,
          ...(maxRows !== undefined ? { maxRows } : {}),
        },
      );
      maxRows = appended.maxRows;
      const first = appended.firstRow;
      fresh.forEach((p, i) => {
        const row = first + i;
        const note = sites[i]?.note;
        results[p.index] = {
          index: p.index,
          id: p.clip.id,
          status: "added",
          row,
          truncated: cellTextCut(p.clip.text),
          ...(p.neutralized.length > 0 ? { neutralized: p.neutralized } : {}),
          ...(note ? { note } : {}),
        };
        // A hint only: landedRows checks the row still holds the id before it reports it.
        landedAt.set(p.clip.id, row);
        addSeen(seen, p.clip.id);
      });
      seen.through = Math.max(seen.through, first + fresh.length - 1);
      // Later copies of an id in the same batch point at the row the first copy got.
      for (const pending of valid) {
        const result = results[pending.index];
        const original = firstInBatch.get(pending.clip.id);
        const firstResult = original && original !== pending ? results[original.index] : null;
        if (result?.status === "duplicate" && firstResult?.status === "added") result.row = firstResult.row;
      }
    }
    const tags = addNewTags(
      workbook,
      valid.map((p) => p.clip),
      scribe,
      insights.located,
      memory.tags,
    );
    SpreadsheetApp.flush();
    remember(cache, {
      grid: {
        width: insights.headers.length,
        maxRows: maxRows ?? seen.through,
        located: insights.located.size,
      },
      tags: tags.read,
      pseudonyms,
      seen,
      rows: landedAt,
    });
    return done(tags.fresh);
  } finally {
    lock.releaseLock();
  }
}
