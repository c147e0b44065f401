// Scribes and their token hashes: one script property per scribe ("scribe.<id>"), so no value nears the
// 9 KB limit and the web app finds a scribe with one read. Only the SHA-256 of a secret is stored.
// Script properties, because the menu and the web app both always reach them (as sheets/workbook.ts
// does for the workbook id); the script is bound to one exchange workbook, so they are that workbook's.
import { bytesToBase64Url, bytesToHex, formatToken } from "../../../shared/clip/tokens";

const PREFIX = "scribe.";

export interface ScribeRecord {
  id: string;
  name: string;
  /** Hex SHA-256 of the token's secret. */
  hash: string;
  /** ISO date-times; revoked is "" while the scribe may clip. */
  created: string;
  reissued: string;
  revoked: string;
}

/** What the coordinator sees of a scribe: never the hash. */
export type ScribeSummary = Omit<ScribeRecord, "hash">;

function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getScriptProperties();
}

export function hashSecret(secret: string): string {
  return bytesToHex(
    Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, secret, Utilities.Charset.UTF_8),
  );
}

/**
 * A secret of 244 random bits: two v4 UUIDs (122 random bits each; Utilities.getUuid is
 * java.util.UUID.randomUUID, drawn from SecureRandom, the only strong source Apps Script offers) hashed
 * with SHA-256 to 32 bytes, base64url: 43 characters.
 */
function newSecret(): string {
  const material = `${Utilities.getUuid()}${Utilities.getUuid()}`;
  return bytesToBase64Url(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, material));
}

function newScribeId(): string {
  return Utilities.getUuid().replace(/-/g, "").slice(0, 12).toLowerCase();
}

function parseRecord(text: string | null): ScribeRecord | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as ScribeRecord;
    return typeof value.id === "string" && typeof value.hash === "string" ? value : null;
  } catch {
    return null;
  }
}

export function readScribe(id: string): ScribeRecord | null {
  return parseRecord(store().getProperty(PREFIX + id));
}

function writeScribe(record: ScribeRecord): void {
  store().setProperty(PREFIX + record.id, JSON.stringify(record));
}

export function listScribeRecords(): ScribeSummary[] {
  const all = store().getProperties();
  return Object.keys(all)
    .filter((key) => key.startsWith(PREFIX))
    .map((key) => parseRecord(all[key] ?? null))
    .filter((record): record is ScribeRecord => record !== null)
    .map(({ hash: _hash, ...summary }) => summary)
    .sort((a, b) => a.created.localeCompare(b.created));
}

/** A new scribe and its token (the only time the token exists in clear). */
export function createScribe(name: string, now = new Date()): { record: ScribeSummary; token: string } {
  const id = newScribeId();
  const secret = newSecret();
  const record: ScribeRecord = {
    id,
    name,
    hash: hashSecret(secret),
    created: now.toISOString(),
    reissued: "",
    revoked: "",
  };
  writeScribe(record);
  const { hash: _hash, ...summary } = record;
  return { record: summary, token: formatToken({ scribeId: id, secret }) };
}

/** A new token for an existing scribe: the old one stops working at once; a revoked scribe is restored. */
export function reissueScribeToken(
  id: string,
  now = new Date(),
): { record: ScribeSummary; token: string } | null {
  const record = readScribe(id);
  if (!record) return null;
  const secret = newSecret();
  const next: ScribeRecord = {
    ...record,
    hash: hashSecret(secret),
    reissued: now.toISOString(),
    revoked: "",
  };
  writeScribe(next);
  const { hash: _hash, ...summary } = next;
  return { record: summary, token: formatToken({ scribeId: id, secret }) };
}

export function revokeScribeToken(id: string, now = new Date()): ScribeSummary | null {
  const record = readScribe(id);
  if (!record) return null;
  const next: ScribeRecord = { ...record, revoked: record.revoked || now.toISOString() };
  writeScribe(next);
  const { hash: _hash, ...summary } = next;
  return summary;
}
