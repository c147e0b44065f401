// PHI guard: finds HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)) in clip text before it is queued.
// A detector, not a certifier: it flags likely identifiers so a person can redact or attest; it never
// claims text is de-identified.
import type { Candidate } from "./phi/candidate.ts";
import { findPeople, findPlaces } from "./phi/people.ts";
import { findSpoken } from "./phi/spoken.ts";
import type { PhiFinding, PhiType } from "./phi/types.ts";

export { type PhiFinding, type PhiType, phiTypeLabels, phiTypes } from "./phi/types.ts";

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

const ORDINAL_WORDS =
  "(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth";
const YEAR_WORDS =
  "(?:nineteen|twenty|two thousand)(?:[ -](?:oh[ -])?(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine))?";
const WEEKDAY = "(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\\.?";
const HOLIDAYS =
  "new year['’]?s(?: day| eve)?|christmas(?: eve| day)?|thanksgiving(?: day)?|labou?r day|memorial day|independence day|fourth of july|july (?:4th|fourth)|easter(?: sunday)?|halloween|valentine['’]?s day|veterans['’]? day|mlk day|martin luther king day|presidents['’]? day|columbus day|juneteenth|mother['’]?s day|father['’]?s day|good friday|black friday";
const MONTHS =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
// An identifier after a label: letters, digits and separators, at least one digit.
// Also a short letter prefix spoken apart from its digits ("ir 22817", "rn 884213").
const ID = "((?=[A-Z-]*\\d)[A-Z0-9][A-Z0-9-]{2,}[A-Z0-9]|\\d{4,}|[A-Z]{1,3}\\s(?=[A-Z]*\\d)[A-Z0-9]{4,}\\b)";
const LABEL_GAP = "\\s*(?:number|no\\.?|num|#|id|ID|MBI|report)?\\s*(?:is|was|of|:|#|=)?\\s*(?:#\\s*)?";
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
  return /(?<!REDACTED-)\b(?:zip(?:\s*codes?|s|3|code)?|postal codes?|post ?codes?)\b(?!\s*ties?\b)/i.test(
    around,
  );
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
    // A local number without its area code: "555-0142"; with a space only where 555 or a cue says phone.
    type: "phone",
    priority: 5,
    pattern:
      /(?<![\d-]|\b(?:NDC|CPT|ICD|DRG)\s?)\b[2-9]\d{2}(?:-|\s(?=\d{4}\b))\d{4}\b(?!-\d)(?:\s*(?:ext\.?|x)\s*\d{1,5})?/gi,
    accept: (v, m) =>
      v.includes("-") ||
      v.startsWith("555") ||
      /\b(?:call|cell|phone|number|callback|contact|fax|at)\W*$/i.test(m.input.slice(0, m.index)),
  },
  {
    // An extension alone: "ext 4471", "x2231", "extension 4410".
    type: "phone",
    priority: 5,
    pattern: /\b(?:ext\.?|extension|x)\s?\d{3,5}\b/gi,
    accept: (v) => !/^x\s/i.test(v),
  },
  {
    type: "ssn",
    priority: 3,
    pattern:
      /\b(?:ssn|social(?: security)?(?: number| no\.?| #)?)\s*(?:last\s*(?:four|4)|ending(?: in)?)\s*(?:is|was|:)?\s*(\d{4})\b/gi,
    group: 1,
  },
  {
    type: "ssn",
    priority: 3,
    pattern:
      /\blast\s*(?:four|4)(?:\s*(?:of (?:the|her|his) )?(?:ssn|social))?\s*(?:is|was|:)?\s*(\d{4})\b/gi,
    group: 1,
  },
  {
    type: "mrn",
    priority: 6,
    pattern: new RegExp(
      `\\b(?:MRN|medical record|med rec|record|chart|patient|encounter|visit|case|accession|specimen|FIN|CSN|c s n|incident|RL6?|r l|event)${LABEL_GAP}${ID}`,
      "gi",
    ),
    group: 1,
    accept: (value) => /\d/.test(value),
  },
  {
    type: "health-plan",
    priority: 6,
    pattern: new RegExp(
      `\\b(?:member|beneficiary|subscriber|insurance|medicare|medicaid|health plan|policy)${LABEL_GAP}${ID}`,
      "gi",
    ),
    group: 1,
    accept: (value) => /\d/.test(value),
  },
  {
    type: "account",
    priority: 6,
    pattern: new RegExp(`\\b(?:account|acct|billing|claim|invoice|HAR)${LABEL_GAP}${ID}`, "gi"),
    group: 1,
    accept: (value) => /\d/.test(value),
  },
  {
    type: "licence",
    priority: 6,
    pattern: new RegExp(
      `\\b(?:licen[cs]e|lic|certificate|DEA|NPI|driver'?s licen[cs]e|permit)${LABEL_GAP}${ID}`,
      "gi",
    ),
    group: 1,
    accept: (value) => /\d/.test(value),
  },
  {
    type: "vehicle",
    priority: 5,
    pattern: new RegExp(`\\b(?:licen[cs]e plate|plate|VIN|vehicle identification)${LABEL_GAP}${ID}`, "gi"),
    group: 1,
    accept: (value) => /\d/.test(value),
  },
  {
    // A plate as written or read out: "7KDL-219", "abc 1234", "MA 4TX 882".
    type: "vehicle",
    priority: 5,
    pattern:
      /\b(?:licen[cs]e plate|plate)\s*(?:number|no\.?|#)?\s*(?:is|was|:)?\s*((?:[A-Z]{2,3}[ -])?(?=[A-Z0-9]*\d)[A-Z0-9]{2,8}(?:[ -]\d{2,4})?)\b/gi,
    group: 1,
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
      `\\b${MONTHS}\\.?\\s+(?:the\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?|${ORDINAL_WORDS})(?:,?\\s+(?:\\d{4}|${YEAR_WORDS}))?\\b(?!\\s*(?:%|percent|minutes|hours|days|patients))`,
      "gi",
    ),
  },
  {
    type: "date",
    priority: 7,
    pattern: new RegExp(
      `\\b(?:the\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?|${ORDINAL_WORDS})\\s+(?:of\\s+)?${MONTHS}\\b(?:,?\\s+\\d{4})?`,
      "gi",
    ),
    accept: (v) => !/^\\d+\\s+may\\b/.test(v),
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
    // After clinical shorthand or a cue, a bare month/day: "admit 3/4", "d/c 11/2", "readmit 11 19".
    type: "date",
    priority: 7,
    pattern: new RegExp(
      `\\b(?:(?:re-?)?admit(?:ted)?|d\\s?\\/?\\s?c|discharged?|seen|died|expired|surgery|fall|fell|event|f\\/u|follow[- ]up|dob|born|ssi|mtg|meeting|birthday|since|until|on|by|${WEEKDAY})(?:\\s+(?:was|is|on|of))?:?\\s+((?:\\d{1,2}[/-]\\d{1,2})(?![/\\d.])|\\d{1,2}\\s\\d{1,2}\\b(?![/\\d.:]))`,
      "gi",
    ),
    group: 1,
    accept: (v, m) =>
      (v.includes(" ") ? /admit|d\s?\/?\s?c|discharg/i.test(m[0]) : true) &&
      numericDateOk(v.replace(" ", "/")),
  },
  {
    // A weekday and its day: "Thu 11/14", "thursday the 14th", "sunday the 3rd".
    type: "date",
    priority: 6,
    pattern: new RegExp(
      `\\b${WEEKDAY},?\\s+(?:the\\s+)?(?:\\d{1,2}[/-]\\d{1,2}(?![/\\d])|\\d{1,2}(?:st|nd|rd|th)|${ORDINAL_WORDS})\\b`,
      "gi",
    ),
  },
  {
    // An ordinal day alone: "on the 5th", "seen the twenty third".
    type: "date",
    priority: 7,
    pattern:
      /\bthe\s+(?:\d{1,2}(?:st|nd|rd|th)|(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|(?:fif|six|seven|eigh|nin|ten|eleven|twelf|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twentie|thirtie)th)\b(?!\s+(?:floor|percentile|grade|time|times|century|place|round|day|week|hour|minute|patient|case|fall|chart|one|bed|row|step|item|slide|page|quarter|of\s+(?:the\s+)?(?:month|list|year|quarter)))/gi,
    accept: (v) => {
      const n = Number.parseInt(v.replace(/\D/g, ""), 10);
      return Number.isNaN(n) || (n >= 1 && n <= 31);
    },
  },
  {
    type: "date",
    priority: 7,
    pattern: new RegExp(`\\b(?:${HOLIDAYS})\\b`, "gi"),
  },
  {
    // A month alone dates a person's event: "she passed in April", "expired June 2024".
    type: "date",
    priority: 7,
    pattern: new RegExp(
      `\\b(?:passed(?: away)?|died|expired|born|admitted|readmitted|discharged|fell|moved|seen|buried)\\s+(?:in\\s+|on\\s+)?(${MONTHS}(?:\\s+\\d{4})?)\\b`,
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
    pattern: /\b(?:aged?|age:)\s*(\d{2,3})\b(?!\s*(?:\+|plus|-\s*\d|to\s+\d|and over|or older))/gi,
    accept: (_v, m) => isAgeOver89(m[1]!),
  },
  {
    type: "age",
    priority: 7,
    pattern:
      /\b(?:she|he|who|patient|resident|man|woman|mother|father|mom|dad)\s+(?:is|was|turned|turns|is now|was now)\s+(\d{2,3})\b(?!\s*(?:%|percent|years? ago|minutes|hours|days|weeks|beds|patients|points|mg|kg|lbs?|pounds|kilos|times|on|out|of|meters|metres|feet|ft|yards|miles|cm|degrees|bpm|\/))/gi,
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
    // A person, a few words, then their age: "the resident in room 12 is 95 and confused".
    type: "age",
    priority: 7,
    pattern:
      /\b(?:she|he|pt|patient|resident|man|woman|mother|father|mom|dad|husband|wife|grandmother|grandfather|who)\b[^.;!?]{0,40}?\b(?:is|was|turned|turns)\s+(9\d|1[01]\d)\b(?=\s*(?:and|but|so|with|now|today|years|yrs|,|\.|;|$))/gi,
    group: 1,
  },
  {
    type: "age",
    priority: 7,
    pattern: /\b(?:9\d|1[01]\d) years of age\b/gi,
  },
  {
    // Age and sex in shorthand: "93F", "96M", "91 F".
    type: "age",
    priority: 7,
    pattern: /\b(9\d|1[01]\d)\s?[MF]\b/g,
  },
  {
    type: "age",
    priority: 7,
    pattern:
      /\b(?:he|she|pt|patient|resident|who)(?:['’]s|\s+is|\s+was)\s+(9\d|1[01]\d)\b(?=\s*(?:and|but|so|with|now|today|years? old|yrs|y\/?o|-year|,|\.|;|!|\?|$))|\bturn(?:ed|s|ing)\s+(9\d|1[01]\d)\b/gi,
  },
  {
    // Ninety and over in words, wherever no unit follows: "that makes her ninety one", "Ninety five per daughter".
    type: "age",
    priority: 7,
    pattern: new RegExp(
      `(?<!\\b(?:sats?|spo2|score|about|than|under|above|below|top|at)\\s+(?:were\\s+|was\\s+|of\\s+)?)\\b(?:over\\s+)?(?:${SPELLED_90S})\\b(?!\\s*(?:%|percent|minutes|min|seconds?|hours|days|weeks|beds|patients|points|times|of|charts|day|plus|th))`,
      "gi",
    ),
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
      `\\b\\d{1,6}\\s+(?:[NSEW]\\.?\\s+)?(?:[A-Z][a-z]+\\s+){1,3}${STREET_SUFFIX}\\b\\.?(?:,?\\s*(?:Apt|Apartment|Unit|Suite|#)\\.?\\s*[A-Z0-9-]+)?`,
      "g",
    ),
  },
  {
    type: "address",
    priority: 8,
    pattern: /\b(?:P\.?\s?O\.?\s+Box|Post Office Box)\s+\d+\b/gi,
  },
  {
    // A house number in digits or words and a lowercase street: "118 elm st", "forty two maple street".
    type: "address",
    priority: 8,
    pattern:
      /\b(?:\d{1,6}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[a-z]+\s+){1,2}(?:street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|drive|terrace|parkway)\b\.?(?:\s*(?:apt|apartment|unit|#)\.?\s*[a-z0-9-]+)?/gi,
    accept: (v) => !/^\\d+\\s+(?:the|a|an|of|to|and|or|per|in|on)\\s/i.test(v),
  },
  {
    // A street without a house number where the sentence gives it as a home: "lives on Cedar Lane".
    type: "address",
    priority: 8,
    pattern:
      /\b(?:on|address:?|lives:?|living on|home on)\s+((?!(?:the|a|an|this|that|her|his|my|our|their|your|its)\b)(?:[A-Za-z]+\s+){1,2}(?:Street|Avenue|Road|Lane|Drive|Boulevard|Court|Terrace|Circle|Way|Place|St|Ave|Rd|Ln|Blvd|street|avenue|road|lane|drive|boulevard))\b/g,
    group: 1,
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

// "d" gives each group's offsets, so a label before the identifier stays visible.
const compiled = rules.map((rule) => ({
  rule,
  pattern: new RegExp(rule.pattern.source, `${rule.pattern.flags}d`),
}));

function ruleCandidates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const { rule, pattern } of compiled) {
    pattern.lastIndex = 0;
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
      candidates.push({ type: rule.type, start, end: start + value.length, priority: rule.priority });
    }
  }
  return candidates;
}

/** What a found span says about the words right after it: a ZIP after a city, an age after a name. */
function followers(text: string, found: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of found) {
    const after = text.slice(c.end, c.end + 16);
    const zip = c.type === "address" ? /^,?\s*(?:[A-Z]{2},?\s+)?(\d{5}(?:-\d{4})?)\b/.exec(after) : null;
    if (zip) {
      const start = c.end + zip[0].length - zip[1]!.length;
      out.push({ type: "zip", start, end: start + zip[1]!.length, priority: 9 });
    }
    const age = c.type === "name" ? /^,\s*(9\d|1[01]\d)\b(?!\s*(?:%|percent))/.exec(after) : null;
    if (age) {
      const start = c.end + age[0].length - age[1]!.length;
      out.push({ type: "age", start, end: start + age[1]!.length, priority: 7 });
    }
  }
  return out;
}

/** A phone number the sentence calls a fax. */
function faxOrPhone(text: string, c: Candidate): Candidate {
  if (c.type !== "phone") return c;
  const before = text.slice(Math.max(0, c.start - 30), c.start);
  return /\bfax\b[^.;\d]*$/i.test(before) ? { ...c, type: "fax" } : c;
}

/** Every likely Safe Harbor identifier in text, in order, without overlaps. Never throws. */
export function detectPhi(text: string): PhiFinding[] {
  if (typeof text !== "string" || text.length === 0) return [];
  const candidates = [...ruleCandidates(text), ...findSpoken(text), ...findPeople(text)];
  const addressEnds = candidates.filter((c) => c.type === "address").map((c) => c.end);
  candidates.push(...findPlaces(text, addressEnds));
  candidates.push(...followers(text, candidates));
  // The most specific rule wins an overlap; among equals, the longer span.
  candidates.sort(
    (a, b) => a.priority - b.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: PhiFinding[] = [];
  for (const c of candidates.map((x) => faxOrPhone(text, x))) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push({ type: c.type, start: c.start, end: c.end, text: text.slice(c.start, c.end) });
  }
  return kept.sort((a, b) => a.start - b.start);
}

// Touches every rule once, so the regular expressions are compiled before the first real check.
const warmUpText =
  "Thanks Omar, Mrs. Lee's husband Dale in Westfield, MRN 00482913, 555-0142 ext 4471, jo@x.org, www.x.org/a, " +
  "10.1.2.3, 123-45-6789, admit 3/4, March 3, 2025, the 5th, Thursday the 14th, New Year's Day, she's 93, 93F, " +
  "ninety one, 42 Maple Street, Springfield, MA 01105, zip zero one one oh five, j park at x health dot org.";

/** Compiles the detector's patterns ahead of the first check (the popup calls it while it loads). */
export function warmUpPhi(): void {
  detectPhi(warmUpText);
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
