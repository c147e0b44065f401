// The Best-practice summary sidebar (seed: "Best-Practice Summary" template) and Restore version…:
// every field of a practice, saved as a new version with the previous one in Practice History.
// A save sends the version and the fields it loaded; when the sheet's row changed meanwhile the save is
// refused and the sidebar shows what changed. A new practice is first compared with the existing ones;
// likely duplicates are listed and the coordinator links, merges or goes on.
import {
  changedFields,
  mergePractice,
  nextPracticeId,
  type PracticeContent,
  type PracticeField,
  practiceFields,
} from "../../../shared/methods/practiceDraft";
import { type DuplicateCandidate, likelyDuplicates } from "../../../shared/methods/textSimilarity";
import { column, practiceStatuses } from "../../../shared/schema";
import { guardMenuAction } from "../menuGuard";
import { readSettings } from "../sheets/form";
import { fail, ok, type Result } from "../sheets/result";
import { openWorkbook } from "../sheets/workbook";
import {
  addPractice,
  checkContent,
  fieldLabel,
  findPractice,
  historyOf,
  openPracticeBook,
  type PracticeBook,
  parseSnapshot,
  rereadPracticeBook,
  type StoredPractice,
  saveVersion,
} from "./practiceStore";
import { showStateSidebar } from "./sidebar";
import { unexpected } from "./unexpected";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface FieldView {
  key: PracticeField;
  label: string;
  help: string;
  /** How the sidebar edits it. */
  control: "line" | "text" | "number" | "status" | "readonly";
}

export interface PracticeView {
  fields: FieldView[];
  statuses: string[];
  /** Every practice, for the picker. */
  list: { id: string; title: string; version: number; status: string }[];
  /** The practice shown, or null for a new one. */
  practice: { id: string; version: number; content: PracticeContent } | null;
  /** Its earlier versions, newest first. */
  history: { version: number; savedAt: string; savedBy: string; whatChanged: string; restorable: boolean }[];
  /** "restore": the sidebar opens on the history. */
  mode: "edit" | "restore";
}

export interface SaveOutcome {
  saved: boolean;
  message: string;
  view?: PracticeView;
  /** A new practice's likely duplicates, for the coordinator to choose. */
  duplicates?: DuplicateCandidate[];
}

const CONTROLS: Partial<Record<PracticeField, FieldView["control"]>> = {
  title: "line",
  outcomeMetric: "line",
  outcomeBaseline: "number",
  outcomeResult: "number",
  sourceSite: "line",
  tags: "line",
  status: "status",
  sourceClips: "readonly",
};
const HELP: Partial<Record<PracticeField, string>> = {
  sourceSite: "The site's pseudonym; its real name only where Peers › Permission to identify is ticked.",
  evidence: "Data, documents or links behind the practice; related practices are noted here.",
  sourceClips: "Set by Promote to best practice; each clip's Promoted to points back here.",
};

const fieldViews = (): FieldView[] =>
  practiceFields.map((key) => ({
    key,
    label: fieldLabel(key),
    help: HELP[key] ?? column("Practices", key).note,
    control: CONTROLS[key] ?? "text",
  }));

function viewOf(book: PracticeBook, id: string | null, mode: PracticeView["mode"]): PracticeView {
  const stored = id ? findPractice(book, id) : undefined;
  return {
    fields: fieldViews(),
    statuses: [...practiceStatuses],
    list: book.all.map((p) => ({
      id: p.id,
      title: p.content.title,
      version: p.version,
      status: p.content.status,
    })),
    practice: stored ? { id: stored.id, version: stored.version, content: stored.content } : null,
    history: stored
      ? historyOf(book, stored.id).map(({ snapshot, ...h }) => ({
          ...h,
          restorable: parseSnapshot(snapshot) !== undefined,
        }))
      : [],
    mode,
  };
}

/** The practice of the active Practices row, if the coordinator is on one. */
function activePracticeId(spreadsheet: Spreadsheet, book: PracticeBook): string | null {
  const range = spreadsheet.getActiveRange();
  if (!range || range.getSheet().getSheetId() !== book.practices.sheet.getSheetId()) return null;
  const row = range.getRow();
  return book.all.find((p) => p.row === row)?.id ?? null;
}

function openSidebar(mode: PracticeView["mode"]): void {
  const title = mode === "restore" ? "Restore version" : "Best-practice summary";
  showStateSidebar(title, "practice", (spreadsheet) => {
    const book = openPracticeBook(spreadsheet);
    if (!book.ok) return book;
    if (mode === "restore" && book.value.all.length === 0) {
      return fail(
        "no_practice",
        "There is no practice on the Practices tab yet, so there is no version to restore.",
      );
    }
    return ok(viewOf(book.value, activePracticeId(spreadsheet, book.value), mode));
  });
}

/** Peer Exchange › Best-practice summary…: the practice of the active Practices row, or a picker. */
export function showPracticeSummary(): void {
  guardMenuAction("Best-practice summary", () => openSidebar("edit"));
}

