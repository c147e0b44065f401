import { describe, expect, it } from "vitest";
import {
  alignRowText,
  type CaptionLine,
  formatTranscript,
  TranscriptEngine,
} from "../../extension/src/captions/engine.ts";
import { syntheticMeeting } from "../helpers/captionStreams.ts";

const ana = "Ana Ruiz";
const ben = "Ben Cole";

function texts(lines: readonly CaptionLine[]): string[] {
  return lines.map((line) => `${line.speaker}: ${line.text}`);
}

describe("alignRowText", () => {
  it("sees growth and a corrected tail as no drop", () => {
    expect(alignRowText("we need to sea", "we need to see the data")).toEqual({ drop: 0, keep: 13 });
  });

  it("finds how much a long row lost from its front", () => {
    const prev = "The first sentence is here. The second sentence follows it closely. And a third one";
    const next = "The second sentence follows it closely. And a third one ends";
    expect(alignRowText(prev, next, 20).drop).toBe(prev.indexOf("The second"));
  });

  it("reports unrelated text as a whole drop", () => {
    expect(alignRowText("good morning", "thanks everyone")).toEqual({ drop: 12, keep: 0 });
  });
});

describe("TranscriptEngine: scripted streams", () => {
  it("settles a growing row after the settle time, with first and last change times", () => {
    const engine = new TranscriptEngine({ settleMs: 1000 });
    engine.update({ rowKey: "r1", speaker: ana, text: "Hello", at: 0 });
    engine.update({ rowKey: "r1", speaker: ana, text: "Hello every", at: 300 });
    engine.update({ rowKey: "r1", speaker: ana, text: "Hello everyone", at: 600 });
    expect(engine.settled(1500)).toEqual([]);
    expect(engine.settled(1600)).toEqual([{ speaker: ana, text: "Hello everyone", start: 0, end: 600 }]);
  });

  it("keeps only the corrected words when a row is rewritten in place", () => {
    const engine = new TranscriptEngine();
    engine.update({ rowKey: "r1", speaker: ana, text: "We need to sea", at: 0 });
    engine.update({ rowKey: "r1", speaker: ana, text: "We need to see the date", at: 200 });
    engine.update({ rowKey: "r1", speaker: ana, text: "We need to see the data first", at: 400 });
    engine.flush(5000);
    expect(texts(engine.settled(5000))).toEqual([`${ana}: We need to see the data first`]);
  });

  it("starts a new line when the speaker changes, and formats one turn per speaker", () => {
    const engine = new TranscriptEngine({ settleMs: 1000 });
    engine.updateRows([{ rowKey: "r1", speaker: ana, text: "Our falls fell by half." }], 0);
    engine.updateRows(
      [
        { rowKey: "r1", speaker: ana, text: "Our falls fell by half." },
        { rowKey: "r2", speaker: ben, text: "How did you" },
      ],
      500,
    );
    engine.updateRows(
      [
        { rowKey: "r1", speaker: ana, text: "Our falls fell by half." },
        { rowKey: "r2", speaker: ben, text: "How did you measure it?" },
      ],
      900,
    );
    const lines = engine.recent(60_000, 1000);
    expect(texts(lines)).toEqual([`${ana}: Our falls fell by half.`, `${ben}: How did you measure it?`]);
    expect(formatTranscript(lines)).toBe(`${ana}: Our falls fell by half.\n${ben}: How did you measure it?`);
  });

  it("joins consecutive lines of one speaker into one turn when formatting", () => {
    const lines: CaptionLine[] = [
      { speaker: ana, text: "First.", start: 0, end: 1 },
      { speaker: ana, text: "Second.", start: 2, end: 3 },
      { speaker: "", text: "Someone unnamed.", start: 4, end: 5 },
    ];
    expect(formatTranscript(lines)).toBe(`${ana}: First. Second.\nSomeone unnamed.`);
  });

  it("follows a row re-rendered as a new element and ignores the retired element", () => {
    const engine = new TranscriptEngine();
    engine.update({ rowKey: "old", speaker: ana, text: "We started a huddle every morning", at: 0 });
    engine.update({
      rowKey: "new",
      speaker: ana,
      text: "We started a huddle every morning at eight",
      at: 300,
    });
    engine.update({ rowKey: "old", speaker: ana, text: "We started a huddle every morning", at: 310 });
    engine.update({
      rowKey: "new",
      speaker: ana,
      text: "We started a huddle every morning at eight.",
      at: 600,
    });
    engine.flush(5000);
    expect(texts(engine.settled(5000))).toEqual([`${ana}: We started a huddle every morning at eight.`]);
  });

  it("does not take a new element that rewrites a settled row still on the page for a re-render of it", () => {
    const engine = new TranscriptEngine({ settleMs: 1000 });
    const one = { rowKey: "a", speaker: ana, text: "Remark number one" };
    engine.updateRows([one], 0);
    engine.updateRows([one, { rowKey: "b", speaker: ana, text: "Remark number two" }], 3000);
    expect(texts(engine.recent(60_000, 3100))).toEqual([
      `${ana}: Remark number one`,
      `${ana}: Remark number two`,
    ]);
  });

  it("does not take new speech after a pause for a re-render of a settled row that left the page", () => {
    const engine = new TranscriptEngine({ settleMs: 1000, correctionWindowMs: 5000 });
    engine.updateRows([{ rowKey: "a", speaker: ana, text: "Okay." }], 0);
    engine.updateRows([{ rowKey: "b", speaker: ana, text: "Okay, let's look at the audit." }], 3000);
    engine.updateRows([{ rowKey: "c", speaker: ana, text: "Remark number one" }], 4000);
    engine.updateRows([{ rowKey: "d", speaker: ana, text: "Remark number two" }], 12_000);
    expect(texts(engine.recent(60_000, 14_000))).toEqual([
      `${ana}: Okay.`,
      `${ana}: Okay, let's look at the audit.`,
      `${ana}: Remark number one`,
      `${ana}: Remark number two`,
    ]);
  });

  it("takes a node swapped for a new one as the same row while ten earlier blocks stay on screen", () => {
    const engine = new TranscriptEngine();
    const speakers = ["Ana Ruiz", "Ben Cole", "Chidi Obi", "Dee Park", "Eli Sato"];
    const blocks = Array.from({ length: 10 }, (_, i) => ({
      rowKey: `k${i}`,
      speaker: speakers[i % 5]!,
      text: `Block number ${i} says something about the falls board.`,
    }));
    engine.updateRows(blocks, 0);
    // The first block (least recently updated) keeps growing, then its node is replaced.
    blocks[0] = { ...blocks[0]!, text: `${blocks[0]!.text} And more` };
    engine.updateRows(blocks, 200);
    const swapped = [
      { ...blocks[0]!, rowKey: "k0-new", text: `${blocks[0]!.text} words.` },
      ...blocks.slice(1),
    ];
    engine.updateRows(swapped, 400);
    engine.flush(5000);
    const lines = texts(engine.settled(5000));
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe(
      `${speakers[0]}: Block number 0 says something about the falls board. And more words.`,
    );
  });

  it("takes a new node read in the same millisecond as its old one for the same row", () => {
    const engine = new TranscriptEngine();
    engine.updateRows([{ rowKey: "old", speaker: ana, text: "We audited thirty handovers" }], 1000);
    engine.updateRows(
      [{ rowKey: "new", speaker: ana, text: "We audited thirty handovers last week." }],
      1000,
    );
    engine.flush(4000);
    expect(texts(engine.settled(4000))).toEqual([`${ana}: We audited thirty handovers last week.`]);
  });

  it("replaces the superseded words when a settled row is corrected seconds later", () => {
    const engine = new TranscriptEngine({ settleMs: 1500, correctionWindowMs: 8000 });
    const other = { rowKey: "b", speaker: ben, text: "Were the bed alarms on?" };
    engine.updateRows([{ rowKey: "a", speaker: ana, text: "I will check the fax before Friday." }], 0);
    engine.updateRows(
      [{ rowKey: "a", speaker: ana, text: "I will check the fax before Friday." }, other],
      2000,
    );
    expect(texts(engine.settled(2100))).toContain(`${ana}: I will check the fax before Friday.`);
    engine.updateRows(
      [{ rowKey: "a", speaker: ana, text: "I will check the facts before Friday." }, other],
      3200,
    );
    engine.flush(9000);
    expect(texts(engine.settled(9000))).toEqual([
      `${ana}: I will check the facts before Friday.`,
      `${ben}: Were the bed alarms on?`,
    ]);
  });

  it("takes a correction that comes with a new node, and ignores one after the correction window", () => {
    const engine = new TranscriptEngine({ settleMs: 1500, correctionWindowMs: 5000 });
    engine.updateRows([{ rowKey: "a", speaker: ana, text: "Our run shirt shows eight points below." }], 0);
    engine.updateRows(
      [{ rowKey: "a2", speaker: ana, text: "Our run chart shows eight points below." }],
      2500,
    );
    engine.updateRows([{ rowKey: "c", speaker: ben, text: "We had too fools on the east wing." }], 3000);
    engine.updateRows([{ rowKey: "c", speaker: ben, text: "We had two falls on the east wing." }], 9000);
    engine.flush(20_000);
    expect(texts(engine.settled(20_000))).toEqual([
      `${ana}: Our run chart shows eight points below.`,
      // Too late to be a correction: the rewritten row is read as a new line.
      `${ben}: We had too fools on the east wing.`,
      `${ben}: We had two falls on the east wing.`,
    ]);
  });

  it("takes a correction of a line's first words, settled or still open, and with a new node", () => {
    const engine = new TranscriptEngine({ settleMs: 1500, correctionWindowMs: 8000 });
    const said = "our run shirt shows eight points below the median since the rounding started at last.";
    const right = "Our run chart shows eight points below the median since the rounding started at last.";
    engine.updateRows([{ rowKey: "a", speaker: ana, text: said }], 0);
    engine.updateRows([{ rowKey: "a", speaker: ana, text: right }], 2500);
    engine.updateRows(
      [{ rowKey: "b", speaker: ben, text: "We had too fools on the east wing, both at night." }],
      3000,
    );
    engine.updateRows(
      [{ rowKey: "b2", speaker: ben, text: "We had two falls on the east wing, both at night." }],
      3500,
    );
    engine.flush(20_000);
    expect(texts(engine.settled(20_000))).toEqual([
      `${ana}: ${right}`,
      `${ben}: We had two falls on the east wing, both at night.`,
    ]);
  });

  it("reads a recycled node that shows another turn of the same speaker as new speech", () => {
    const engine = new TranscriptEngine({ settleMs: 1000 });
    engine.updateRows([{ rowKey: "a", speaker: ana, text: "I can pull the list this week." }], 0);
    engine.updateRows([{ rowKey: "a", speaker: ana, text: "I would add a prompt." }], 2000);
    engine.flush(5000);
    expect(texts(engine.settled(5000))).toEqual([
      `${ana}: I can pull the list this week.`,
      `${ana}: I would add a prompt.`,
    ]);
  });

  it("does not merge a new element of another speaker or with unrelated text", () => {
    const engine = new TranscriptEngine();
    engine.update({ rowKey: "a", speaker: ana, text: "We started a huddle every morning", at: 0 });
    engine.update({ rowKey: "b", speaker: ben, text: "We started a huddle every morning too", at: 300 });
    engine.update({ rowKey: "c", speaker: ana, text: "Then we audited the charts", at: 600 });
    expect(texts(engine.recent(60_000, 700))).toEqual([
      `${ana}: We started a huddle every morning`,
      `${ben}: We started a huddle every morning too`,
      `${ana}: Then we audited the charts`,
    ]);
  });

  it("keeps text a long row lost from its front, once", () => {
    const engine = new TranscriptEngine({ correctionChars: 20 });
    const first = "The first sentence is here. The second sentence follows it closely.";
    engine.update({ rowKey: "r", speaker: ana, text: first, at: 0 });
    engine.update({ rowKey: "r", speaker: ana, text: `${first} A third one`, at: 200 });
    engine.update({
      rowKey: "r",
      speaker: ana,
      text: "The second sentence follows it closely. A third one begins now.",
      at: 400,
    });
    engine.update({ rowKey: "r", speaker: ana, text: "A third one begins now. And a fourth.", at: 600 });
    engine.flush(5000);
    expect(texts(engine.settled(5000))).toEqual([
      `${ana}: The first sentence is here. The second sentence follows it closely. A third one begins now. And a fourth.`,
    ]);
  });

  it("captions off and on: a new container's rows make new lines, a re-rendered last row is not repeated", () => {
    const engine = new TranscriptEngine({ settleMs: 1000 });
    engine.update({ rowKey: "r1", speaker: ana, text: "Before the break we met weekly", at: 0 });
    // Captions off for 5 s: no readings. On again: Meet re-renders the last row, then new speech.
    engine.update({ rowKey: "r7", speaker: ana, text: "Before the break we met weekly", at: 5000 });
    engine.update({ rowKey: "r8", speaker: ben, text: "And after it?", at: 5200 });
    engine.update({ rowKey: "r9", speaker: ana, text: "After it we met daily", at: 5400 });
    engine.flush(9000);
    expect(texts(engine.settled(9000))).toEqual([
      `${ana}: Before the break we met weekly`,
      `${ben}: And after it?`,
      `${ana}: After it we met daily`,
    ]);
  });

  it("opens a new line when a settled row keeps growing after a pause, without repeating it", () => {
    const engine = new TranscriptEngine({ settleMs: 1000 });
    engine.update({ rowKey: "r", speaker: ana, text: "One two three", at: 0 });
    engine.update({ rowKey: "r", speaker: ana, text: "One two three four five", at: 3000 });
    engine.flush(9000);
    expect(texts(engine.settled(9000))).toEqual([`${ana}: One two three`, `${ana}: four five`]);
  });

  it("starts a new line when a reused caption box shows another speaker", () => {
    const engine = new TranscriptEngine();
    engine.update({ rowKey: "box", speaker: ana, text: "That is all from me", at: 0 });
    engine.update({ rowKey: "box", speaker: ben, text: "Thanks Ana", at: 400 });
    expect(texts(engine.recent(60_000, 500))).toEqual([`${ana}: That is all from me`, `${ben}: Thanks Ana`]);
  });

  it("continues a line when a box replaces one sentence with the next, with a word break", () => {
    const engine = new TranscriptEngine();
    engine.update({ rowKey: "box", speaker: ana, text: "We tried it.", at: 0 });
    engine.update({ rowKey: "box", speaker: ana, text: "", at: 100 });
    engine.update({ rowKey: "box", speaker: ana, text: "It worked.", at: 200 });
    expect(texts(engine.recent(60_000, 300))).toEqual([`${ana}: We tried it. It worked.`]);
  });

  it("recent() holds in-progress lines and leaves out lines that ended before the window", () => {
    const engine = new TranscriptEngine({ settleMs: 1000 });
    engine.update({ rowKey: "r1", speaker: ana, text: "Old remark", at: 0 });
    engine.update({ rowKey: "r2", speaker: ben, text: "Newer remark", at: 40_000 });
    engine.update({ rowKey: "r3", speaker: ana, text: "Still talk", at: 59_000 });
    expect(texts(engine.recent(30_000, 60_000))).toEqual([`${ben}: Newer remark`, `${ana}: Still talk`]);
  });

  it("cuts a long line at word breaks in its stable part; the pieces rebuild the text", () => {
    const engine = new TranscriptEngine({ maxLineChars: 100, correctionChars: 20 });
    const words = Array.from({ length: 300 }, (_, i) => `word${i}`);
    for (let n = 1; n <= words.length; n++) {
      engine.update({ rowKey: "r", speaker: ana, text: words.slice(0, n).join(" "), at: n * 100 });
    }
    engine.flush(100_000);
    const lines = engine.settled(100_000);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line.text.length).toBeLessThanOrEqual(100);
    expect(lines.map((line) => line.text).join(" ")).toBe(words.join(" "));
  });

  it("forgets the least recently updated rows beyond its limit, settling their lines", () => {
    const settled: CaptionLine[] = [];
    const engine = new TranscriptEngine({ maxRows: 4, onSettled: (line) => settled.push(line) });
    const remarks = [
      "Alpha",
      "Bravo",
      "Charlie",
      "Delta",
      "Echo",
      "Foxtrot",
      "Golf",
      "Hotel",
      "India",
      "Juliet",
    ];
    remarks.forEach((text, n) => {
      engine.update({ rowKey: `r${n}`, speaker: ana, text, at: n });
    });
    expect(engine.stats().rows).toBe(4);
    expect(settled.map((line) => line.text)).toEqual(remarks.slice(0, 6));
    expect(engine.recent(60_000, 10)).toHaveLength(10);
  });

  it("cuts text written without spaces at the limit", () => {
    const engine = new TranscriptEngine({ maxLineChars: 100, correctionChars: 20 });
    let text = "";
    for (let n = 0; n < 400; n++) {
      text += "字";
      engine.update({ rowKey: "r", speaker: ana, text, at: n * 100 });
    }
    engine.flush(100_000);
    const lines = engine.settled(100_000);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.map((line) => line.text).join("")).toBe(text);
  });
});

