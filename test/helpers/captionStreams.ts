// Synthetic caption streams for the transcript engine: a deterministic Meet-like page read by a
// scraper. Every spoken word is a unique token, so a duplicated or lost word is visible in the output.
import type { CaptionRow } from "../../extension/src/captions/engine.ts";

export interface CaptionReading {
  at: number;
  rows: CaptionRow[];
}

export interface SpokenWord {
  speaker: string;
  word: string;
}

export interface SyntheticMeetingOptions {
  minutes?: number;
  seed?: number;
  speakers?: readonly string[];
  /** One speaker talks for the whole meeting in one caption row. */
  monologue?: boolean;
  /** Meet trims a row's front once it is longer than this. */
  maxVisibleChars?: number;
  correctionRate?: number;
  replaceRate?: number;
  /** Captions turned off (container removed) and on again this often, in ms; 0 for never. */
  captionsOffEveryMs?: number;
  /** Rows kept on screen (Meet keeps many blocks; each re-render then has many candidates). */
  keepRows?: number;
  /** Share of turns whose last word is first shown wrong and corrected 2–4 s after the turn ended. */
  lateCorrectionRate?: number;
}

export interface SyntheticMeeting {
  readings: Generator<CaptionReading>;
  /** Words the captions showed while on, in order, final (corrected) form; filled as readings are drawn. */
  spoken: SpokenWord[];
}

/** mulberry32: a small deterministic PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PageRow {
  key: string;
  speaker: string;
  words: string[];
  /** Words already trimmed off the front by the page. */
  trimmed: number;
  /** A word shown wrong until `due`, then corrected in place. */
  lateFix?: { index: number; word: string; due: number };
}

function rowText(row: PageRow): string {
  return row.words.slice(row.trimmed).join(" ");
}

/**
 * A meeting as a scraper sees it: after every change, all visible rows are read at once.
 * Words come every 120–230 ms; some are first shown wrong and corrected on the next reading; long
 * rows lose words from the front; rows are sometimes re-rendered as new elements; captions go off
 * and on (rows vanish; words said meanwhile are never shown).
 */
export function syntheticMeeting(options: SyntheticMeetingOptions = {}): SyntheticMeeting {
  const spoken: SpokenWord[] = [];
  return { spoken, readings: readingsOf(options, spoken) };
}

function* readingsOf(options: SyntheticMeetingOptions, spoken: SpokenWord[]): Generator<CaptionReading> {
  const minutes = options.minutes ?? 60;
  const random = seededRandom(options.seed ?? 7);
  const speakers = options.speakers ?? ["Ana Ruiz", "Ben Cole", "Chidi Obi"];
  const maxVisible = options.maxVisibleChars ?? 360;
  const correctionRate = options.correctionRate ?? 0.08;
  const replaceRate = options.replaceRate ?? 0.01;
  const offEvery = options.captionsOffEveryMs ?? 0;
  const keepRows = options.keepRows ?? 2;
  const lateRate = options.lateCorrectionRate ?? 0;
  const endAt = minutes * 60_000;
  let at = 0;
  let tokens = 0;
  let keys = 0;
  let nextOff = offEvery > 0 ? offEvery : Number.POSITIVE_INFINITY;
  const visible: PageRow[] = [];
  const read = (): CaptionReading => {
    for (const row of visible) {
      if (row.lateFix && row.lateFix.due <= at) {
        row.words[row.lateFix.index] = row.lateFix.word;
        row.lateFix = undefined;
      }
    }
    return {
      at,
      rows: visible.map((row) => ({ rowKey: row.key, speaker: row.speaker, text: rowText(row) })),
    };
  };
  let turn = 0;
  while (at < endAt) {
    const speaker = options.monologue ? speakers[0]! : speakers[turn % speakers.length]!;
    turn++;
    const row: PageRow = { key: `row-${keys++}`, speaker, words: [], trimmed: 0 };
    visible.push(row);
    if (visible.length > keepRows) visible.shift();
    const turnWords = options.monologue ? Number.POSITIVE_INFINITY : 4 + Math.floor(random() * 50);
    for (let said = 0; said < turnWords && at < endAt; said++) {
      at += 120 + Math.floor(random() * 110);
      const word = `w${(tokens++).toString(36)}`;
      if (at >= nextOff) {
        // Captions off: the container and its rows go (a late correction still due is shown first);
        // the speaker keeps talking unseen.
        if (visible.some((r) => r.lateFix)) {
          for (const r of visible) if (r.lateFix) r.lateFix.due = at;
          yield read();
        }
        visible.length = 0;
        at += 3000 + Math.floor(random() * 9000);
        nextOff = at + offEvery;
        row.key = `row-${keys++}`;
        row.words = [];
        row.trimmed = 0;
        visible.push(row);
        continue;
      }
      if (random() < correctionRate) {
        row.words.push(`x${word.slice(1)}`);
        yield read();
        at += 60 + Math.floor(random() * 60);
        row.words[row.words.length - 1] = word;
      } else {
        row.words.push(word);
      }
      spoken.push({ speaker, word });
      while (rowText(row).length > maxVisible) row.trimmed += 1 + Math.floor(random() * 6);
      // A re-render keeps the row's words; a row of a word or two that is re-rendered and corrected at
      // once cannot be told from new speech, so re-renders come once a row has a few words.
      if (row.words.length - row.trimmed >= 3 && random() < replaceRate) row.key = `row-${keys++}`;
      yield read();
    }
    const last = row.words.length - 1;
    if (lateRate > 0 && last - row.trimmed >= 3 && random() < lateRate && visible.includes(row)) {
      // The turn's last word was shown wrong; the platform corrects it seconds after the turn ended.
      row.lateFix = { index: last, word: row.words[last]!, due: at + 2000 + Math.floor(random() * 2000) };
      row.words[last] = `y${row.words[last]!.slice(1)}`;
      yield read();
    }
    at += 400 + Math.floor(random() * 2500);
  }
  if (visible.some((r) => r.lateFix)) {
    at += 4000;
    yield read();
  }
}