/** Peer Exchange › Restore version…: the same sidebar, opened on the practice's earlier versions. */
export function showRestoreVersion(): void {
  guardMenuAction("Restore version", () => openSidebar("restore"));
}

// ---- google.script.run -------------------------------------------------------------------------------

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function parseContent(raw: unknown, label: string): Result<PracticeContent> {
  if (!isRecord(raw))
    return fail("invalid_payload", `${label} could not be read. Reload the sidebar and try again.`);
  const content = {} as PracticeContent;
  for (const field of practiceFields) {
    const value = raw[field] ?? "";
    if (typeof value !== "string") return fail("invalid_payload", `${fieldLabel(field)} must be text.`);
    content[field] = value.trim();
  }
  return ok(content);
}

function parseId(raw: unknown): string | null {
  return typeof raw === "string" && raw.trim() !== "" ? raw.trim() : null;
}

/** google.script.run: a practice (or a new one when id is empty) and the list to pick from. */
export function getPracticeSummary(id: unknown, mode: unknown = "edit"): Result<PracticeView> {
  try {
    const workbook = openWorkbook();
    if (!workbook.ok) return workbook;
    const book = openPracticeBook(workbook.value);
    if (!book.ok) return book;
    const wanted = parseId(id);
    if (wanted && !findPractice(book.value, wanted))
      return fail(
        "not_found",
        `There is no practice ${wanted} on the Practices tab any more. Pick another one.`,
      );
    return ok(viewOf(book.value, wanted, mode === "restore" ? "restore" : "edit"));
  } catch (error) {
    return unexpected("The practice could not be read", error);
  }
}

const quote = (text: string): string =>
  text === "" ? "(empty)" : `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`;

/** Refuses a save over a row someone changed since the sidebar loaded it, saying what changed. */
function editedMeanwhile(
  stored: StoredPractice,
  baseVersion: number,
  base: PracticeContent,
): Result<never> | null {
  const changed = changedFields(base, stored.content);
  if (stored.version === baseVersion && changed.length === 0) return null;
  const lines = changed.map((f) => `• ${fieldLabel(f)}: ${quote(base[f])} → ${quote(stored.content[f])}`);
  const versions = stored.version === baseVersion ? "" : ` (version ${baseVersion} → ${stored.version})`;
  return fail(
    "edited_meanwhile",
    `Not saved: ${stored.id} was changed on the Practices tab after you opened it${versions}.\n${lines.join("\n")}\n\nCopy what you want to keep, press Reload to see the practice as it is now, then make your changes again.`,
    true,
  );
}

/** Runs a write under the document lock. */
function locked<T>(write: () => Result<T>): Result<T> {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(10_000))
    return fail("busy", "Someone else is saving right now. Try again in a moment.", true);
  try {
    const result = write();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}

/** Saves content over a stored practice, or says nothing changed. Source clips are kept as linked. */
function saveOver(
  book: PracticeBook,
  stored: StoredPractice,
  incoming: PracticeContent,
  note = "",
): Result<SaveOutcome> {
  const content = { ...incoming, sourceClips: stored.content.sourceClips };
  const checked = checkContent(content);
  if (!checked.ok) return checked;
  const changed = changedFields(stored.content, content);
  if (changed.length === 0) {
    return ok({
      saved: false,
      message: `Nothing changed, so nothing was saved: ${stored.id} stays at version ${stored.version}.`,
    });
  }
  const version = saveVersion(book, stored, content, changed, note);
  return ok({
    saved: true,
    message: `Saved ${stored.id} as version ${version} (${changed.map(fieldLabel).join(", ")}); version ${stored.version} is kept in Practice History.`,
    view: viewOf(rereadPracticeBook(book), stored.id, "edit"),
  });
}

function saveNew(
  spreadsheet: Spreadsheet,
  book: PracticeBook,
  content: PracticeContent,
  decision: { action: string; target: string | null } | null,
): Result<SaveOutcome> {
  const checked = checkContent({ ...content, sourceClips: "" });
  if (!checked.ok) return checked;
  const draft = checked.value;
  if (!decision) {
    const threshold = Number(readSettings(spreadsheet).duplicateThreshold);
    const existing = book.all.map((p) => ({
      id: p.id,
      title: p.content.title,
      problemStatement: p.content.problemStatement,
    }));
    const duplicates = likelyDuplicates(draft, existing, threshold).slice(0, 5);
    if (duplicates.length > 0) {
      return ok({
        saved: false,
        duplicates,
        message: `Not saved yet: ${duplicates.length === 1 ? "an existing practice looks" : `${duplicates.length} existing practices look`} like this one. Link it, merge it into one, or save it as a new practice.`,
      });
    }
  }
  const target = decision?.target ? findPractice(book, decision.target) : undefined;
  if (decision && decision.action !== "new" && !target) {
    return fail(
      "not_found",
      `There is no practice ${decision.target ?? ""} on the Practices tab any more. Reload the sidebar.`,
    );
  }
  if (decision?.action === "merge" && target) {
    const merged = mergePractice(target.content, draft);
    return saveOver(book, target, merged, "merged a new summary");
  }
  const id = nextPracticeId(book.all.map((p) => p.id));
  const related = decision?.action === "link" && target ? `Related: ${target.id}` : "";
  const evidence =
    related && !draft.evidence.includes(related)
      ? [draft.evidence, related].filter((t) => t !== "").join("\n")
      : draft.evidence;
  addPractice(book, id, { ...draft, evidence });
  return ok({
    saved: true,
    message: `Saved the new practice ${id} (version 1)${related ? `, noted as related to ${target?.id}` : ""}.`,
    view: viewOf(rereadPracticeBook(book), id, "edit"),
  });
}

