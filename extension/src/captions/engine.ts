// The transcript engine: caption-row updates in, settled lines out. Pure (no DOM, time is an input),
// after LocalCaptions' split of a thin scraper from a testable engine.
//
// A row is one caption element on the page, named by the adapter (rowKey). Its text is rewritten in
// place (corrections of the last words), grows for minutes (a monologue), may lose old text from the
// front (Meet trims long rows) or be replaced by a new element with the same text. The engine keeps,
// per row, the last text it saw and where the row's open line starts in it; everything before that
// point belongs to earlier lines, so no text is ever emitted twice.
// A settled line stays open to late corrections (platforms rewrite the last words seconds after they
// were spoken) for a correction window: the corrected text replaces the superseded one.

/** One caption row as read from the page. `text` should be whitespace-normalized by the adapter. */
export interface CaptionRow {
  rowKey: string;
  speaker: string;
  text: string;
}

export interface CaptionRowUpdate extends CaptionRow {
  /** Time of the reading, in ms (any clock; tests use a scripted one). */
  at: number;
}

/** A line of the transcript: one speaker, contiguous text, first and last change times (ms). */
export interface CaptionLine {
  speaker: string;
  text: string;
  start: number;
  end: number;
}

export interface TranscriptEngineOptions {
  /** A line is settled after this long without change. */
  settleMs?: number;
  /** Lines that ended longer ago than this are dropped (the recent window's memory bound). */
  retainMs?: number;
  /** A line longer than this is cut at a word boundary in its stable part (long monologues). */
  maxLineChars?: number;
  /** How far from the end of a row the platform may still rewrite text (corrections). */
  correctionChars?: number;
  /** Rows tracked at once; the least recently updated row is forgotten beyond this. */
  maxRows?: number;
  /** How long after its last change a settled line still takes an in-place correction of its row. */
  correctionWindowMs?: number;
  /** Called for every line that settles, in settling order (a line corrected late settles again). */
  onSettled?: (line: CaptionLine) => void;
}

export interface TranscriptEngineStats {
  lines: number;
  rows: number;
  retainedChars: number;
  updates: number;
}

interface LineState {
  speaker: string;
  /** Text that scrolled off the front of the row while this line was open. */
  committed: string;
  /** Frozen text once settled. */
  text: string | null;
  start: number;
  end: number;
  row: RowState | null;
}

interface RowState {
  key: string;
  speaker: string;
  visible: string;
  /** Offset in `visible` where the open (or next) line starts; text before it belongs to earlier lines. */
  from: number;
  open: LineState | null;
  lastSeen: number;
  /** The reading that last saw the row: a row shown in the same reading is not a replaced node. */
  reading: number;
  /** The row was emptied: whatever it shows next is new speech, not a correction. */
  cleared: boolean;
  /** The row's last settled line, while a correction may still reach it: where it starts in `visible`. */
  last: { line: LineState; from: number; committed: string } | null;
}

/** Where `next` continues `prev`: the first `drop` chars of prev are gone, then `keep` chars agree. */
interface Alignment {
  drop: number;
  keep: number;
}

const anchorChars = 32;
const minOverlapChars = 12;
const retiredKeysMax = 256;

