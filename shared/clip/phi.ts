// PHI guard: finds HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)) in clip text before it is queued.
// A detector, not a certifier: it flags likely identifiers so a person can redact or attest; it never
// claims text is de-identified.

export const phiTypes = [
  "name",
  "mrn",
  "health-plan",
  "account",
  "licence",
  "device",
  "vehicle",
  "ssn",
  "phone",
  "fax",
  "email",
  "url",
  "ip",
  "date",
  "age",
  "address",
  "zip",
] as const;
export type PhiType = (typeof phiTypes)[number];

export interface PhiFinding {
  type: PhiType;
  /** UTF-16 offsets into the checked text: text.slice(start, end) === finding.text. */
  start: number;
  end: number;
  text: string;
}

/** Human labels for the popup, one per type. */
export const phiTypeLabels: Record<PhiType, string> = {
  name: "Name",
  mrn: "Medical record or other record number",
  "health-plan": "Health plan number",
  account: "Account number",
  licence: "Licence or certificate number",
  device: "Device identifier",
  vehicle: "Vehicle identifier",
  ssn: "Social Security number",
  phone: "Phone number",
  fax: "Fax number",
  email: "Email address",
  url: "Web address",
  ip: "IP address",
  date: "Date more specific than a year",
  age: "Age over 89",
  address: "Street address",
  zip: "ZIP code",
};

interface Rule {
  type: PhiType;
  pattern: RegExp;
  /** Capture group holding the identifier itself (the label before it stays visible). 0 = whole match. */
  group?: number;
  /** Lower runs first and wins an overlap. */
  priority: number;
  accept?: (value: string, match: RegExpExecArray) => boolean;
  /** Shortens the identifier from its end (e.g. a name run that ran into an ordinary word). */
  trim?: (value: string) => string;
}

const MONTHS =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
// An identifier after a label: letters, digits and separators, at least one digit.
const ID = "((?=[A-Z-]*\\d)[A-Z0-9][A-Z0-9-]{2,}[A-Z0-9]|\\d{4,})";
const LABEL_GAP = "\\s*(?:number|no\\.?|num|#|id|ID)?\\s*(?:is|was|of|:|#|=)?\\s*(?:#\\s*)?";
const STREET_SUFFIX =
  "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq|Trail|Trl)";
const STATES =
  "(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)";

// Capitalised words after a title or label that are not names (committee and programme words).
const notNames = new Set(
  `Safety Experience Care Flow Portal Access Advisory Family Relations Satisfaction Education Transport
  Transfer Transfers Engagement Centered Centred Navigator Navigators Navigation Council Committee Survey Surveys
  Outcomes Outcome Registry Rights Services Service Falls Fall Identification Identifier Tracking Rounds Rounding
  Discharge Discharges Admission Admissions Sepsis Voice Volume Volumes Advocate Advocacy Financial Information
  Intake Mix Throughput Handoff Handoffs Liaison Reported Journey The A An And Or Of In On At For With Who That This
  Is Was Has Had Our Their Your His Her Its We They It He She I If When Day Days Week Month Year Stories Story
  Partner Partners Room Rooms Bed Beds Trust Flowsheet Board Boards Data Level Levels Side Hospital Hospitals
  Health Medical Center Centre Clinic Unit Team Manager Lead Leader Director Practitioner Practitioners Educator
  Champion Champions Coordinator Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
  April May June July August September October November December Nurse Nurses Doctor Doctors Ward ICU ED`
    .split(/\s+/)
    .filter(Boolean),
);

// Safe Harbor keeps the first three digits of a ZIP only where that area has more than 20,000 people;
// these prefixes do not and become 000 (METHODS.md; 45 CFR 164.514(b)(2)(i)(B)).
const RESTRICTED_ZIP3 = new Set(
  "036 059 063 102 203 556 692 790 821 823 830 831 878 879 884 890 893".split(" "),
);

/** Whether a ZIP is spoken of near the number (the word, "postal code"), so a bare number is a ZIP. */
function nearZipWord(match: RegExpExecArray, reach = 60): boolean {
  const start = Math.max(0, match.index - reach);
  const around = match.input.slice(start, match.index + match[0].length + reach);
  // Not the ZIP in a placeholder this guard wrote ("[REDACTED-ZIP]"): redacted text must check clean.
  return /(?<!REDACTED-)\b(?:zip(?:\s*codes?|s|3|code)?|postal codes?|post ?codes?)\b/i.test(around);
}

const SPELLED_90S =
  "ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a |one )?hundred(?: and (?:one|two|three|four|five|six|seven|eight|nine|ten))?";

