// Step 4 of doPost for "clip": every valid clip of the batch lands as one setValues block on Insights,
// under the script lock, once per clip id. Unknown tags join the Tags tab for review.
//
// Recognizing a clip that already landed never reads the Insights tab whole: first the script cache
// ("clip.<id>" → row, kept 6 hours after a clip lands: covers retries of lost responses), then for ids
// the cache does not know, one TextFinder over the Clip id column per 100 ids (an anchored regular
// expression of the ids), plus getValue/getRow per id it finds. Service calls per batch stay the same at
// 1,000 or 100,000 rows; the scan itself runs on Google's side. Rows a coordinator sorts keep working
// (the id is searched, not its row); the row a duplicate reports is where the clip landed.
//
// Order of writes, so that a failure anywhere leaves nothing half-written and a retry completes the job:
// 1. the Insights block (one setValues: all of it lands or none of it);
// 2. new tags on Tags, computed from every valid clip of the batch, duplicates included, so a retry
//    after a failed tag write adds the tags even though its clips now report "duplicate";
// 3. the cache entries (a lost cache write only costs the TextFinder lookup later).
import { cellText, exceedsCell } from "../../../shared/clip/injection";
import {
  type ClipInput,
  type ClipResponse,
  type ClipResult,
  type ErrorResponse,
  errorResponse,
  PROTOCOL_VERSION,
} from "../../../shared/clip/protocol";
import { checkClip, formatFieldErrors, rawClipId } from "../../../shared/clip/validate";
import { phiNotChecked, type RowFor } from "../../../shared/schema";
import { openTable } from "../sheets/table";
import type { ScribeRecord } from "./scribeStore";

/** How long a request waits for another execution's append before answering "busy". */
export const LOCK_WAIT_MS = 20_000;
const CACHE_SECONDS = 21_600;
const IDS_PER_FINDER = 100;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const cacheKey = (id: string) => `clip.${id}`;

export interface Pending {
  index: number;
  clip: ClipInput;
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
      valid.push({ index, clip: checked.value });
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

/** Rows of the ids that already landed, without reading the Clip id column whole. */
function landedRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  idColumn: number,
  ids: string[],
): Map<string, number> {
  const found = new Map<string, number>();
  if (ids.length === 0) return found;
  const cached = CacheService.getScriptCache().getAll(ids.map(cacheKey));
  for (const id of ids) {
    const row = Number(cached[cacheKey(id)]);
    if (row > 0) found.set(id, row);
  }
  const missing = ids.filter((id) => !found.has(id));
  const lastRow = sheet.getLastRow();
  if (missing.length === 0 || lastRow < 2) return found;
  const column = sheet.getRange(2, idColumn, lastRow - 1, 1);
  for (let at = 0; at < missing.length; at += IDS_PER_FINDER) {
    // Validated UUIDs hold only hex digits and hyphens: nothing to escape in the pattern.
    const pattern = `^(?:${missing.slice(at, at + IDS_PER_FINDER).join("|")})$`;
    const matches = column
      .createTextFinder(pattern)
      .useRegularExpression(true)
      .matchEntireCell(true)
      .findAll();
    for (const match of matches) found.set(String(match.getValue()).trim().toLowerCase(), match.getRow());
  }
  return found;
}

function phiLabel(clip: ClipInput): string {
  return clip.phi.checked ? clip.phi.action : phiNotChecked;
}

/** The Insights record of a clip: every string through the injection guard (cellText). */
function insightRecord(clip: ClipInput, scribe: ScribeRecord): Partial<RowFor<"Insights">> {
  return {
    clipId: cellText(clip.id),
    capturedAt: new Date(Date.parse(clip.capturedAt)),
    session: cellText(clip.session ?? ""),
    platform: cellText(clip.source.platform),
    pageUrl: cellText(clip.source.url),
    pageTitle: cellText(clip.source.title),
    speaker: cellText(clip.speaker ?? ""),
    site: cellText(clip.site ?? ""),
    kind: cellText(clip.kind),
    text: cellText(clip.text),
    tags: cellText(clip.tags.join(", ")),
    scribe: cellText(scribe.name),
    confidential: clip.confidential,
    phiCheck: cellText(phiLabel(clip)),
    reviewStatus: "new",
  };
}

/** Tags of the batch the taxonomy does not know (by tag or synonym, any case): added with status "review". */
function addNewTags(workbook: Spreadsheet, clips: readonly ClipInput[], scribe: ScribeRecord): string[] {
  const wanted = new Map<string, string>();
  for (const clip of clips) {
    for (const tag of clip.tags) if (!wanted.has(tag.toLowerCase())) wanted.set(tag.toLowerCase(), tag);
  }
  if (wanted.size === 0) return [];
  // Without a Tags tab the tags still live in each clip's Tags cell; Set up / repair brings the tab back.
  const opened = openTable(workbook, "Tags", { require: ["tag"] });
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
  if (!opened.ok) return errorResponse("not_set_up", opened.error.message, false);
  const insights = opened.value;
  const idColumn = insights.columnOf("clipId") as number;

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
    const landed = landedRows(insights.sheet, idColumn, [...new Set(valid.map((p) => p.clip.id))]);
    const fresh: Pending[] = [];
    const firstInBatch = new Map<string, Pending>();
    for (const pending of valid) {
      const { id } = pending.clip;
      const row = landed.get(id);
      if (row !== undefined) results[pending.index] = { index: pending.index, id, status: "duplicate", row };
      else if (firstInBatch.has(id))
        results[pending.index] = { index: pending.index, id, status: "duplicate" };
      else {
        firstInBatch.set(id, pending);
        fresh.push(pending);
      }
    }

    const cacheEntries: Record<string, string> = {};
    if (fresh.length > 0) {
      const { firstRow: first } = insights.append(
        fresh.map((p) => insightRecord(p.clip, scribe)),
        { neutralize: false },
      );
      fresh.forEach((p, i) => {
        const row = first + i;
        results[p.index] = {
          index: p.index,
          id: p.clip.id,
          status: "added",
          row,
          truncated: exceedsCell(p.clip.text),
        };
        cacheEntries[cacheKey(p.clip.id)] = String(row);
      });
      // Later copies of an id in the same batch point at the row the first copy got.
      for (const pending of valid) {
        const result = results[pending.index];
        if (result?.status === "duplicate" && result.row === undefined) {
          result.row = Number(cacheEntries[cacheKey(pending.clip.id)]);
        }
      }
    }
    const newTags = addNewTags(
      workbook,
      valid.map((p) => p.clip),
      scribe,
    );
    if (fresh.length > 0) CacheService.getScriptCache().putAll(cacheEntries, CACHE_SECONDS);
    return done(newTags);
  } finally {
    lock.releaseLock();
  }
}