/** Runs a synthetic meeting through an engine, collecting every settled line. */
function runMeeting(
  meeting: ReturnType<typeof syntheticMeeting>,
  engine: TranscriptEngine,
  settled: CaptionLine[],
) {
  let updates = 0;
  let maxRetainedChars = 0;
  let maxLines = 0;
  let last = 0;
  for (const reading of meeting.readings) {
    engine.updateRows(reading.rows, reading.at);
    updates += reading.rows.length;
    last = reading.at;
    if (updates % 500 < reading.rows.length) {
      const stats = engine.stats();
      maxRetainedChars = Math.max(maxRetainedChars, stats.retainedChars);
      maxLines = Math.max(maxLines, stats.lines);
    }
  }
  engine.flush(last + 10_000);
  settled.sort((a, b) => a.start - b.start);
  return { updates, maxRetainedChars, maxLines, last };
}

function wordsOf(lines: readonly CaptionLine[]): { speaker: string; word: string }[] {
  return lines.flatMap((line) => line.text.split(" ").map((word) => ({ speaker: line.speaker, word })));
}

describe("TranscriptEngine: 60-minute meetings", () => {
  it("a 60-minute monologue in one trimmed row: ≥ 20,000 updates, every word once, bounded memory", () => {
    const settled: CaptionLine[] = [];
    const engine = new TranscriptEngine({ onSettled: (line) => settled.push(line) });
    const meeting = syntheticMeeting({ minutes: 60, monologue: true, seed: 11 });
    const run = runMeeting(meeting, engine, settled);
    expect(run.updates).toBeGreaterThanOrEqual(20_000);
    const words = wordsOf(settled).map((w) => w.word);
    expect(new Set(words).size).toBe(words.length);
    expect(words).toEqual(meeting.spoken.map((w) => w.word));
    // Ten minutes of speech is about 3,500 words of 5–6 characters: the engine holds about that, not an hour.
    const hourChars = words.join(" ").length;
    expect(run.maxRetainedChars).toBeLessThan(hourChars / 4);
    expect(run.maxLines).toBeLessThan(settled.length / 4);
    const kept = engine.settled(run.last + 10_000);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept[0]!.end).toBeGreaterThanOrEqual(run.last + 10_000 - 10 * 60_000);
  });

  it("a 60-minute meeting with turns, corrections, re-rendered rows and captions off and on", () => {
    const settled: CaptionLine[] = [];
    const engine = new TranscriptEngine({ onSettled: (line) => settled.push(line) });
    const meeting = syntheticMeeting({
      minutes: 60,
      seed: 5,
      captionsOffEveryMs: 7 * 60_000,
      replaceRate: 0.02,
    });
    const run = runMeeting(meeting, engine, settled);
    expect(run.updates).toBeGreaterThanOrEqual(20_000);
    const seen = wordsOf(settled);
    expect(seen.filter((w) => w.word.startsWith("x"))).toEqual([]);
    expect(seen).toEqual(meeting.spoken);
  });

  it("a 60-minute meeting with ten blocks on screen, node replacements and late corrections", () => {
    const engine = new TranscriptEngine({ retainMs: 70 * 60_000 });
    const meeting = syntheticMeeting({
      minutes: 60,
      seed: 9,
      captionsOffEveryMs: 7 * 60_000,
      keepRows: 10,
      replaceRate: 0.03,
      lateCorrectionRate: 0.2,
    });
    let last = 0;
    for (const reading of meeting.readings) {
      engine.updateRows(reading.rows, reading.at);
      last = reading.at;
    }
    engine.flush(last + 10_000);
    const seen = wordsOf(engine.settled(last + 10_000));
    // Neither a superseded word (x…, y…) nor a duplicated or lost one: every word once, in its final form.
    expect(seen.filter((w) => /^[xy]/.test(w.word))).toEqual([]);
    expect(seen).toEqual(meeting.spoken);
  });

  it("recent(30 s) at any point repeats no partial line", () => {
    const engine = new TranscriptEngine();
    const meeting = syntheticMeeting({ minutes: 10, seed: 3, replaceRate: 0.05 });
    let checks = 0;
    for (const reading of meeting.readings) {
      engine.updateRows(reading.rows, reading.at);
      if (reading.at % 7 === 0) {
        const words = engine
          .recent(30_000, reading.at)
          .flatMap((line) => line.text.split(" "))
          .filter((word) => !word.startsWith("x"));
        expect(new Set(words).size).toBe(words.length);
        checks++;
      }
    }
    expect(checks).toBeGreaterThan(50);
  });
});