function isAgeOver89(value: string): boolean {
  const n = Number.parseInt(value, 10);
  return n >= 90 && n < 130;
}

function validIpv4(value: string): boolean {
  return value.split(".").every((part) => Number(part) <= 255 && !(part.length > 1 && part.startsWith("0")));
}

function validMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function numericDateOk(value: string): boolean {
  const parts = value.split(/[/.-]/).map((p) => Number.parseInt(p, 10));
  if (parts.length < 2) return false;
  if (String(value).match(/^\d{4}/)) return validMonthDay(parts[1]!, parts[2]!);
  return validMonthDay(parts[0]!, parts[1]!) || validMonthDay(parts[1]!, parts[0]!);
}

/** The name part of a capitalised run: up to the first non-name word, without a possessive 's. */
function trimName(value: string): string {
  const kept: string[] = [];
  for (const word of value.split(/\s+/)) {
    if (notNames.has(word.replace(/['’]s$/, ""))) break;
    kept.push(word);
    if (/['’]s$/.test(word)) break;
  }
  return kept.join(" ").replace(/['’]s$/, "");
}

const rules: Rule[] = [
  {
    type: "email",
    priority: 1,
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  },
  {
    type: "url",
    priority: 2,
    pattern: /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+[^\s<>"')\].,;:!?]/gi,
  },
  {
    type: "url",
    priority: 2,
    pattern:
      /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|health|io|us)\/[^\s<>"')\]]*[^\s<>"')\].,;:!?]/gi,
  },
  {
    type: "ip",
    priority: 2,
    pattern: /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g,
    accept: validIpv4,
  },
  { type: "ip", priority: 2, pattern: /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b/gi },
  { type: "ssn", priority: 3, pattern: /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/g },
  {
    type: "ssn",
    priority: 3,
    pattern:
      /\b(?:SSN|social security(?: number| no\.?| #)?)\s*(?:is|was|:|#)?\s*(\d{3}[- ]?\d{2}[- ]?\d{4})\b/gi,
    group: 1,
  },
  {
    type: "fax",
    priority: 4,
    pattern: /\bfax(?:ed|ing)?\b[^\d.;]{0,40}?((?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4})\b/gi,
    group: 1,
  },
  {
    type: "phone",
    priority: 5,
    pattern:
      /(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b(?:\s*(?:ext\.?|x)\s*\d{1,5})?/gi,
  },
  {
    type: "mrn",
    priority: 6,
    pattern: new RegExp(
      `\\b(?:MRN|medical record|med rec|record|chart|patient|encounter|visit|case|accession|specimen|FIN)${LABEL_GAP}${ID}`,
      "gi",
    ),
    group: 1,
    accept: (value) => /\d/.test(value),
  },
  {
    type: "health-plan",
    priority: 6,
    pattern: new RegExp(
      `\\b(?:member|beneficiary|subscriber|policy|insurance|medicare|medicaid|health plan)${LABEL_GAP}${ID}`,
      "gi",
    ),
    group: 1,
    accept: (value) => /\d/.test(value),
  },
  {
    type: "account",
    priority: 6,
    pattern: new RegExp(`\\b(?:account|acct|billing|claim|invoice)${LABEL_GAP}${ID}`, "gi"),
    group: 1,
    accept: (value) => /\d/.test(value),
  },
  {
    type: "licence",
    priority: 6,
    pattern: new RegExp(
      `\\b(?:licen[cs]e|certificate|DEA|NPI|driver'?s licen[cs]e|permit)${LABEL_GAP}${ID}`,
      "gi",
    ),
    group: 1,
    accept: (value) => /\d/.test(value),
  },
  {
    type: "vehicle",
    priority: 5,
    pattern: new RegExp(`\\b(?:licen[cs]e plate|plate|VIN)${LABEL_GAP}${ID}`, "gi"),
    group: 1,
    accept: (value) => /\d/.test(value),
  },
  {
    type: "device",
    priority: 6,
    pattern: new RegExp(
      `\\b(?:device|serial|UDI|implant|pump|pacemaker|asset tag|asset)${LABEL_GAP}${ID}`,
      "gi",
    ),
    group: 1,
    accept: (value) => /\d/.test(value) && value.length >= 5,
  },
  {
    // A GS1 unique device identifier: (01) and the 14-digit device code, then any production data.
    type: "device",
    priority: 5,
    pattern: /\(01\)\d{14}(?:\(\d{2,4}\)[A-Za-z0-9-]+)*/g,
  },
  {
    type: "date",
    priority: 7,
    pattern: /(?<![\d.])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))(?!\.?\d)/g,
    accept: numericDateOk,
  },
  {
    type: "date",
    priority: 7,
    pattern:
      /\b(?:on|since|from|until|by|admitted|discharged|seen|DOB:?|born)\s+(\d{1,2}\/\d{1,2})\b(?!\/)/gi,
    group: 1,
    accept: numericDateOk,
  },
  {
    type: "date",
    priority: 7,
    pattern: new RegExp(
      `\\b${MONTHS}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b(?!\\s*(?:%|percent|minutes|hours|days|patients))`,
      "g",
    ),
  },
  {
    type: "date",
    priority: 7,
    pattern: new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTHS}\\b(?:,?\\s+\\d{4})?`, "g"),
  },
  {
    type: "date",
    priority: 7,
    pattern: new RegExp(
      `\\b(?:DOB|date of birth|born|birthday|admitted|discharged|died|passed away|expired)\\s*(?:on|in|:)?\\s*(${MONTHS}\\.?\\s+\\d{4})\\b`,
      "gi",
    ),
    group: 1,
  },
  {
    type: "age",
    priority: 7,
    pattern: /\b(\d{2,3})[- ](?:years?|yrs?|y)[- ]old\b/gi,
    accept: (_v, m) => isAgeOver89(m[1]!),
  },
  {
    type: "age",
    priority: 7,
    pattern: /\b(\d{2,3})\s?-?(?:y\/o|yo)\b/g,
    accept: (_v, m) => isAgeOver89(m[1]!),
  },
  {
    type: "age",
    priority: 7,
    pattern: /\b(?:aged?|age:)\s*(\d{2,3})\b/gi,
    accept: (_v, m) => isAgeOver89(m[1]!),
  },
  {
    type: "age",
    priority: 7,
    pattern:
      /\b(?:she|he|who|patient|resident|man|woman|mother|father|mom|dad)\s+(?:is|was|turned|turns|is now|was now)\s+(\d{2,3})\b(?!\s*(?:%|percent|years? ago|minutes|hours|days|weeks|beds|patients|points|mg|kg|lbs?|pounds|kilos|times|on|out|of|\/))/gi,
    group: 1,
    accept: (_v, m) => isAgeOver89(m[1]!),
  },
  {
    type: "age",
    priority: 7,
    pattern: new RegExp(
      `\\b(?:is|was|turned|turns|aged?|age of)\\s+(${SPELLED_90S})\\b(?!\\s*(?:%|percent|minutes|hours|days|weeks|beds|patients|points|times|of))`,
      "gi",
    ),
    group: 1,
  },
  {
    type: "age",
    priority: 7,
    pattern: new RegExp(`\\b(?:${SPELLED_90S})[- ]years?[- ]old\\b`, "gi"),
  },
  {
    type: "age",
    priority: 7,
    pattern: /\b(?:in (?:his|her|their) (?:late |early |mid-)?(?:90s|nineties)|centenarian|nonagenarian)\b/gi,
  },
  {
    type: "address",
    priority: 8,
    pattern: new RegExp(
      `\\b\\d{1,6}\\s+(?:[NSEW]\\.?\\s+)?(?:[A-Z][a-z]+\\s+){1,3}${STREET_SUFFIX}\\b\\.?(?:,?\\s*(?:Apt|Apartment|Unit|Suite|#)\\.?\\s*[A-Z0-9-]+)?(?:,\\s*(?:[A-Z][a-z]+\\s?){1,3},\\s*${STATES}(?:\\s+\\d{5}(?:-\\d{4})?)?)?`,
      "g",
    ),
  },
  {
    type: "address",
    priority: 8,
    pattern: /\b(?:P\.?\s?O\.?\s+Box|Post Office Box)\s+\d+\b/gi,
  },
  {
    type: "address",
    priority: 8,
    pattern: new RegExp(
      `\\b(?:lives|living|resides|residing|moved|address is|home is)\\s+(?:on|at|in)\\s+((?:[A-Z][a-z]+\\s+){1,3}${STREET_SUFFIX})\\b`,
      "g",
    ),
    group: 1,
  },
  {
    type: "zip",
    priority: 9,
    pattern: new RegExp(`(?:,\\s*|\\b)${STATES}\\s+(\\d{5}(?:-\\d{4})?)\\b`, "g"),
    group: 1,
  },
  {
    type: "zip",
    priority: 9,
    pattern: /\b(?:zip|zip code|postal code|zipcode)\s*(?:is|was|of|:)?\s*(\d{5}(?:-\d{4})?)\b/gi,
    group: 1,
  },
  {
    // A five-digit number where the sentence speaks of ZIPs ("from 02118 and 02119, the two ZIPs").
    type: "zip",
    priority: 9,
    pattern: /(?<![\d,.$#-])\b\d{5}(?:-\d{4})?\b(?![\d,.%]\d|\s*(?:%|percent))/g,
    accept: (_v, m) => nearZipWord(m, 60),
  },
  {
    // A three-digit ZIP prefix is identifying only for the sparsely populated areas Safe Harbor lists.
    type: "zip",
    priority: 9,
    pattern: /(?<![\d,.$#-])\b\d{3}\b(?![\d,.%-]\d)/g,
    accept: (value, m) => RESTRICTED_ZIP3.has(value) && nearZipWord(m, 40),
  },
  {
    type: "name",
    priority: 10,
    pattern:
      /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sister|Nurse)\.?\s+((?:[A-Z](?:[a-z]|['’][A-Z])[a-zA-Z'’-]*)(?:\s+[A-Z][a-z][a-zA-Z'’-]*){0,2})/g,
    group: 1,
    trim: trimName,
  },
  {
    type: "name",
    priority: 10,
    pattern:
      /\b(?:[Pp]atient|[Pp]t\.?|[Rr]esident|[Nn]amed|[Nn]ame\s*(?:is|:)|[Dd]aughter|[Ss]on|[Ww]ife|[Hh]usband|[Mm]other|[Ff]ather),?\s+((?:[A-Z][a-z'’-]+)(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z'’-]+){0,2})/g,
    group: 1,
    trim: trimName,
  },
  {
    type: "name",
    priority: 10,
    pattern:
      /\b((?:[A-Z][a-z'’-]+)\s+[A-Z][a-z'’-]+),\s+(?:a|an|the)?\s*(?:\d{2,3}[- ]year|patient|resident)/g,
    group: 1,
    trim: trimName,
  },
];

/** Every likely Safe Harbor identifier in text, in order, without overlaps. Never throws. */
export function detectPhi(text: string): PhiFinding[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const candidates: (PhiFinding & { priority: number })[] = [];
  for (const rule of rules) {
    // "d" gives each group's offsets, so a label before the identifier stays visible.
    const pattern = new RegExp(rule.pattern.source, `${rule.pattern.flags}d`);
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const group = rule.group ?? 0;
      const whole = match[group];
      if (whole === undefined || whole.length === 0) continue;
      if (rule.accept && !rule.accept(whole, match)) continue;
      const value = rule.trim ? rule.trim(whole) : whole;
      if (value.length === 0) continue;
      const start = match.indices?.[group]?.[0] ?? match.index;
      candidates.push({
        type: rule.type,
        start,
        end: start + value.length,
        text: value,
        priority: rule.priority,
      });
    }
  }
  // The most specific rule wins an overlap; among equals, the longer span.
  candidates.sort(
    (a, b) => a.priority - b.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: PhiFinding[] = [];
  for (const c of candidates) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push({ type: c.type, start: c.start, end: c.end, text: c.text });
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The placeholder a finding becomes, e.g. "[REDACTED-MRN]". */
export function redactionLabel(type: PhiType): string {
  return `[REDACTED-${type.toUpperCase()}]`;
}

/** Replaces each finding's span with its placeholder; overlapping or stale findings are tolerated. */
export function redact(text: string, findings: readonly PhiFinding[]): string {
  const spans = findings
    .filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end)
    .slice()
    .sort((a, b) => a.start - b.start);
  let out = "";
  let cursor = 0;
  for (const f of spans) {
    if (f.end <= cursor) continue;
    out += text.slice(cursor, Math.max(cursor, f.start));
    out += redactionLabel(f.type);
    cursor = f.end;
  }
  return out + text.slice(cursor);
}

/**
 * Redacts everything the detector finds, again until nothing is found: a placeholder can bring cue
 * words closer to a number than they were (a ZIP code's context), so one pass is not always enough.
 */
export function redactAll(text: string): { text: string; findings: PhiFinding[] } {
  const all: PhiFinding[] = [];
  let current = text;
  // Each pass only shortens or relabels text; a few passes always settle.
  for (let pass = 0; pass < 5; pass++) {
    const findings = detectPhi(current);
    if (findings.length === 0) break;
    all.push(...findings);
    current = redact(current, findings);
  }
  return { text: current, findings: all };
}

/** Counts per type, for the clip's record of what was checked. */
export function summarizeFindings(findings: readonly PhiFinding[]): Partial<Record<PhiType, number>> {
  const counts: Partial<Record<PhiType, number>> = {};
  for (const f of findings) counts[f.type] = (counts[f.type] ?? 0) + 1;
  return counts;
}