/**
 * google.script.run: saves the sidebar's fields.
 * payload: { id?, baseVersion?, base?, content, decision?: { action: "link" | "merge" | "new", target? } }
 */
export function savePracticeSummary(payload: unknown): Result<SaveOutcome> {
  try {
    if (!isRecord(payload))
      return fail("invalid_payload", "The practice could not be read. Reload the sidebar and try again.");
    const content = parseContent(payload.content, "The practice");
    if (!content.ok) return content;
    const id = parseId(payload.id);
    let decision: { action: string; target: string | null } | null = null;
    if (payload.decision !== undefined && payload.decision !== null) {
      const d = payload.decision;
      if (!isRecord(d) || !["link", "merge", "new"].includes(String(d.action)))
        return fail("invalid_payload", "Choose link, merge or save as new.");
      decision = { action: String(d.action), target: parseId(d.target) };
    }
    const workbook = openWorkbook();
    if (!workbook.ok) return workbook;
    return locked(() => {
      const book = openPracticeBook(workbook.value);
      if (!book.ok) return book;
      if (!id) return saveNew(workbook.value, book.value, content.value, decision);
      const stored = findPractice(book.value, id);
      if (!stored)
        return fail("not_found", `Not saved: ${id} is no longer on the Practices tab. Reload the sidebar.`);
      const base = parseContent(payload.base, "The practice as loaded");
      if (!base.ok) return base;
      const baseVersion = typeof payload.baseVersion === "number" ? payload.baseVersion : Number.NaN;
      const meanwhile = editedMeanwhile(stored, baseVersion, base.value);
      if (meanwhile) return meanwhile;
      return saveOver(book.value, stored, content.value);
    });
  } catch (error) {
    return unexpected("The practice could not be saved", error);
  }
}

/**
 * google.script.run: brings an earlier version back as the next version (its history kept). Source
 * clips stay as they are: the clips still point at the practice.
 * payload: { id, version, baseVersion }
 */
export function restorePracticeVersion(payload: unknown): Result<SaveOutcome> {
  try {
    if (!isRecord(payload))
      return fail("invalid_payload", "The version could not be read. Reload the sidebar.");
    const id = parseId(payload.id);
    const version = payload.version;
    if (!id || typeof version !== "number" || !Number.isInteger(version))
      return fail("invalid_payload", "Pick a practice and one of its versions.");
    const workbook = openWorkbook();
    if (!workbook.ok) return workbook;
    return locked(() => {
      const book = openPracticeBook(workbook.value);
      if (!book.ok) return book;
      const stored = findPractice(book.value, id);
      if (!stored) return fail("not_found", `${id} is no longer on the Practices tab. Reload the sidebar.`);
      if (typeof payload.baseVersion === "number" && payload.baseVersion !== stored.version) {
        return fail(
          "edited_meanwhile",
          `Not restored: ${id} was saved again after you opened it (version ${payload.baseVersion} → ${stored.version}). Press Reload, then choose the version again.`,
          true,
        );
      }
      if (version === stored.version)
        return ok({
          saved: false,
          message: `Version ${version} is the current version of ${id}: nothing to restore.`,
        });
      const entry = historyOf(book.value, id).find((h) => h.version === version);
      if (!entry) return fail("not_found", `Practice History has no version ${version} of ${id}.`);
      const snapshot = parseSnapshot(entry.snapshot);
      if (!snapshot) {
        return fail(
          "unreadable",
          `Version ${version} of ${id} cannot be restored: its “Previous version” cell in Practice History is not a whole saved version (it was cut or edited).`,
        );
      }
      const restored = saveOver(book.value, stored, snapshot.content, `restored version ${version}`);
      if (!restored.ok || !restored.value.saved) return restored;
      return ok({
        ...restored.value,
        message: `Restored version ${version} of ${id} as version ${stored.version + 1}; version ${stored.version} is kept in Practice History.`,
      });
    });
  } catch (error) {
    return unexpected("The version could not be restored", error);
  }
}
