// The one validator of the clip protocol: untrusted JSON in, typed values or precise per-field errors out
// ("clips[3].tags[2]: a tag is at most 40 characters"). Never throws, whatever the input.

import { matchSiteLabel } from "../methods/pseudonyms";
import { siteNotInExchange } from "../schema/vocabulary";
import { neutralizeInvisible } from "./invisible";
import {
  CLIP_KINDS,
  CLIP_LIMITS,
  CLIP_PLATFORMS,
  type ClipInput,
  type ClipKind,
  type ClipPlatform,
  type EndpointRequest,
  type ErrorResponse,
  errorResponse,
  PHI_ACTIONS,
  type PhiAction,
  PROTOCOL_VERSION,
} from "./protocol";

export interface FieldError {
  /** Where in the request, e.g. "clips[3].tags[2]". */
  path: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** A checked clip, with the fields whose invisible or reordering characters were neutralized. */
export type CheckedClip =
  | { ok: true; value: ClipInput; neutralized: string[] }
  | { ok: false; errors: FieldError[] };

/** The request before its clips are checked one by one (so valid clips land even when others do not). */
export type Envelope =
  | { v: typeof PROTOCOL_VERSION; token: string; op: "hello" }
  | { v: typeof PROTOCOL_VERSION; token: string; op: "clip"; clips: unknown[] };

export type EnvelopeResult = { ok: true; envelope: Envelope } | { ok: false; response: ErrorResponse };

/** A clip's errors are reported up to this many; the rest would only repeat the point. */
const MAX_ERRORS = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
// Control characters other than tab, CR and LF, which clip text may contain.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;

const count = (n: number): string => n.toLocaleString("en-US");

/** Untrusted text quoted back in a message: short, so a request cannot make its own answer large. */
const shorten = (text: string): string => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

export function formatFieldError(error: FieldError): string {
  return `${error.path}: ${error.message}`;
}

/** One line for a person: the first errors, then how many more. */
export function formatFieldErrors(errors: readonly FieldError[]): string {
  const shown = errors.slice(0, 5).map(formatFieldError).join("; ");
  return errors.length > 5 ? `${shown}; and ${errors.length - 5} more` : shown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** The first JSON.parse of the body: text → a value, or the bad_json / too_large error. */
export function parseBody(
  text: unknown,
): { ok: true; value: unknown } | { ok: false; response: ErrorResponse } {
  if (typeof text !== "string" || text.trim() === "") {
    return {
      ok: false,
      response: errorResponse(
        "bad_json",
        "The request had no body. Send the clip request as JSON text.",
        false,
      ),
    };
  }
  if (text.length > CLIP_LIMITS.maxRequestChars) {
    return {
      ok: false,
      response: errorResponse(
        "too_large",
        `The request is ${count(text.length)} characters; the limit is ${count(CLIP_LIMITS.maxRequestChars)}. Send fewer clips per request.`,
        false,
      ),
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      response: errorResponse(
        "bad_json",
        "The request is not valid JSON. Update the Peer Exchange Clipper extension.",
        false,
      ),
    };
  }
}

/** Version, token presence, operation and batch shape: everything checked before authentication. */
export function checkEnvelope(raw: unknown): EnvelopeResult {
  const fail = (response: ErrorResponse): EnvelopeResult => ({ ok: false, response });
  if (!isRecord(raw)) {
    return fail(
      errorResponse("bad_request", `The request must be a JSON object, not ${typeName(raw)}.`, false),
    );
  }
  if (raw.v !== PROTOCOL_VERSION) {
    const sent =
      typeof raw.v === "number"
        ? `version ${raw.v}`
        : raw.v === undefined || raw.v === null
          ? "no protocol version"
          : "a protocol version that is not a number";
    return fail(
      errorResponse(
        "unsupported_version",
        `The workbook speaks clip protocol version ${PROTOCOL_VERSION}; the extension sent ${sent}. Update the Peer Exchange Clipper extension (or the workbook's add-on) so both match.`,
        false,
      ),
    );
  }
  const token = raw.token;
  if (typeof token !== "string" || token === "" || token.length > CLIP_LIMITS.maxTokenChars) {
    return fail(
      errorResponse(
        "unauthorized",
        "The request carries no valid scribe token. Paste the connection code from the workbook (Peer Exchange → Connect a scribe…) into the extension's options.",
        false,
      ),
    );
  }
  if (raw.op === "hello") return { ok: true, envelope: { v: PROTOCOL_VERSION, token, op: "hello" } };
  if (raw.op !== "clip") {
    return fail(
      errorResponse(
        "bad_request",
        `op: unknown operation ${typeof raw.op === "string" ? JSON.stringify(shorten(raw.op)) : typeName(raw.op)}; expected "hello" or "clip".`,
        false,
      ),
    );
  }
  const clips = raw.clips;
  if (!Array.isArray(clips)) {
    return fail(
      errorResponse("bad_request", `clips: expected a list of clips, got ${typeName(clips)}.`, false),
    );
  }
  if (clips.length === 0)
    return fail(errorResponse("bad_request", "clips: the batch holds no clips.", false));
  if (clips.length > CLIP_LIMITS.maxBatch) {
    return fail(
      errorResponse(
        "too_large",
        `clips: a batch holds at most ${count(CLIP_LIMITS.maxBatch)} clips (got ${count(clips.length)}); send the rest in another request.`,
        false,
      ),
    );
  }
  return { ok: true, envelope: { v: PROTOCOL_VERSION, token, op: "clip", clips } };
}

/** Collects a clip's field errors, at most MAX_ERRORS of them, and the fields neutralized. */
interface Errors {
  list: FieldError[];
  neutralized: string[];
  add(path: string, message: string): void;
}

function errorsList(): Errors {
  const list: FieldError[] = [];
  return {
    list,
    neutralized: [],
    add(path, message) {
      if (list.length < MAX_ERRORS) list.push({ path, message });
    },
  };
}

/** The text without invisible or reordering characters; notes the field when any were there. */
function visible(text: string, path: string, errors: Errors, multiline = false): string {
  const result = neutralizeInvisible(text, multiline);
  if (result.changed && !errors.neutralized.includes(path)) errors.neutralized.push(path);
  return result.text;
}

/** A short single-line label (speaker, site, session); "" and null mean absent. */
function optionalLabel(value: unknown, path: string, what: string, errors: Errors): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    errors.add(path, `${what} must be text, not ${typeName(value)}`);
    return undefined;
  }
  const label = visible(value, path, errors).replace(/\s+/g, " ").trim();
  if (label === "") return undefined;
  if (label.length > CLIP_LIMITS.maxLabelChars) {
    errors.add(
      path,
      `${what} is at most ${CLIP_LIMITS.maxLabelChars} characters (got ${count(label.length)})`,
    );
  }
  return label;
}

