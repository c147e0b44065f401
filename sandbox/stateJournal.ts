// The sandbox's state on disk: a base snapshot plus an append-only journal of what each request changed
// (the rows it wrote, the small sections it touched), fsynced before the answer goes out and compacted
// into a new base once it grows. A clip costs a few hundred bytes on disk, not the whole workbook.
// Requests that arrive together share one fsync (group commit): each request's entry is appended while
// the previous write is still syncing, and each answer waits until its own entry is on disk.
import {
  closeSync,
  existsSync,
  fstatSync,
  fsync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  write,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import type { CacheChanges } from "./emulator/cache.ts";
import {
  applyStoreDelta,
  deltaHasCells,
  type Emulator,
  type EmulatorState,
  type StoreDelta,
} from "./emulator/index.ts";

interface JournalLine {
  /** What changed in the sections, as a patch: objects merge key by key, anything else is replaced. */
  sections: Patch;
  workbooks: StoreDelta;
}
type Patch = unknown;

const DELETED = { $deleted: 1 };
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isDeleted = (v: unknown): boolean => isObject(v) && Object.keys(v).length === 1 && v.$deleted === 1;

/** The patch that turns `before` into `after` (undefined when equal): a cache entry, not the cache. */
export function diff(before: unknown, after: unknown): Patch | undefined {
  if (before === after) return undefined;
  if (isObject(before) && isObject(after)) {
    const patch: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(after)) {
      const change = diff(before[key], value);
      if (change !== undefined) patch[key] = change;
    }
    for (const key of Object.keys(before)) if (!(key in after)) patch[key] = DELETED;
    return Object.keys(patch).length > 0 ? patch : undefined;
  }
  return JSON.stringify(before) === JSON.stringify(after) ? undefined : after;
}

export function applyPatch(before: unknown, patch: Patch): unknown {
  if (!isObject(patch) || !isObject(before) || isDeleted(patch)) return patch;
  const after: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(patch)) {
    if (isDeleted(value)) delete after[key];
    else after[key] = applyPatch(before[key], value);
  }
  return after;
}

/** Compaction starts once the journal passes this size and the size of the base. */
const MIN_COMPACT_BYTES = 8 * 1024 * 1024;

function writeDurably(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, "w");
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  // The rename itself is durable once the folder is synced.
  const dir = openSync(dirname(file), "r");
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/**
 * Each section's JSON by name, the cache left out (it is journaled key by key as it changes): the journal
 * compares texts and parses only the sections that changed.
 */
function sectionTexts(emulator: Emulator): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [key, part] of Object.entries(emulator.sectionParts))
    if (key !== "cache") texts.set(key, JSON.stringify(part()));
  return texts;
}

