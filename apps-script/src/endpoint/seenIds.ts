// The clip ids the endpoint has written, as a Bloom filter small enough for one script-cache entry: a
// "no" is certain (the id never landed through the endpoint, so no search is needed), a "maybe" costs one
// search of the Clip id column. It also records the last row it covers (`through`): rows a person or
// another execution appended below it are read and added before it is trusted, so a lost or stale
// cache write costs a read, never a duplicate.

/** At most 2^19 bits: 64 KB, 87,384 base64 characters, under the script cache's 100 KB per value. */
const MAX_BITS = 1 << 19;
// Small for a new exchange: the cache entry is rewritten every batch (and journaled by the sandbox).
const MIN_BITS = 1 << 10;
/** Ten bits per id with four hashes: about 1 id in 100 the filter never took in answers "maybe". */
const BITS_PER_ID = 10;
const HASHES = 4;

export interface SeenIds {
  /** The filter's bits. */
  readonly bits: Uint8Array;
  /** The last sheet row whose id the filter holds (rows below the header up to it). */
  through: number;
}

/** An empty filter sized for twice `ids` (so it is rebuilt, one read, each time the tab doubles). */
export function emptySeenIds(ids = 0): SeenIds {
  let bits = MIN_BITS;
  while (bits < ids * 2 * BITS_PER_ID && bits < MAX_BITS) bits *= 2;
  return { bits: new Uint8Array(bits / 8), through: 1 };
}

/** Holds more ids than it was sized for (and may grow): rebuilding it bigger costs one read. */
export function overfull(seen: SeenIds): boolean {
  const bits = seen.bits.length * 8;
  return bits < MAX_BITS && seen.through > bits / BITS_PER_ID;
}

/** FNV-1a, 32 bits, with a seed and a final mix: two of them give the k positions by double hashing. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // MurmurHash3's finalizer: ids that differ in their last digits (sequential ones) spread over all bits.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function positions(id: string, bits: number): number[] {
  const key = id.trim().toLowerCase();
  const a = fnv1a(key);
  const b = fnv1a(key, 0x9747b28c) | 1;
  const out: number[] = [];
  for (let i = 0; i < HASHES; i += 1) out.push(((a + Math.imul(i, b)) >>> 0) % bits);
  return out;
}

export function addSeen(seen: SeenIds, id: string): void {
  for (const p of positions(id, seen.bits.length * 8))
    seen.bits[p >> 3] = (seen.bits[p >> 3] ?? 0) | (1 << (p & 7));
}

/** False only for an id the filter never took in. */
export function maybeSeen(seen: SeenIds, id: string): boolean {
  return positions(id, seen.bits.length * 8).every((p) => ((seen.bits[p >> 3] ?? 0) & (1 << (p & 7))) !== 0);
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars =
      ALPHABET.charAt((n >> 18) & 63) +
      ALPHABET.charAt((n >> 12) & 63) +
      (i + 1 < bytes.length ? ALPHABET.charAt((n >> 6) & 63) : "=") +
      (i + 2 < bytes.length ? ALPHABET.charAt(n & 63) : "=");
    parts.push(chars);
  }
  return parts.join("");
}

function fromBase64(text: string, length: number): Uint8Array | null {
  const bytes = new Uint8Array(length);
  let at = 0;
  for (let i = 0; i + 3 < text.length && at < length; i += 4) {
    const c = [0, 1, 2, 3].map((k) =>
      text.charAt(i + k) === "=" ? 0 : ALPHABET.indexOf(text.charAt(i + k)),
    );
    if (c.some((v) => v < 0)) return null;
    const n =
      ((c[0] as number) << 18) | ((c[1] as number) << 12) | ((c[2] as number) << 6) | (c[3] as number);
    for (const byte of [(n >> 16) & 255, (n >> 8) & 255, n & 255]) if (at < length) bytes[at++] = byte;
  }
  return at === length ? bytes : null;
}

/** "<through>:<bytes>:<base64 bits>", the cache entry's text. */
export function encodeSeen(seen: SeenIds): string {
  return `${seen.through}:${seen.bits.length}:${toBase64(seen.bits)}`;
}

/** The filter from its cache text; null when missing or not one this version wrote (then it is rebuilt). */
export function decodeSeen(text: string | null | undefined): SeenIds | null {
  if (!text) return null;
  const [first = "", second = "", data = ""] = text.split(":");
  const through = Number(first);
  const bytes = Number(second);
  if (!Number.isInteger(through) || through < 1) return null;
  if (!Number.isInteger(bytes) || bytes < MIN_BITS / 8 || bytes > MAX_BITS / 8 || (bytes & (bytes - 1)) !== 0)
    return null;
  const bits = fromBase64(data, bytes);
  return bits ? { bits, through } : null;
}
