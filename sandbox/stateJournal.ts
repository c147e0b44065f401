// The sandbox's state on disk: a base snapshot plus an append-only journal of what each request changed
// (the rows it wrote, the small sections it touched), fsynced before the answer goes out and compacted
// into a new base once it grows. A clip costs a few hundred bytes on disk, not the whole workbook.
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import {
  applyStoreDelta,
  deltaHasCells,
  type Emulator,
  type EmulatorState,
  type StoreDelta,
} from "./emulator/index.ts";

/** The sections of the state other than the workbooks (properties, cache, triggers, mail …). */
type Sections = Omit<EmulatorState, "spreadsheets">;
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

const sectionsOf = (emulator: Emulator): Sections => JSON.parse(emulator.sectionsText()) as Sections;

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

export class StateJournal {
  private readonly journalFile: string;
  private fd: number | null = null;
  private generation = 0;
  private baseBytes = 0;
  private journalBytes = 0;
  private lastSections: Sections | null = null;
  private lastFrames = new Map<string, string>();

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

  /** Writes the whole state as a new base and starts an empty journal (on boot, reset or compaction). */
  compact(emulator: Emulator): void {
    this.close();
    this.generation += 1;
    mkdirSync(dirname(this.file), { recursive: true });
    const text = `${emulator.snapshotText().slice(0, -1)},"journalGeneration":${this.generation}}`;
    writeDurably(this.file, text);
    this.baseBytes = Buffer.byteLength(text);
    writeDurably(this.journalFile, `${JSON.stringify({ generation: this.generation })}\n`);
    this.fd = openSync(this.journalFile, "a");
    this.journalBytes = fstatSync(this.fd).size;
    // Everything is in the base now: later deltas start from here.
    this.lastFrames = framesOf(emulator.spreadsheets.delta(true));
    this.lastSections = sectionsOf(emulator);
  }

  /** Appends what changed since the last save, fsynced; nothing at all when nothing changed. */
  save(emulator: Emulator): void {
    if (this.fd === null) {
      this.compact(emulator);
      return;
    }
    const sections = sectionsOf(emulator);
    const patch = diff(this.lastSections, sections);
    const delta = emulator.spreadsheets.delta(false);
    const frames = framesOf(delta);
    const framesMoved =
      [...frames].some(([key, frame]) => this.lastFrames.get(key) !== frame) ||
      frames.size !== this.lastFrames.size;
    if (patch === undefined && !deltaHasCells(delta) && !framesMoved) return;
    const workbooks = withoutUnchangedFrames(delta, this.lastFrames, frames);
    const line = `${JSON.stringify({ sections: patch ?? {}, workbooks } satisfies JournalLine)}\n`;
    this.journalBytes += writeSync(this.fd, line);
    fsyncSync(this.fd);
    this.lastSections = sections;
    this.lastFrames = frames;
    if (this.journalBytes > Math.max(MIN_COMPACT_BYTES, this.baseBytes)) this.compact(emulator);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