export function normalizeCaptionText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function commonPrefix(a: string, aFrom: number, b: string, bFrom: number): number {
  const limit = Math.min(a.length - aFrom, b.length - bFrom);
  let n = 0;
  while (n < limit && a.charCodeAt(aFrom + n) === b.charCodeAt(bFrom + n)) n++;
  return n;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function isSpace(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160;
}

/**
 * Aligns a row's new text with its previous text. The common case (growth or a corrected tail) costs
 * O(correction zone): one anchor taken from just before the zone is checked at the same offset.
 * Only when the anchor moved (text dropped from the front) is the row searched.
 */
export function alignRowText(prev: string, next: string, correctionChars = 80): Alignment {
  if (prev.length === 0) return { drop: 0, keep: 0 };
  const anchorEnd = Math.max(0, prev.length - correctionChars);
  const anchorStart = Math.max(0, anchorEnd - anchorChars);
  const anchored = anchorEnd - anchorStart >= minOverlapChars;
  if (anchored && next.startsWith(prev.slice(anchorStart, anchorEnd), anchorStart)) {
    return { drop: 0, keep: anchorEnd + commonPrefix(prev, anchorEnd, next, anchorEnd) };
  }
  // Same start up to the correction zone: growth or a rewritten tail, whatever repeats inside.
  const keepFromStart = commonPrefix(prev, 0, next, 0);
  if (keepFromStart >= Math.max(1, prev.length - correctionChars)) return { drop: 0, keep: keepFromStart };
  // Front dropped: next begins somewhere inside prev. Try each place where next's head occurs in prev,
  // smallest drop first; accept one where the rest agrees (up to a corrected tail) and the anchor holds.
  const head = next.slice(0, minOverlapChars);
  if (head.length === minOverlapChars) {
    for (let drop = prev.indexOf(head, 1); drop > 0; drop = prev.indexOf(head, drop + 1)) {
      const keep = commonPrefix(prev, drop, next, 0);
      const agrees =
        keep >= Math.min(anchorChars, prev.length - drop) || drop + keep >= prev.length - correctionChars;
      if (!agrees) continue;
      const anchorOk =
        !anchored ||
        anchorStart < drop ||
        next.startsWith(prev.slice(anchorStart, anchorEnd), anchorStart - drop);
      if (anchorOk) return { drop, keep };
    }
  }
  if (keepFromStart > 0) return { drop: 0, keep: keepFromStart };
  return { drop: prev.length, keep: 0 };
}

/** Renders lines for a clip: one "Speaker: text" line per turn (consecutive lines of a speaker join). */
export function formatTranscript(lines: readonly CaptionLine[]): string {
  const turns: { speaker: string; parts: string[] }[] = [];
  for (const line of lines) {
    const last = turns[turns.length - 1];
    if (last && last.speaker === line.speaker) last.parts.push(line.text);
    else turns.push({ speaker: line.speaker, parts: [line.text] });
  }
  return turns
    .map((turn) => {
      const text = turn.parts.join(" ");
      return turn.speaker ? `${turn.speaker}: ${text}` : text;
    })
    .join("\n");
}

export class TranscriptEngine {
  private readonly settleMs: number;
  private readonly retainMs: number;
  private readonly maxLineChars: number;
  private readonly correctionChars: number;
  private readonly maxRows: number;
  private readonly correctionWindowMs: number;
  private readonly onSettled: ((line: CaptionLine) => void) | undefined;
  /** Rows by key, least recently updated first (re-inserted on update). */
  private readonly rows = new Map<string, RowState>();
  /** Keys of rows whose element was replaced; their late updates are ignored. */
  private readonly retired = new Map<string, true>();
  /** Rows with an open line: the only ones the settle check visits. */
  private readonly openRows = new Set<RowState>();
  /** Lines in creation order; `head` skips pruned ones without shifting the array each time. */
  private lines: LineState[] = [];
  private head = 0;
  private updates = 0;
  private reading = 0;

  constructor(options: TranscriptEngineOptions = {}) {
    this.settleMs = options.settleMs ?? 1500;
    this.retainMs = options.retainMs ?? 10 * 60_000;
    this.maxLineChars = Math.max(80, options.maxLineChars ?? 600);
    this.correctionChars = options.correctionChars ?? 80;
    this.maxRows = options.maxRows ?? 64;
    this.correctionWindowMs = options.correctionWindowMs ?? 8000;
    this.onSettled = options.onSettled;
  }

  /** Feeds every row read from the page at one moment, in page order. */
  updateRows(rows: readonly CaptionRow[], at: number): void {
    this.reading++;
    for (const row of rows) this.apply({ rowKey: row.rowKey, speaker: row.speaker, text: row.text, at });
    if (rows.length === 0) this.tick(at);
  }

  /** One row read on its own (a reading of its own). */
  update(update: CaptionRowUpdate): void {
    this.reading++;
    this.apply(update);
  }

  private apply(update: CaptionRowUpdate): void {
    const { rowKey, at } = update;
    const speaker = update.speaker.trim();
    const text = update.text.trim();
    this.updates++;
    if (this.retired.has(rowKey)) return;
    if (text.length === 0) {
      // An emptied row (a caption box cleared between sentences) changes nothing until new text comes.
      const row = this.rows.get(rowKey);
      if (row) row.cleared = true;
      return;
    }
    this.settleDue(at);
    let row = this.rows.get(rowKey);
    if (!row) {
      row = this.adoptReplacedRow(rowKey, speaker, text, at) ?? this.newRow(rowKey, speaker);
    } else if (row.speaker !== speaker) {
      // The element now shows someone else (a reused caption box): the old line ends here.
      if (row.open) this.settle(row.open, row.open.end);
      row.speaker = speaker;
      row.visible = "";
      row.from = 0;
      row.last = null;
    }
    this.rows.delete(rowKey);
    this.rows.set(rowKey, row);
    row.lastSeen = at;
    row.reading = this.reading;
    this.applyText(row, text, at);
    this.prune(at);
  }

  /** Settles every line that has been quiet for the settle time. */
  tick(now: number): void {
    this.settleDue(now);
    this.prune(now);
  }

  /** Ends the meeting: every open line settles now. */
  flush(now: number): void {
    for (const row of this.openRows) if (row.open) this.settle(row.open, row.open.end);
    this.tick(now);
  }

  /** Settled lines still held in the recent window, oldest first. */
  settled(now: number): CaptionLine[] {
    this.tick(now);
    const out: CaptionLine[] = [];
    for (let i = this.head; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      if (line.text !== null) out.push(this.toLine(line));
    }
    return out;
  }

  /** Lines (settled and in progress) that overlap the last `windowMs` before `now`, oldest first. */
  recent(windowMs: number, now: number): CaptionLine[] {
    this.tick(now);
    const since = now - windowMs;
    const out: CaptionLine[] = [];
    for (let i = this.head; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      if (line.end < since || line.start > now) continue;
      const shown = this.toLine(line);
      if (shown.text.length > 0) out.push(shown);
    }
    return out;
  }

  stats(): TranscriptEngineStats {
    let retainedChars = 0;
    for (let i = this.head; i < this.lines.length; i++) retainedChars += this.lineText(this.lines[i]!).length;
    for (const row of this.rows.values()) retainedChars += row.visible.length;
    return {
      lines: this.lines.length - this.head,
      rows: this.rows.size,
      retainedChars,
      updates: this.updates,
    };
  }

  private newRow(key: string, speaker: string): RowState {
    return {
      key,
      speaker,
      visible: "",
      from: 0,
      open: null,
      lastSeen: Number.NEGATIVE_INFINITY,
      reading: 0,
      cleared: false,
      last: null,
    };
  }

  /**
   * Whether `next` rewrites the row's text from `from` on in place: some words (no more than the
   * correction zone) swapped for about as many (a much longer tail is new speech), and most of the text
   * kept around them (a recycled node shows other words throughout). Returns where the texts first differ,
   * or -1 when it is no such rewrite.
   */
  private rewriteAt(prev: string, next: string, from: number): number {
    const keep = commonPrefix(prev, 0, next, 0);
    if (keep >= prev.length || keep < from) return -1;
    const same = keep + commonSuffix(prev, next, Math.min(prev.length, next.length) - keep);
    if (prev.length - same > this.correctionChars) return -1;
    const oldTail = prev.length - keep;
    const newTail = next.length - keep;
    if (newTail > 2 * oldTail + 8) return -1;
    return (same - from) * 2 >= Math.max(prev.length, next.length) - from ? keep : -1;
  }

  /** A rewrite of the row's last settled line within the correction window. */
  private isLateCorrection(row: RowState, next: string, at: number): boolean {
    const last = row.last;
    if (!last || row.open || at - last.line.end > this.correctionWindowMs) return false;
    return this.rewriteAt(row.visible, next, last.from) >= 0;
  }

  /** Puts a settled line back in progress on its row, from where it started. */
  private reopen(row: RowState): void {
    const last = row.last!;
    const line = last.line;
    line.text = null;
    line.row = row;
    line.committed = last.committed;
    row.open = line;
    row.from = last.from;
    row.last = null;
    this.openRows.add(row);
  }

  /**
   * A new element whose text continues a live row of the same speaker is that row re-rendered (Meet,
   * Teams and Webex replace nodes): the row moves to the new key and the old key is retired. Every live
   * row is a candidate (many earlier blocks stay on screen), except rows shown in this same reading;
   * the one sharing the most text wins.
   */
  private adoptReplacedRow(key: string, speaker: string, text: string, at: number): RowState | null {
    let best: RowState | null = null;
    let bestKeep = 0;
    for (const row of this.rows.values()) {
      if (row.speaker !== speaker || row.reading === this.reading || row.visible.length === 0) continue;
      const { drop, keep } = alignRowText(row.visible, text, this.correctionChars);
      const remaining = row.visible.length - drop;
      // Enough shared text to be the same speech: a dozen characters, or most of a short row whose
      // last word was corrected as it was re-rendered.
      const shared = keep >= Math.min(minOverlapChars, remaining) || (keep >= 4 && keep * 2 >= remaining);
      // A node re-rendered with a correction: of the open line, or of the settled one in its window.
      // Otherwise a settled row is only followed by a node that repeats all of it (a rewrite after a
      // pause is new speech).
      const corrects = row.open
        ? this.rewriteAt(row.visible, text, row.from) >= 0
        : this.isLateCorrection(row, text, at);
      const continues = row.open !== null || keep >= remaining || corrects;
      if (remaining <= 0 || !(shared || corrects) || !continues || keep < bestKeep) continue;
      if (keep === bestKeep && best && best.lastSeen > row.lastSeen) continue;
      best = row;
      bestKeep = keep;
    }
    if (!best) return null;
    this.rows.delete(best.key);
    this.retire(best.key);
    best.key = key;
    return best;
  }

  private retire(key: string): void {
    this.retired.set(key, true);
    if (this.retired.size > retiredKeysMax) {
      const oldest = this.retired.keys().next().value;
      if (oldest !== undefined) this.retired.delete(oldest);
    }
  }

  private applyText(row: RowState, next: string, at: number): void {
    const prev = row.visible;
    if (prev === next) return;
    let { drop, keep } = alignRowText(prev, next, this.correctionChars);
    if (row.cleared) {
      drop = prev.length;
      row.cleared = false;
      row.last = null;
    } else if (drop === prev.length && row.open && prev.length <= this.correctionChars) {
      // A short row rewritten whole while open is a correction (Meet redoes its first words).
      drop = 0;
    } else if (this.isLateCorrection(row, next, at)) {
      // The settled line's words were rewritten: it takes the corrected text, not a stray tail.
      this.reopen(row);
      drop = 0;
    } else if (row.open && drop === prev.length && this.rewriteAt(prev, next, row.from) >= 0) {
      // The open line's first words were rewritten ("our run shirt" → "Our run chart").
      drop = 0;
    } else if (!row.open && drop === 0 && keep < row.from) {
      // A settled row now shows other words from its start (a recycled node): new speech.
      drop = prev.length;
      row.last = null;
    }
    if (row.last) {
      row.last.from -= drop;
      if (row.last.from < 0) row.last = null;
    }
    // Text that scrolled off the front while a line was open stays with that line.
    if (drop > row.from) {
      // A wholly different text continues the line after a word break.
      if (row.open) row.open.committed += prev.slice(row.from, drop) + (drop === prev.length ? " " : "");
      row.from = 0;
    } else {
      row.from -= drop;
    }
    row.from = Math.min(row.from, next.length);
    row.visible = next;
    if (!row.open) {
      // A settled line's row kept going: the new line starts after the settled text, on a word edge.
      let from = row.from;
      if (from > 0 && from < next.length && !isSpace(next, from - 1)) {
        while (from < next.length && !isSpace(next, from)) from++;
      }
      while (from < next.length && isSpace(next, from)) from++;
      row.from = from;
      if (from >= next.length) return;
      row.open = this.openLine(row, at);
    }
    const open = row.open;
    open.end = at;
    if (open.committed.length + next.length - row.from > this.maxLineChars) this.cutLongLine(row, open, at);
  }

  private openLine(row: RowState, at: number): LineState {
    this.openRows.add(row);
    const line: LineState = {
      speaker: row.speaker,
      committed: "",
      text: null,
      start: at,
      end: at,
      row,
    };
    this.lines.push(line);
    return line;
  }

  /**
   * Cuts a long line at the last word boundary before the correction zone, so the cut text can no
   * longer change; the rest continues as a new open line of the same row.
   */
  private cutLongLine(row: RowState, open: LineState, at: number): void {
    const visibleStable = Math.max(row.from, row.visible.length - this.correctionChars);
    const stableLength = open.committed.length + (visibleStable - row.from);
    if (stableLength < this.maxLineChars / 2) return;
    const full = open.committed + row.visible.slice(row.from, visibleStable);
    let cut = full.lastIndexOf(" ", this.maxLineChars);
    let rest = cut + 1;
    if (cut < this.maxLineChars / 2) {
      // No word break (scripts written without spaces): cut at the limit.
      cut = Math.min(this.maxLineChars, full.length);
      rest = cut;
    }
    const frozen = full.slice(0, cut);
    let carry = "";
    if (rest <= open.committed.length) {
      carry = open.committed.slice(rest);
    } else {
      row.from += rest - open.committed.length;
    }
    open.committed = "";
    open.text = normalizeCaptionText(frozen);
    open.row = null;
    open.end = at;
    this.onSettled?.(this.toLine(open));
    const next = this.openLine(row, at);
    next.committed = carry;
    row.open = next;
  }

  private settleDue(now: number): void {
    for (const row of this.openRows) {
      if (row.open && now - row.open.end >= this.settleMs) this.settle(row.open, row.open.end);
    }
  }

  private settle(line: LineState, end: number): void {
    const row = line.row;
    const committed = line.committed;
    line.text = normalizeCaptionText(this.lineText(line));
    line.committed = "";
    line.end = end;
    line.row = null;
    if (row) {
      row.last = { line, from: row.from, committed };
      row.open = null;
      row.from = row.visible.length;
      this.openRows.delete(row);
    }
    this.onSettled?.(this.toLine(line));
  }

  private lineText(line: LineState): string {
    if (line.text !== null) return line.text;
    const row = line.row;
    return row ? line.committed + row.visible.slice(row.from) : line.committed;
  }

  private toLine(line: LineState): CaptionLine {
    const text = line.text ?? normalizeCaptionText(this.lineText(line));
    return { speaker: line.speaker, text, start: line.start, end: line.end };
  }

  /** Drops settled lines older than the retained window and rows nobody updates any more. */
  private prune(now: number): void {
    const horizon = now - this.retainMs;
    while (this.head < this.lines.length) {
      const line = this.lines[this.head]!;
      if (line.text === null || line.end >= horizon) break;
      this.head++;
    }
    if (this.head > 256 && this.head * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.head);
      this.head = 0;
    }
    for (const row of this.rows.values()) {
      if (this.rows.size <= this.maxRows && row.lastSeen >= horizon) break;
      if (row.open) this.settle(row.open, row.open.end);
      this.rows.delete(row.key);
    }
  }
}
