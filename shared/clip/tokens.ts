// Scribe tokens and the one-paste connection code (endpoint URL + token) the extension's options take.
// A token is "<scribeId>.<secret>": the id finds the scribe, the secret (≥ 128 random bits, base64url)
// is checked against its stored SHA-256 hash in constant time (selector/verifier pattern).

export const CONNECTION_CODE_PREFIX = "pxc1.";

const SCRIBE_ID = /^[a-z0-9]{8,32}$/;
// 22 base64url characters carry 132 bits: the least a secret may have.
const SECRET = /^[A-Za-z0-9_-]{22,128}$/;

export interface TokenParts {
  scribeId: string;
  secret: string;
}

export interface ConnectionDetails {
  /** The web app's /exec URL. */
  url: string;
  token: string;
  /** The scribe's name, shown by the options page before the first hello. */
  scribe: string;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

export function isScribeId(value: string): boolean {
  return SCRIBE_ID.test(value);
}

export function formatToken(parts: TokenParts): string {
  if (!SCRIBE_ID.test(parts.scribeId)) throw new Error("A scribe id is 8–32 lowercase letters and digits.");
  if (!SECRET.test(parts.secret)) throw new Error("A token secret is 22–128 base64url characters.");
  return `${parts.scribeId}.${parts.secret}`;
}

/** The parts of a well-formed token, or null: a malformed token is refused like a wrong one. */
export function splitToken(token: string): TokenParts | null {
  const dot = token.indexOf(".");
  if (dot < 0) return null;
  const scribeId = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  return SCRIBE_ID.test(scribeId) && SECRET.test(secret) ? { scribeId, secret } : null;
}

/** Equal strings, in time that depends only on the length of `a` (the freshly computed hash). */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  // Past the end of `b`, charCodeAt gives NaN, which a bitwise operator reads as 0.
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

// ---- Bytes (pure: Apps Script has no TextEncoder, and Utilities' digests are signed bytes) ------------

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Lowercase hex of bytes, signed (-128..127, as Utilities.computeDigest returns) or unsigned. */
export function bytesToHex(bytes: readonly number[]): string {
  return bytes.map((b) => (b & 0xff).toString(16).padStart(2, "0")).join("");
}

export function bytesToBase64Url(bytes: readonly number[]): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]! & 0xff;
    const b1 = i + 1 < bytes.length ? bytes[i + 1]! & 0xff : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2]! & 0xff : 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += ALPHABET[n & 63]!;
  }
  return out;
}

/** Unsigned bytes of base64url (or standard base64) text, or null when it is not base64. */
export function base64UrlToBytes(text: string): number[] | null {
  const clean = text.replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  if (clean.length % 4 === 1) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

export function utf8Encode(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    let code = char.codePointAt(0)!;
    // A lone surrogate is encoded as U+FFFD, as TextEncoder does.
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 63),
        0x80 | ((code >> 6) & 63),
        0x80 | (code & 63),
      );
  }
  return bytes;
}

/** Text of UTF-8 bytes, or null when they are not valid UTF-8. */
export function utf8Decode(bytes: readonly number[]): string | null {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i]!;
    let need: number;
    if (b0 < 0x80) need = 0;
    else if (b0 >= 0xc2 && b0 <= 0xdf) need = 1;
    else if (b0 >= 0xe0 && b0 <= 0xef) need = 2;
    else if (b0 >= 0xf0 && b0 <= 0xf4) need = 3;
    else return null;
    let code = need === 0 ? b0 : b0 & (0x7f >> (need + 1));
    for (let k = 1; k <= need; k += 1) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return null;
      code = (code << 6) | (b & 63);
    }
    const min = [0, 0x80, 0x800, 0x10000][need]!;
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    out += String.fromCodePoint(code);
    i += need + 1;
  }
  return out;
}

// ---- Connection code ----------------------------------------------------------------------------------

export function encodeConnectionCode(details: ConnectionDetails): string {
  const json = JSON.stringify({ u: details.url, t: details.token, n: details.scribe });
  return CONNECTION_CODE_PREFIX + bytesToBase64Url(utf8Encode(json));
}

const NOT_A_CODE =
  "This is not a Peer Exchange connection code. In the workbook, use Peer Exchange → Connect a scribe… and paste the whole code it shows.";

/** The URL, token and scribe name in a pasted code; surrounding whitespace and line breaks are ignored. */
export function decodeConnectionCode(pasted: string): Decoded<ConnectionDetails> {
  const code = pasted.replace(/\s+/g, "");
  if (!code.startsWith(CONNECTION_CODE_PREFIX)) return { ok: false, message: NOT_A_CODE };
  const bytes = base64UrlToBytes(code.slice(CONNECTION_CODE_PREFIX.length));
  const json = bytes && utf8Decode(bytes);
  if (!json) return { ok: false, message: `${NOT_A_CODE} (Part of it seems to be missing.)` };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, message: `${NOT_A_CODE} (Part of it seems to be missing.)` };
  }
  if (typeof raw !== "object" || raw === null) return { ok: false, message: NOT_A_CODE };
  const { u, t, n } = raw as Record<string, unknown>;
  if (typeof u !== "string" || !/^https?:\/\/[^\s]+$/i.test(u)) {
    return { ok: false, message: "The connection code has no valid endpoint address. Ask for a new code." };
  }
  if (typeof t !== "string" || !splitToken(t)) {
    return { ok: false, message: "The connection code has no valid scribe token. Ask for a new code." };
  }
  return { ok: true, value: { url: u, token: t, scribe: typeof n === "string" ? n : "" } };
}
