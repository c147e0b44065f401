// The clip wire protocol between the Clipper extension and the workbook's web-app endpoint (versioned).
// Bodies are JSON sent as text/plain from the extension's service worker; see ARCHITECTURE.md.
import { clipKinds, clipPlatforms, phiChecks } from "../schema/vocabulary";

/** The protocol version this code speaks. A request with any other `v` is refused with `unsupported_version`. */
export const PROTOCOL_VERSION = 1;
export type ProtocolVersion = typeof PROTOCOL_VERSION;

// The lists are the workbook's own dropdowns (shared/schema/vocabulary.ts), so the tab and the wire agree.
/** What a clip is, as the Insights tab's Kind column lists it. */
export const CLIP_KINDS = clipKinds;
export type ClipKind = (typeof CLIP_KINDS)[number];

/** Where a clip was taken: a meeting platform's captions or selection, or any other web page. */
export const CLIP_PLATFORMS = clipPlatforms;
export type ClipPlatform = (typeof CLIP_PLATFORMS)[number];

/** What the scribe did about PHI findings before sending. */
export const PHI_ACTIONS = phiChecks;
export type PhiAction = (typeof PHI_ACTIONS)[number];

/**
 * Limits of one request. Text longer than `maxTextChars` is not refused: it lands truncated, ending with
 * a visible marker (shared/clip/injection.ts), and its result says `truncated: true`.
 */
export const CLIP_LIMITS = {
  /** Clips per `clip` request; the extension sends the rest in further requests. */
  maxBatch: 500,
  /** The request body, in characters; larger batches are split by the extension. */
  maxRequestChars: 5_000_000,
  /** Google Sheets' cell limit: longer text is truncated with a marker. */
  maxTextChars: 50_000,
  maxTags: 20,
  maxTagChars: 40,
  maxUrlChars: 8_192,
  /** Page titles longer than this are shortened with "…" (not refused). */
  maxTitleChars: 500,
  /** Speaker, site and session labels. */
  maxLabelChars: 200,
  maxPhiTypes: 30,
  maxPhiTypeChars: 40,
  maxTokenChars: 200,
} as const;
export type ClipLimits = typeof CLIP_LIMITS;

// ---- Requests ----------------------------------------------------------------------------------------

export interface ClipSource {
  platform: ClipPlatform;
  /** The page's URL (http or https), or "" when none is known. */
  url: string;
  title: string;
}

export interface PhiCheck {
  /** Whether the PHI detector ran on the text before it was queued. */
  checked: boolean;
  /** Number of findings the detector reported (before any redaction). */
  findings: number;
  /** Kinds of identifiers found, e.g. "phone", "mrn". */
  types: string[];
  action: PhiAction;
}

export interface ClipInput {
  /** Client-made UUID: the idempotency key. A clip sent twice lands once. */
  id: string;
  /** ISO 8601 date-time with a zone ("2026-03-04T14:05:00Z"). */
  capturedAt: string;
  kind: ClipKind;
  text: string;
  tags: string[];
  source: ClipSource;
  speaker?: string;
  /**
   * The site's label as hello listed it (a pseudonym unless the site permits identification). Any other
   * text lands marked "site not in the exchange", and the clip's result says so.
   */
  site?: string;
  /** The session's name as hello listed it. */
  session?: string;
  confidential: boolean;
  phi: PhiCheck;
}

export interface HelloRequest {
  v: ProtocolVersion;
  token: string;
  op: "hello";
}

export interface ClipRequest {
  v: ProtocolVersion;
  token: string;
  op: "clip";
  clips: ClipInput[];
}

export type EndpointRequest = HelloRequest | ClipRequest;
export type EndpointOp = EndpointRequest["op"];

// ---- Responses ---------------------------------------------------------------------------------------

export const ERROR_CODES = [
  "bad_json",
  "bad_request",
  "too_large",
  "unsupported_version",
  "unauthorized",
  "revoked",
  "rate_limited",
  "busy",
  "not_set_up",
  "server_error",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface EndpointError {
  code: ErrorCode;
  /** Plain English a scribe can act on. */
  message: string;
  /** Whether sending the same request again later can succeed. */
  retryable: boolean;
  /** For `rate_limited` and `busy`: a suggested wait before retrying. */
  retryAfterSeconds?: number;
}

export interface ErrorResponse {
  ok: false;
  v: ProtocolVersion;
  error: EndpointError;
}

export interface TagInfo {
  tag: string;
  category: string;
  description: string;
  synonyms: string[];
}

export interface SessionInfo {
  /** What a clip's `session` carries. */
  name: string;
  format: string;
  /** ISO date-times, or "" when the Agenda has none. */
  start: string;
  end: string;
  /** Presenting site's label (pseudonym unless permitted), or "". */
  site: string;
}

export interface SiteInfo {
  /** What a clip's `site` carries: the name when the site permits identification, else the pseudonym. */
  label: string;
  pseudonym: string;
  identified: boolean;
}

export interface HelloResponse {
  ok: true;
  v: ProtocolVersion;
  op: "hello";
  workbook: { title: string };
  scribe: { name: string };
  tags: TagInfo[];
  kinds: ClipKind[];
  /** The Agenda's sessions on the server's date of `today`. */
  today: string;
  sessions: SessionInfo[];
  sites: SiteInfo[];
  limits: ClipLimits;
}

export type ClipResult =
  | {
      index: number;
      id: string;
      status: "added";
      row: number;
      truncated: boolean;
      /** Fields whose invisible or reordering characters (NUL, U+202E …) were removed before landing. */
      neutralized?: string[];
      /** Something the scribe should know about how it landed, e.g. a site not in the exchange. */
      note?: string;
    }
  | { index: number; id: string; status: "duplicate"; row?: number }
  | { index: number; id: string; status: "rejected"; reason: string };
export type ClipStatus = ClipResult["status"];

export interface ClipResponse {
  ok: true;
  v: ProtocolVersion;
  op: "clip";
  /** One result per clip sent, in the order sent. */
  results: ClipResult[];
  /** Tags new to the workbook's taxonomy, added for the coordinator's review. */
  newTags: string[];
}

export type EndpointResponse = HelloResponse | ClipResponse | ErrorResponse;

/** Whether the extension may drop a clip from its queue: the endpoint has it, exactly once. */
export function isSettled(result: ClipResult): boolean {
  return result.status === "added" || result.status === "duplicate";
}

export function errorResponse(
  code: ErrorCode,
  message: string,
  retryable: boolean,
  retryAfterSeconds?: number,
): ErrorResponse {
  const error: EndpointError = { code, message, retryable };
  if (retryAfterSeconds !== undefined) error.retryAfterSeconds = retryAfterSeconds;
  return { ok: false, v: PROTOCOL_VERSION, error };
}
