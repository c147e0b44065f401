// Identifiers read aloud, as live captions write them: digit by digit ("five five five oh one four two"),
// e-mail and web addresses ("j park at lakeview health dot org"), IP addresses and dates in words.

import type { Candidate } from "./candidate.ts";
import type { PhiType } from "./types.ts";

const DIGIT: Record<string, string> = {
  zero: "0",
  oh: "0",
  o: "0",
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
};
const DIGIT_WORD = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\\d)";
// Four or more digits in words (or mixed with numerals), one by one.
const digitRun = new RegExp(`\\b${DIGIT_WORD}(?:[\\s,-]+${DIGIT_WORD}){3,}\\b`, "gi");

// Number words are matched as plain words and checked in code: alternations of every number word, repeated,
// make regular expressions slow to compile when the popup opens.
const numberWords = new Set(
  `zero oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
  seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety`.split(/\s+/),
);
const allNumberWords = (s: string) =>
  s
    .toLowerCase()
    .split(/[\s-]+/)
    .every((w) => numberWords.has(w));
const WORD = "[a-z]+";

/** What the words before a spoken number say it is. */
function kindBefore(before: string, digits: number): PhiType | undefined {
  const near = before.slice(-48).toLowerCase();
  if (/\b(?:social|ssn|s s n|last four|last 4)\b[^.]*$/.test(near) && (digits === 4 || digits === 9))
    return "ssn";
  if (/\bzip\b[^.]*$/.test(near) && (digits === 5 || digits === 9)) return "zip";
  if (/\bfax\b[^.]*$/.test(near)) return "fax";
  if (/\b(?:medicaid|medicare|member|insurance|plan)\b[^.]*$/.test(near)) return "health-plan";
  if (/\b(?:account|acct|har|claim|billing)\b[^.]*$/.test(near)) return "account";
  if (/\b(?:record|mrn|m r n|chart|csn|c s n|fin|encounter|incident|accession)\b[^.]*$/.test(near))
    return "mrn";
  if (/\b(?:licen[cs]e|lic|dea|npi)\b[^.]*$/.test(near)) return "licence";
  if (/\b(?:serial|device|pump)\b[^.]*$/.test(near)) return "device";
  if (digits === 7 || digits === 10 || digits === 11) return "phone";
  if (digits === 4 && /\b(?:at|ext|extension|x|dial|call)\s*$/.test(near)) return "phone";
  if (/\b(?:call|phone|cell|number|reach|callback|dial)\b[^.]*$/.test(near) && digits >= 4) return "phone";
  return undefined;
}

// "j park at lakeview health dot org", "quality dash team at westfield med dot com".
const email =
  /\b((?:(?!(?:at|to|me|is|or|email|send|and)\b)[a-z0-9]+(?:\s+(?:dash|dot|underscore)\s+|\s+)){0,2}(?!(?:at|to|me|is|or|email|send|and)\b)[a-z0-9]+)\s+at\s+((?:[a-z0-9]+\s+){0,3}?)(?:[a-z0-9]+)\s+dot\s+(?:com|org|net|edu|gov|io|us)\b/gi;
// "lakeviewhealth dot org slash portal slash a8812".
const url =
  /\b[a-z0-9-]+(?:\s+dot\s+[a-z0-9-]+)*\s+dot\s+(?:com|org|net|edu|gov|io|us)(?:\s+slash\s+[a-z0-9-]+)+/gi;
const ip = new RegExp(`\\b${WORD}(?:[\\s-]${WORD})?(?:\\s+dot\\s+${WORD}(?:[\\s-]${WORD})?){3}\\b`, "gi");
// A date read as numbers after a clinical cue: "admit was three fourteen", "dob four twelve thirty one".
const spokenDate = new RegExp(
  `\\b(?:dob|born|admit(?:ted)?|readmit(?:ted)?|discharge(?:d)?|d\\s?/?\\s?c|seen|died|surgery)\\s+(?:was\\s+|is\\s+|on\\s+)?(${WORD}(?:\\s+${WORD}){1,3})\\b`,
  "gi",
);

export function findSpoken(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(digitRun)) {
    const digits = m[0]
      .toLowerCase()
      .split(/[\s,-]+/)
      .map((w) => DIGIT[w] ?? w)
      .join("");
    if (!/^\d+$/.test(digits)) continue;
    const type = kindBefore(text.slice(Math.max(0, m.index - 48), m.index), digits.length);
    if (type) out.push({ type, start: m.index, end: m.index + m[0].length, priority: 5 });
  }
  for (const m of text.matchAll(email))
    out.push({ type: "email", start: m.index, end: m.index + m[0].length, priority: 1 });
  for (const m of text.matchAll(url))
    out.push({ type: "url", start: m.index, end: m.index + m[0].length, priority: 2 });
  ip.lastIndex = 0;
  for (let m = ip.exec(text); m !== null; m = ip.exec(text)) {
    if (m[0].split(/\s+dot\s+/i).every(allNumberWords))
      out.push({ type: "ip", start: m.index, end: m.index + m[0].length, priority: 2 });
    // Not all number words ("was ten dot four ..."): look again from the next word.
    else ip.lastIndex = m.index + (/^[a-z]+/i.exec(m[0])?.[0].length ?? 0) + 1;
  }
  spokenDate.lastIndex = 0;
  for (let m = spokenDate.exec(text); m !== null; m = spokenDate.exec(text)) {
    // The number words from the start of the run: "three fourteen and discharge" keeps "three fourteen".
    const words = m[1]!.split(/\s+/);
    let n = 0;
    while (n < words.length && numberWords.has(words[n]!.toLowerCase())) n++;
    const start = m.index + m[0].lastIndexOf(m[1]!);
    const value = n > 0 ? (new RegExp(`^\\S+(?:\\s+\\S+){${n - 1}}`).exec(m[1]!)?.[0] ?? "") : "";
    // Look again right after the number words: "... and discharge three nineteen".
    spokenDate.lastIndex = start + Math.max(1, value.length);
    if (n >= 2) out.push({ type: "date", start, end: start + value.length, priority: 7 });
  }
  return out;
}
