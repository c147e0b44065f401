// Step 4 of doPost for "clip": every valid clip of the batch lands as one setValues block on Insights,
// under the script lock, once per clip id. Unknown tags join the Tags tab for review.
//
// Recognizing a clip that already landed never reads the Insights tab whole, and a duplicate never points
// at a wrong row, whatever people did to the rows since (sorted, inserted, deleted):
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
// 4. the cache entries (a lost cache write only costs the search, and the deleted-row safeguard above).
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
import { phiNotChecked, type RowFor } from "../../../shared/schema";
import { openTable } from "../sheets/table";
import { exchangeSites } from "./hello";
import { forCoordinator } from "./open";
import type { ScribeRecord } from "./scribeStore";

/** How long a request waits for another execution's append before answering "busy". */
const LOCK_WAIT_MS = 20_000;
const CACHE_SECONDS = 21_600;
const IDS_PER_FINDER = 100;
/** Remembered rows are checked in at most this many reads; more scattered rows are searched instead. */
const MAX_HINT_RUNS = 5;
/** Remembered rows this close together are checked in one read (the rows between are read too). */
const HINT_GAP = 20;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const cacheKey = (id: string) => `clip.${id}`;

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

/**
 * The ids that already landed: each with the row it is in now, or null when the cache knows it landed
 * but its row is gone (a person deleted it).
 */
function landedRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  idColumn: number,
  ids: string[],
  cache: GoogleAppsScript.Cache.Cache,
): Map<string, number | null> {
  const found = new Map<string, number | null>();
  if (ids.length === 0) return found;
  const lastRow = sheet.getLastRow();
  const cached = cache.getAll(ids.map(cacheKey));
  const hints = new Map<string, number>();
  for (const id of ids) {
    const row = Number(cached[cacheKey(id)]);
    if (Number.isInteger(row) && row >= 2 && row <= lastRow) hints.set(id, row);
  }
  confirmHints(sheet, idColumn, hints, found);
  const missing = ids.filter((id) => !found.has(id));
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
  for (const id of missing) if (!found.has(id) && cached[cacheKey(id)]) found.set(id, null);
  return found;
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

/** Tags of the batch the taxonomy does not know (by tag or synonym, any case): added with status "review". */
function addNewTags(
  workbook: Spreadsheet,
  clips: readonly ClipInput[],
  scribe: ScribeRecord,
  insightsColumns: ReadonlyMap<string, number>,
): string[] {
  const wanted = new Map<string, string>();
  for (const clip of clips) {
    for (const tag of clip.tags) if (!wanted.has(tag.toLowerCase())) wanted.set(tag.toLowerCase(), tag);
  }
  if (wanted.size === 0) return [];
  // Without a Tags tab the tags still live in each clip's Tags cell; Set up / repair brings the tab back.
  // The Use count formula points at the Insights tab, whose headers this request has already read.
  const opened = openTable(workbook, "Tags", {
    require: ["tag"],
    knownColumns: [["Insights", insightsColumns]],
  });
  if (!opened.ok) return [];
  const tags = opened.value;
  // The taxonomy is small (tags, not clips): one bounded read of two columns.
  for (const { record } of tags.read({ keys: ["tag", "synonyms"] })) {
    wanted.delete(record.tag.trim().toLowerCase());
    for (const synonym of record.synonyms.split(",")) wanted.delete(synonym.trim().toLowerCase());
  }
  const fresh = [...wanted.values()];
  if (fresh.length === 0) return [];
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
  return fresh;
}

/** The response for a batch whose results are all known. */
export function clipResponse(batch: CheckedBatch, newTags: string[] = []): ClipResponse {
  return { ok: true, v: PROTOCOL_VERSION, op: "clip", results: batch.results as ClipResult[], newTags };
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

  const opened = openTable(workbook, "Insights", { require: ["clipId", "text"] });
  if (!opened.ok) return errorResponse("not_set_up", forCoordinator(opened.error.message), false);
  const insights = opened.value;
  const idColumn = insights.columnOf("clipId") as number;
  // The sites hello sends are the only ones a clip may carry (one read of the Peers tab per batch, and
  // none when no clip names a site).
  const named = valid.some((p) => (p.clip.site ?? "").trim() !== "");
  const labels = named ? exchangeSites(workbook).map((s) => s.label) : [];

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
    const cache = CacheService.getScriptCache();
    const landed = landedRows(insights.sheet, idColumn, [...new Set(valid.map((p) => p.clip.id))], cache);
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

    const cacheEntries: Record<string, string> = {};
    if (fresh.length > 0) {
      const sites = fresh.map((p) => checkClipSite(p.clip.site, labels));
      const { firstRow: first } = insights.append(
        fresh.map((p, i) => insightRecord(p.clip, scribe, sites[i]?.site ?? "")),
        { neutralize: false },
      );
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
        cacheEntries[cacheKey(p.clip.id)] = String(row);
      });
      // Later copies of an id in the same batch point at the row the first copy got.
      for (const pending of valid) {
        const result = results[pending.index];
        const original = firstInBatch.get(pending.clip.id);
        const firstResult = original && original !== pending ? results[original.index] : null;
        if (result?.status === "duplicate" && firstResult?.status === "added") result.row = firstResult.row;
      }
    }
    const newTags = addNewTags(
      workbook,
      valid.map((p) => p.clip),
      scribe,
      insights.located,
    );
    SpreadsheetApp.flush();
    if (fresh.length > 0) cache.putAll(cacheEntries, CACHE_SECONDS);
    return done(newTags);
  } finally {
    lock.releaseLock();
  }
}