/** What is wrong with one tag (`tag` is the item trimmed), or "" when nothing is. */
function tagProblem(item: unknown, tag: string): string {
  if (typeof item !== "string") return `a tag must be text, not ${typeName(item)}`;
  if (tag === "") return "a tag cannot be empty";
  if (tag.length > CLIP_LIMITS.maxTagChars) {
    return `a tag is at most ${CLIP_LIMITS.maxTagChars} characters (got ${count(tag.length)})`;
  }
  if (tag.includes(",")) return "a tag cannot contain a comma (tags are listed with commas)";
  if (CONTROL.test(tag)) return "a tag cannot contain control characters";
  return "";
}

function checkTags(value: unknown, path: string, errors: Errors): string[] {
  if (!Array.isArray(value)) {
    errors.add(path, `expected a list of tags, got ${typeName(value)}`);
    return [];
  }
  if (value.length > CLIP_LIMITS.maxTags) {
    // Stop here: checking each of thousands of tags would only bury this one fact.
    errors.add(path, `a clip has at most ${CLIP_LIMITS.maxTags} tags (got ${count(value.length)})`);
    return [];
  }
  const tags: string[] = [];
  const seen = new Set<string>();
  value.forEach((item: unknown, i) => {
    const tag = typeof item === "string" ? visible(item, path, errors).replace(/\s+/g, " ").trim() : "";
    const problem = tagProblem(item, tag);
    if (problem) errors.add(`${path}[${i}]`, problem);
    else if (!seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  });
  return tags;
}

function checkSource(value: unknown, path: string, errors: Errors): ClipInput["source"] {
  const source: ClipInput["source"] = { platform: "web", url: "", title: "" };
  if (!isRecord(value)) {
    errors.add(path, `expected an object with platform, url and title, got ${typeName(value)}`);
    return source;
  }
  if (typeof value.platform === "string" && (CLIP_PLATFORMS as readonly string[]).includes(value.platform)) {
    source.platform = value.platform as ClipPlatform;
  } else {
    errors.add(`${path}.platform`, `expected one of ${CLIP_PLATFORMS.join(", ")}`);
  }
  if (typeof value.url !== "string") {
    errors.add(`${path}.url`, `the page URL must be text ("" when unknown), not ${typeName(value.url)}`);
  } else if (value.url.length > CLIP_LIMITS.maxUrlChars) {
    errors.add(`${path}.url`, `a page URL is at most ${count(CLIP_LIMITS.maxUrlChars)} characters`);
  } else if (value.url !== "" && !/^https?:\/\/\S+$/i.test(value.url)) {
    errors.add(`${path}.url`, "the page URL must start with http:// or https:// and contain no spaces");
  } else {
    source.url = value.url;
  }
  if (typeof value.title !== "string") {
    errors.add(
      `${path}.title`,
      `the page title must be text ("" when unknown), not ${typeName(value.title)}`,
    );
  } else {
    const title = visible(value.title, `${path}.title`, errors).replace(/\s+/g, " ").trim();
    source.title =
      title.length > CLIP_LIMITS.maxTitleChars ? `${title.slice(0, CLIP_LIMITS.maxTitleChars - 1)}…` : title;
  }
  return source;
}

function checkPhi(value: unknown, path: string, errors: Errors): ClipInput["phi"] {
  const phi: ClipInput["phi"] = { checked: false, findings: 0, types: [], action: "none" };
  if (!isRecord(value)) {
    errors.add(
      path,
      `expected the PHI check result {checked, findings, types, action}, got ${typeName(value)}`,
    );
    return phi;
  }
  if (typeof value.checked === "boolean") phi.checked = value.checked;
  else errors.add(`${path}.checked`, "expected true or false");
  if (typeof value.findings === "number" && Number.isInteger(value.findings) && value.findings >= 0) {
    phi.findings = value.findings;
  } else {
    errors.add(`${path}.findings`, "expected a whole number of findings, 0 or more");
  }
  if (!Array.isArray(value.types)) {
    errors.add(`${path}.types`, `expected a list of finding types, got ${typeName(value.types)}`);
  } else if (value.types.length > CLIP_LIMITS.maxPhiTypes) {
    errors.add(`${path}.types`, `at most ${CLIP_LIMITS.maxPhiTypes} finding types`);
  } else {
    value.types.forEach((type: unknown, i) => {
      if (
        typeof type !== "string" ||
        type === "" ||
        type.length > CLIP_LIMITS.maxPhiTypeChars ||
        CONTROL.test(type)
      ) {
        errors.add(
          `${path}.types[${i}]`,
          `a finding type is text of 1–${CLIP_LIMITS.maxPhiTypeChars} characters`,
        );
      } else if (!phi.types.includes(type)) {
        phi.types.push(type);
      }
    });
  }
  if (typeof value.action === "string" && (PHI_ACTIONS as readonly string[]).includes(value.action)) {
    phi.action = value.action as PhiAction;
    if (phi.action !== "none" && !phi.checked) {
      errors.add(`${path}.action`, `"${phi.action}" needs a PHI check that ran (checked: true)`);
    }
  } else {
    errors.add(`${path}.action`, `expected one of ${PHI_ACTIONS.join(", ")}`);
  }
  return phi;
}

/** Clips are taken in this century; a year outside it is a broken clock or a forged request. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/**
 * What is wrong with a capture time, or "". Date.parse would roll 2026-02-31 over to 2026-03-03 and
 * T24:00 to the next day, so every field is checked against the calendar first.
 */
export function dateTimeProblem(value: string): string {
  const example = 'expected an ISO date-time with a zone, such as "2026-03-04T14:05:00Z"';
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return example;
  const [year, month, day, hour, minute] = value.slice(0, 16).split(/[-T:]/).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = match[1] ? Number(match[1].slice(1, 3)) : 0;
  if (year < FIRST_YEAR || year > LAST_YEAR)
    return `the year ${year} is not a capture year (${FIRST_YEAR}–${LAST_YEAR}); check the computer's clock`;
  if (month < 1 || month > 12) return `there is no month ${month}; ${example}`;
  if (day < 1 || day > daysInMonth(year, month))
    return `${value.slice(0, 10)} is not a date (month ${month} of ${year} has ${daysInMonth(year, month)} days)`;
  if (hour > 23 || minute > 59 || second > 59)
    return `${value.slice(11, 19).replace(/[^\d:]+$/, "")} is not a time of day (00:00:00–23:59:59)`;
  const zone = match[3] ?? "Z";
  if (zone !== "Z" && (Number(zone.slice(1, 3)) > 14 || Number(zone.slice(4, 6)) > 59))
    return `${zone} is not a time-zone offset (−14:00 to +14:00)`;
  return Number.isFinite(Date.parse(value)) ? "" : example;
}

/** One clip of a batch: typed and normalized (id lowercased, tags trimmed and de-duplicated), or its errors. */
export function checkClip(raw: unknown, path = "clip"): CheckedClip {
  const errors = errorsList();
  if (!isRecord(raw)) {
    errors.add(path, `expected a clip object, got ${typeName(raw)}`);
    return { ok: false, errors: errors.list };
  }
  const id = typeof raw.id === "string" && UUID.test(raw.id) ? raw.id.toLowerCase() : "";
  if (!id) errors.add(`${path}.id`, "expected a UUID such as 3f2b8c1e-5a7d-4e2f-9c1b-2d3e4f5a6b7c");

  const capturedAt = typeof raw.capturedAt === "string" ? raw.capturedAt : "";
  const when = dateTimeProblem(capturedAt);
  if (when) errors.add(`${path}.capturedAt`, when);

  const kind = raw.kind;
  if (typeof kind !== "string" || !(CLIP_KINDS as readonly string[]).includes(kind)) {
    errors.add(`${path}.kind`, `expected one of ${CLIP_KINDS.join(", ")}`);
  }

  const text = typeof raw.text === "string" ? visible(raw.text, `${path}.text`, errors, true) : "";
  if (typeof raw.text !== "string")
    errors.add(`${path}.text`, `the clip text must be text, not ${typeName(raw.text)}`);
  else if (text.trim() === "") errors.add(`${path}.text`, "the clip has no text");

  const tags = checkTags(raw.tags, `${path}.tags`, errors);
  const source = checkSource(raw.source, `${path}.source`, errors);
  const speaker = optionalLabel(raw.speaker, `${path}.speaker`, "a speaker", errors);
  const site = optionalLabel(raw.site, `${path}.site`, "a site", errors);
  const session = optionalLabel(raw.session, `${path}.session`, "a session", errors);

  if (typeof raw.confidential !== "boolean") errors.add(`${path}.confidential`, "expected true or false");
  const phi = checkPhi(raw.phi, `${path}.phi`, errors);

  if (errors.list.length > 0) return { ok: false, errors: errors.list };
  const clip: ClipInput = {
    id,
    capturedAt,
    kind: kind as ClipKind,
    text,
    tags,
    source,
    confidential: raw.confidential as boolean,
    phi,
  };
  if (speaker !== undefined) clip.speaker = speaker;
  if (site !== undefined) clip.site = site;
  if (session !== undefined) clip.session = session;
  return { ok: true, value: clip, neutralized: errors.neutralized };
}

/** The id of a clip that failed validation, for its result line ("" when it has none usable). */
export function rawClipId(raw: unknown): string {
  return isRecord(raw) && typeof raw.id === "string" ? raw.id.slice(0, 64) : "";
}

/**
 * A whole request, every clip included (the extension checks what it is about to send with this).
 * Envelope errors come back as one FieldError at path "request".
 */
export function checkRequest(raw: unknown): Checked<EndpointRequest> {
  const envelope = checkEnvelope(raw);
  if (!envelope.ok)
    return { ok: false, errors: [{ path: "request", message: envelope.response.error.message }] };
  const e = envelope.envelope;
  if (e.op === "hello") return { ok: true, value: e };
  const clips: ClipInput[] = [];
  const errors: FieldError[] = [];
  e.clips.forEach((item, i) => {
    const checked = checkClip(item, `clips[${i}]`);
    if (checked.ok) clips.push(checked.value);
    else errors.push(...checked.errors);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { ...e, clips } };
}

/** A clip's site as it may land: one of the exchange's labels, "" for none, or the neutral mark. */
export interface ClipSite {
  site: string;
  /** For the scribe (in the clip's result only): what was wrong with the site typed. */
  note?: string;
}

/**
 * The exchange's sites are exactly the labels hello sends (shared/methods/pseudonyms.ts names them): a
 * typed site matching one regardless of case and spaces lands as that label. Anything else lands marked
 * for review, never as typed: it could be a site's real name without permission to identify.
 */
export function checkClipSite(typed: string | undefined, labels: readonly string[]): ClipSite {
  const text = (typed ?? "").trim();
  if (text === "") return { site: "" };
  const label = matchSiteLabel(text, labels);
  if (label !== undefined) return { site: label };
  return {
    site: siteNotInExchange,
    note: `Site not in the exchange: “${text}”. The clip landed with its site marked for the coordinator to set; next time pick a site from the list (${labels.length ? labels.join(", ") : "none yet"}).`,
  };
}