/** The cache's changes as a patch, or "all" when it was replaced whole (write a new base then). */
function cachePatch(emulator: Emulator): Patch | undefined | "all" {
  const changes = emulator.cache.takeChanges();
  if (changes === "all") return "all";
  const patch: Record<string, Record<string, unknown>> = {};
  const entries = (changed: CacheChanges) =>
    Object.fromEntries(Object.entries(changed).map(([key, entry]) => [key, entry ?? DELETED]));
  if (Object.keys(changes.script).length > 0) patch.script = entries(changes.script);
  for (const scope of ["user", "document"] as const) {
    const owners = Object.entries(changes[scope]);
    if (owners.length > 0)
      patch[scope] = Object.fromEntries(owners.map(([owner, changed]) => [owner, entries(changed)]));
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** Each book's and sheet's frame (names, sizes, named ranges, charts …) as JSON, by id. */
function framesOf(delta: StoreDelta): Map<string, string> {
  const frames = new Map<string, string>();
  for (const { sheets, ...book } of delta.books) {
    frames.set(book.id, JSON.stringify(book));
    for (const { parts: _parts, ...frame } of sheets)
      frames.set(`${book.id}/${frame.id}`, JSON.stringify(frame));
  }
  return frames;
}

/** The delta with unchanged frames left out ({ id, same: true, … }): they are most of its size. */
function withoutUnchangedFrames(
  delta: StoreDelta,
  before: Map<string, string>,
  now: Map<string, string>,
): StoreDelta {
  const unchanged = (key: string) => before.get(key) === now.get(key);
  return {
    ...delta,
    books: delta.books.map((book) => {
      const sheets = book.sheets.map((sheet) =>
        unchanged(`${book.id}/${sheet.id}`)
          ? ({ id: sheet.id, parts: sheet.parts, same: true } as unknown as typeof sheet)
          : sheet,
      );
      return unchanged(book.id)
        ? ({ id: book.id, same: true, sheets } as unknown as typeof book)
        : { ...book, sheets };
    }),
  };
}

/** A journal entry waiting for its fsync, and the requests that wait for it. */
interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

const writeSome = (fd: number, bytes: Buffer) =>
  new Promise<number>((resolve, reject) =>
    write(fd, bytes, 0, bytes.length, null, (error, written) => (error ? reject(error) : resolve(written))),
  );

/** Appends all of `bytes` (a write may take only part of them). */
async function appendAll(fd: number, bytes: Buffer): Promise<void> {
  for (let at = 0; at < bytes.length; ) at += await writeSome(fd, bytes.subarray(at));
}
const sync = (fd: number) =>
  new Promise<void>((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));

export class StateJournal {
  private readonly journalFile: string;
  private fd: number | null = null;
  private generation = 0;
  private baseBytes = 0;
  private journalBytes = 0;
  /** The last saved sections: each one's JSON and its parsed form (the diff's starting point). */
  private lastTexts = new Map<string, string>();
  private lastSections = new Map<string, unknown>();
  private lastFrames = new Map<string, string>();
  /** Entries appended since the last write started, and the requests waiting on them. */
  private pending: string[] = [];
  private waiters: Waiter[] = [];
  /** The write and fsync under way, if any; settles once every entry taken so far is durable. */
  private flushing: Promise<void> | null = null;
  /** Settles once everything recorded so far is on disk. */
  private durable: Promise<void> = Promise.resolve();
  /** The emulator last saved, compacted when the journal outgrows its base. */
  private emulator: Emulator | null = null;
  /** A write failed: the next save rewrites the whole state rather than append after a torn line. */
  private broken = false;

  constructor(private readonly file: string) {
    this.journalFile = `${file}.journal`;
  }

  /** The saved state: the base with every whole journal line after it applied; undefined when none. */
  load(): EmulatorState | undefined {
    if (!existsSync(this.file)) return undefined;
    let state: EmulatorState & { journalGeneration?: number };
    try {
      state = JSON.parse(readFileSync(this.file, "utf8")) as typeof state;
    } catch (error) {
      throw new Error(
        `The sandbox state file ${this.file} is not valid JSON (${String(error)}). Move it aside to start fresh.`,
      );
    }
    this.generation = state.journalGeneration ?? 0;
    if (!existsSync(this.journalFile)) return state;
    const [header, ...lines] = readFileSync(this.journalFile, "utf8").split("\n");
    // A journal from before the base was last written holds changes the base already has.
    if (header !== JSON.stringify({ generation: this.generation })) return state;
    for (const line of lines) {
      if (line === "") continue;
      let entry: JournalLine;
      try {
        entry = JSON.parse(line) as JournalLine;
      } catch {
        break; // a line cut short by a crash: the request it belongs to was never answered
      }
      const { spreadsheets, ...sections } = state;
      Object.assign(state, applyPatch(sections, entry.sections));
      state.spreadsheets = applyStoreDelta(spreadsheets, entry.workbooks);
    }
    return state;
  }

  /**
   * Writes the whole state as a new base and starts an empty journal (on boot, reset or compaction).
   * Everything recorded so far is in the new base, so the requests waiting on its entries are answered.
   */
  compact(emulator: Emulator): void {
    // A write still under way keeps its own descriptor (closed when it ends) and lands in the replaced file.
    if (this.flushing === null) this.close();
    this.fd = null;
    this.generation += 1;
    mkdirSync(dirname(this.file), { recursive: true });
    const text = `${emulator.snapshotText().slice(0, -1)},"journalGeneration":${this.generation}}`;
    writeDurably(this.file, text);
    this.baseBytes = Buffer.byteLength(text);
    writeDurably(this.journalFile, `${JSON.stringify({ generation: this.generation })}\n`);
    this.fd = openSync(this.journalFile, "a");
    this.journalBytes = fstatSync(this.fd).size;
    this.broken = false;
    this.emulator = emulator;
    // Everything is in the base now: later deltas start from here.
    this.lastFrames = framesOf(emulator.spreadsheets.delta(true));
    this.lastTexts = sectionTexts(emulator);
    this.lastSections = new Map([...this.lastTexts].map(([key, text]) => [key, JSON.parse(text)]));
    emulator.cache.takeChanges();
    this.pending = [];
    this.durable = Promise.resolve();
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
  }

  /** Settles once no write is under way (before closing). */
  async idle(): Promise<void> {
    while (this.flushing !== null) await this.flushing.catch(() => undefined);
  }

  /** What changed since the last save, as one journal line; null when nothing did, "all" for a new base. */
  private entry(emulator: Emulator): string | null | "all" {
    const cache = cachePatch(emulator);
    if (cache === "all") return "all";
    const texts = sectionTexts(emulator);
    const patch: Record<string, unknown> = cache === undefined ? {} : { cache };
    const sections = new Map(this.lastSections);
    for (const [key, text] of texts) {
      if (this.lastTexts.get(key) === text) continue;
      const value: unknown = JSON.parse(text);
      const change = diff(this.lastSections.get(key), value);
      if (change !== undefined) patch[key] = change;
      sections.set(key, value);
    }
    for (const key of this.lastTexts.keys()) if (!texts.has(key)) patch[key] = DELETED;
    const delta = emulator.spreadsheets.delta(false);
    const frames = framesOf(delta);
    const framesMoved =
      [...frames].some(([key, frame]) => this.lastFrames.get(key) !== frame) ||
      frames.size !== this.lastFrames.size;
    const changed = Object.keys(patch).length > 0;
    this.lastTexts = texts;
    this.lastSections = sections;
    if (!changed && !deltaHasCells(delta) && !framesMoved) return null;
    const workbooks = withoutUnchangedFrames(delta, this.lastFrames, frames);
    this.lastFrames = frames;
    return `${JSON.stringify({ sections: patch, workbooks } satisfies JournalLine)}\n`;
  }

  /**
   * Appends what changed since the last save; the promise settles once it is fsynced (with the other
   * entries that arrived meanwhile). Nothing is written when nothing changed; the promise then waits
   * for the entries already under way, since the caller may have read what they wrote.
   */
  record(emulator: Emulator): Promise<void> {
    if (this.fd === null || this.broken) {
      this.compact(emulator);
      return this.durable;
    }
    this.emulator = emulator;
    const line = this.entry(emulator);
    if (line === null) return this.durable;
    if (line === "all") {
      this.compact(emulator);
      return this.durable;
    }
    this.pending.push(line);
    this.durable = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    // The request that owns the entry may not wait: a failure is still reported to it through the promise.
    this.durable.catch(() => undefined);
    if (this.flushing === null) this.flushing = this.flush();
    return this.durable;
  }

  /** Writes and fsyncs the pending entries, batch after batch, until none are left. */
  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0 && this.fd !== null) {
        const fd = this.fd;
        const bytes = Buffer.from(this.pending.join(""), "utf8");
        const waiters = this.waiters.splice(0);
        this.pending = [];
        try {
          await appendAll(fd, bytes);
          await sync(fd);
          if (fd === this.fd) this.journalBytes += bytes.length;
          for (const waiter of waiters) waiter.resolve();
        } catch (error) {
          if (fd !== this.fd) {
            // Compacted meanwhile: these entries are in the new base already.
            for (const waiter of waiters) waiter.resolve();
          } else {
            // The journal may now end in a torn line: nothing more is appended after it.
            this.broken = true;
            for (const waiter of [...waiters, ...this.waiters.splice(0)]) waiter.reject(error);
            this.pending = [];
          }
        } finally {
          // Compacted meanwhile: this descriptor belongs to the replaced journal.
          if (fd !== this.fd) closeSync(fd);
        }
      }
    } finally {
      this.flushing = null;
    }
    if (this.emulator && this.journalBytes > Math.max(MIN_COMPACT_BYTES, this.baseBytes)) {
      try {
        this.compact(this.emulator);
      } catch {
        // Nobody waits here: the next request's save compacts again and reports the failure.
        this.broken = true;
      }
    }
  }

  /** Appends what changed since the last save and fsyncs it before returning (no write under way). */
  save(emulator: Emulator): void {
    if (this.flushing !== null)
      throw new Error("A journal write is still under way: wait for record() before saving synchronously.");
    if (this.fd === null || this.broken) {
      this.compact(emulator);
      return;
    }
    this.emulator = emulator;
    const line = this.entry(emulator);
    if (line === null) return;
    if (line === "all") {
      this.compact(emulator);
      return;
    }
    this.journalBytes += writeSync(this.fd, line);
    fsyncSync(this.fd);
    if (this.journalBytes > Math.max(MIN_COMPACT_BYTES, this.baseBytes)) this.compact(emulator);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
