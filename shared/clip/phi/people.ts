// Names and the places that place a person, found word by word: a title or cue word ("Mrs.", "her husband",
// "thanks", "from pharmacy"), a first-name or surname lexicon, or a US city or county after "in"/"from".
import type { Candidate } from "./candidate.ts";
import { functionWords, monthWords, notPeople, orgWords, weekdayWords, words } from "./words.ts";

interface Token {
  text: string;
  /** Lowercase, without a possessive 's. */
  key: string;
  start: number;
  end: number;
  cap: boolean;
  upper: boolean;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’-]*/g)) {
    let word = m[0].replace(/[-'’]+$/, "");
    if (/['’]s$/i.test(word)) word = word.slice(0, -2);
    if (!word) continue;
    out.push({
      text: word,
      key: word.toLowerCase().replace(/’/g, "'"),
      start: m.index,
      end: m.index + word.length,
      cap: /^[A-ZÀ-ÖØ-Þ]/.test(word),
      upper: word.length > 1 && word === word.toUpperCase(),
    });
  }
  return out;
}

// Titles that always introduce a name; weak ones ("nurse", "sister") only before a name-like word.
const strongTitles = new Set(
  "mr mrs ms miss mister mx dr prof fr sr rev reverend rabbi imam pastor chaplain deacon".split(" "),
);
const weakTitles = new Set(
  "doctor father sister nurse grandma grandpa granny nana aunt auntie uncle".split(" "),
);
const relations = new Set(
  `husband wife son daughter mother father mom mum dad sister brother nephew niece grandson granddaughter
  grandmother grandfather grandma grandpa aunt uncle cousin spouse partner fiance fiancee girlfriend boyfriend
  friend neighbor neighbour caregiver roommate stepson stepdaughter stepmother stepfather sibling`
    .split(/\s+/)
    .filter(Boolean),
);
const particles = new Set("van von der de del della la le di da dos du st bin ibn al".split(" "));
// Words before a name that address or credit a person ("thanks Omar", "kudos Jorge", "Owner: Reyes").
const beforeCues = new Set(
  "thanks thank kudos shout talked spoke ask asked per hey hi cc owner owners action lead presenter attending".split(
    " ",
  ),
);
// After a name, where the person works or what they are ("Priya from pharmacy", "Tamika (lab)", ", PharmD").
const roleAfter =
  /^(?:\s*\((?!\d)|\s+(?:from|in|on|at)\s+(?:the\s+)?(?:pharmacy|biomed|lab|nights|days|evs|environmental|pt|ot|case management|it|ir|icu|radiology|security|transport|registration|quality|nutrition|rehab|pastoral|chaplaincy|\d+\s*(?:west|east|north|south|w|e|n|s)|[a-z]+\s+(?:west|east|north|south))\b|\s*,\s*(?:RN|MD|DO|NP|PA|PharmD|RPh|CNA|LPN|MSW|LCSW|PT|OT)\b)/i;
// After a name, what a person does in a meeting ("Brandon you're on mute", "Gwen has the fishbone").
const verbAfter =
  /^(?:\s+(?:you're|you are|can you|could you|go ahead|has the|is going to|will (?:send|present|share|follow|lead|pull|update|review|own|check|talk|walk|help|join|take)|to (?:pull|update|review|own|lead|send|check|follow|join|call|present|share|draft|build|run|schedule)|wants|said|says|asked|caught|did|found|wrote)\b|\s+[—–]\s)/i;
// Before a name: a case or patient number ("Case 1: Adeyemi").
const caseBefore = /\b(?:case|pt|patient)\s*#?\s*\d*\s*:\s*$/i;

/** Whether only a bullet or a filler word stands between the line's start and this offset. */
function atLineStart(text: string, at: number): boolean {
  const head = text.slice(Math.max(0, at - 13), at);
  const newline = head.lastIndexOf("\n");
  if (newline < 0 && at > 13) return false;
  return /^\s*(?:[-•*]\s+|(?:okay|ok|yeah|so|and|um)\s+)?$/i.test(head.slice(newline + 1));
}

const isMonthOrDay = (t: Token) => monthWords.test(t.text) || weekdayWords.test(t.text);

/** Whether a word can be part of a name after the first: a capitalised word or a known name. */
function nameLike(t: Token | undefined, lowercaseOk: boolean): boolean {
  if (!t || t.upper || isMonthOrDay(t) || functionWords.has(t.key) || orgWords.has(t.key)) return false;
  if (notPeople.has(t.key)) return false;
  if (t.cap) return true;
  return lowercaseOk && words().namePlain.has(t.key);
}

/** Only whitespace (and a title's full stop) between two words. */
function adjacent(text: string, a: Token, b: Token, allowDot = false): boolean {
  const gap = text.slice(a.end, b.start);
  return allowDot ? /^\.?\s+$/.test(gap) || gap === "." : /^\s+$/.test(gap);
}

/** The name run starting at tokens[i]: its last token index, or -1. */
function nameRun(text: string, tokens: Token[], i: number, first: (t: Token) => boolean): number {
  const t = tokens[i];
  if (!t || !first(t)) return -1;
  let last = i;
  for (let j = i + 1; j < tokens.length && j <= i + 3; j++) {
    const next = tokens[j]!;
    if (!adjacent(text, tokens[j - 1]!, next)) break;
    const after = tokens[j + 1];
    if (
      particles.has(next.key) &&
      after &&
      (nameLike(after, !t.cap) || isNameWord(after)) &&
      adjacent(text, next, after)
    ) {
      last = j + 1;
      j++;
      continue;
    }
    if (strongTitles.has(next.key) || !nameLike(next, !t.cap)) break;
    if (
      tokens[j - 1]!.text.endsWith("s") &&
      /['’]s$/.test(text.slice(tokens[j - 1]!.start, tokens[j - 1]!.end + 2))
    )
      break;
    last = j;
  }
  return last;
}

function followedByOrg(text: string, tokens: Token[], last: number): boolean {
  const next = tokens[last + 1];
  if (!next || !/^\s+$/.test(text.slice(tokens[last]!.end, next.start))) return false;
  return orgWords.has(next.key);
}

function isNameWord(t: Token): boolean {
  const w = words();
  return !notPeople.has(t.key) && (w.namePlain.has(t.key) || w.nameWordy.has(t.key));
}

/** Single-letter initials before ("T. Nguyen", "t nguyen") and after ("Reyes, M.") a name. */
function withInitials(text: string, start: number, end: number): [number, number] {
  const from = Math.max(0, start - 8);
  const before = /(?:^|[\s(:])([A-Za-z])\.?\s+$/.exec(text.slice(from, start));
  if (before && !/^[aAiI]$/.test(before[1]!) && (before.index > 0 || from === 0 || /\s/.test(before[0][0]!)))
    start = from + before.index + before[0].indexOf(before[1]!, 0);
  const after = /^,\s*([A-Z])\.(?!\w)/.exec(text.slice(end, end + 5));
  if (after) end += after[0].length;
  // Surname first, then the given name: "Lopez-Garcia, Maria".
  const given = /^,\s*([A-Z][a-z]+)\b(?![-'’])/.exec(text.slice(end, end + 24));
  if (
    !after &&
    given &&
    words().firstNames.has(given[1]!.toLowerCase()) &&
    !notPeople.has(given[1]!.toLowerCase())
  )
    end += given[0].length;
  return [start, end];
}

export function findPeople(text: string): Candidate[] {
  const tokens = tokenize(text);
  const out: Candidate[] = [];
  const lex = words();
  const name = (from: number, to: number, priority = 10, initials = true) => {
    let start = tokens[from]!.start;
    let end = tokens[to]!.end;
    if (initials) [start, end] = withInitials(text, start, end);
    out.push({ type: "name", start, end, priority });
  };
  const known = (t: Token) => lex.namePlain.has(t.key) || lex.nameWordy.has(t.key);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // A title and the name after it; the title stays in the span (METHODS.md).
    if ((strongTitles.has(t.key) || weakTitles.has(t.key)) && next && adjacent(text, t, next, true)) {
      const strong = strongTitles.has(t.key) && (t.cap || t.key !== "sr");
      // In typed text a lowercase word after "Dr." is not a name ("Dr. visits"); in captions it may be.
      const last = nameRun(text, tokens, i + 1, (n) =>
        strong && (n.cap || !t.cap)
          ? !functionWords.has(n.key) && !isMonthOrDay(n) && !n.upper && !orgWords.has(n.key)
          : nameLike(n, !t.cap) || (known(n) && !functionWords.has(n.key) && !orgWords.has(n.key)),
      );
      if (last >= 0 && !(strong && !t.cap && notPeople.has(next.key))) {
        out.push({ type: "name", start: t.start, end: tokens[last]!.end, priority: 9 });
        i = last;
        continue;
      }
    }
    // A relative named after the relation: "her husband Dale", "Sister Joanne", "son, Marcus".
    if (relations.has(t.key) && next) {
      let j = i + 1;
      const gap = () => text.slice(tokens[j - 1]!.end, tokens[j]?.start ?? text.length);
      if (tokens[j] && ["is", "named", "called"].includes(tokens[j]!.key) && /^\s+$/.test(gap())) j++;
      if (tokens[j] && /^(?:\s+|\s*,\s*|\s*\(\s*)$/.test(gap())) {
        const last = nameRun(
          text,
          tokens,
          j,
          (n) => nameLike(n, true) || (known(n) && !functionWords.has(n.key)),
        );
        if (last >= 0 && !followedByOrg(text, tokens, last)) {
          name(j, last);
          i = last;
          continue;
        }
      }
    }
    // "the Delgado family".
    if (next && next.key === "family" && adjacent(text, t, next) && !functionWords.has(t.key)) {
      if ((t.cap && !orgWords.has(t.key) && !notPeople.has(t.key)) || lex.namePlain.has(t.key)) {
        name(i, i);
        continue;
      }
    }
    // A name before its relation or role: "Dale (husband)", "jim the husband".
    const after = text.slice(t.end, t.end + 24);
    const role = /^\s*\(\s*([a-z]+)\s*\)|^\s+the\s+([a-z]+)\b/i.exec(after);
    if (role && relations.has((role[1] ?? role[2])!.toLowerCase()) && (t.cap || lex.firstNames.has(t.key))) {
      if (!functionWords.has(t.key) && !notPeople.has(t.key)) {
        name(i, i);
        continue;
      }
    }
    if (t.upper || functionWords.has(t.key) || notPeople.has(t.key) || isMonthOrDay(t)) continue;
    const prev = tokens[i - 1];
    const cueBefore =
      prev !== undefined &&
      beforeCues.has(prev.key) &&
      /^(?:\s+(?:you\s+|out\s+to\s+|to\s+|with\s+)?|:\s*)$/.test(text.slice(prev.end, t.start));
    const rest = text.slice(t.end, t.end + 40);
    const strongAfter =
      roleAfter.test(rest) || caseBefore.test(text.slice(Math.max(0, t.start - 24), t.start));
    const cueAfter = strongAfter || verbAfter.test(rest);
    const lineStart = atLineStart(text, t.start);
    const plain = lex.namePlain.has(t.key);
    const wordy = lex.nameWordy.has(t.key);
    // The lexicon alone: a capitalised name that is not an ordinary word, or a pair "Grace Huang".
    const pairNext =
      next && adjacent(text, t, next) && next.cap && lex.namePlain.has(next.key) && !notPeople.has(next.key);
    // A dash after the name credits a role only at the start of a bullet ("- Wen Li — dashboard build").
    const dashRole = lineStart && /^\s+[—–]\s/.test(rest);
    let accept = false;
    if (plain && (t.cap || t.key.length >= 3)) accept = true;
    else if (wordy && t.cap)
      accept = Boolean(pairNext) || cueBefore || strongAfter || (cueAfter && lineStart);
    else if (wordy) accept = lex.firstNames.has(t.key) && (cueBefore || (cueAfter && lineStart));
    else if (t.cap) accept = !orgWords.has(t.key) && (cueBefore || strongAfter || dashRole);
    if (!accept) continue;
    const last = nameRun(text, tokens, i, () => true);
    if (followedByOrg(text, tokens, last)) continue;
    const before = text.slice(Math.max(0, t.start - 7), t.start);
    if (/\b(?:st\.?|saint|mount|mt\.?|fort|lake|port)\s+$/i.test(before)) continue;
    name(i, last, 11);
    // "Jorge and Mei", "Beatriz, Connor".
    let k = last;
    while (
      tokens[k + 2] &&
      /^\s*(?:,|and|&|,\s*and)\s*$/i.test(text.slice(tokens[k]!.end, tokens[k + 2]!.start))
    ) {
      const n = tokens[k + 2]!;
      if (
        !(n.cap || lex.firstNames.has(n.key)) ||
        functionWords.has(n.key) ||
        notPeople.has(n.key) ||
        n.upper
      )
        break;
      if (!(lex.namePlain.has(n.key) || lex.nameWordy.has(n.key) || n.cap)) break;
      const end = nameRun(text, tokens, k + 2, () => true);
      name(k + 2, end, 11);
      k = end;
    }
    // "and" consumed one token between: skip over what was named.
    i = k;
  }
  return out;
}

// Prepositions that put a person somewhere ("staying with her daughter in Westfield", "from Franklin County").
const placeCues = new Set("in from to near outside at of".split(" "));

/** The longest city, town or county starting at tokens[i], as its last token index, or -1. */
function placeRun(text: string, tokens: Token[], i: number): number {
  const lex = words();
  let best = -1;
  let key = "";
  for (let j = i; j < tokens.length && j <= i + 3; j++) {
    const t = tokens[j]!;
    if (j > i && !adjacent(text, tokens[j - 1]!, t)) break;
    if (isMonthOrDay(t) || notPeople.has(t.key) || (t.upper && t.key !== "ma")) break;
    key = key ? `${key} ${t.key}` : t.key;
    const capsOk = tokens.slice(i, j + 1).every((x) => x.cap);
    if (t.key === "county" && j > i) {
      const county = key.replace(/ county$/, "");
      if (lex.counties.has(county) || capsOk) best = j;
      break;
    }
    if (lex.placePlain.has(key) || (capsOk && lex.placeWordy.has(key))) best = j;
  }
  return best;
}

export function findPlaces(text: string, addressEnds: readonly number[]): Candidate[] {
  const tokens = tokenize(text);
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const afterAddress = addressEnds.some(
      (end) => /^,?\s*$/.test(text.slice(end, t.start)) && end <= t.start,
    );
    const cue = prev !== undefined && placeCues.has(prev.key) && adjacent(text, prev, t);
    const county = tokens[i + 1]?.key === "county" && t.cap;
    if (!cue && !afterAddress && !county) continue;
    const last = placeRun(text, tokens, i);
    if (last < 0) continue;
    if (followedByOrg(text, tokens, last)) continue;
    // "at" and "of" place a person only before a known place name that is not an ordinary word.
    if (!afterAddress && !county && prev && (prev.key === "at" || prev.key === "of") && !t.cap) continue;
    out.push({ type: "address", start: t.start, end: tokens[last]!.end, priority: 8 });
    i = last;
  }
  return out;
}
