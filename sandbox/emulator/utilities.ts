// Utilities: UUIDs, digests and HMACs as signed byte arrays (Java bytes, -128..127, as Apps Script returns
// them), base64, a minimal Blob, SimpleDateFormat dates, and sleep (which does not wait).

import { createHash, createHmac, randomUUID } from "node:crypto";
import { formatDateIn } from "./dateFormat.ts";
import { parseDateIn } from "./dateParse.ts";
import { type EmulatorEnv, isDate } from "./env.ts";
import { exception } from "./spreadsheet/context.ts";

export const Charset = { US_ASCII: "US_ASCII", UTF_8: "UTF_8" } as const;
export const DigestAlgorithm = {
  MD2: "MD2",
  MD5: "MD5",
  SHA_1: "SHA_1",
  SHA_256: "SHA_256",
  SHA_384: "SHA_384",
  SHA_512: "SHA_512",
} as const;
export const MacAlgorithm = {
  HMAC_MD5: "HMAC_MD5",
  HMAC_SHA_1: "HMAC_SHA_1",
  HMAC_SHA_256: "HMAC_SHA_256",
  HMAC_SHA_384: "HMAC_SHA_384",
  HMAC_SHA_512: "HMAC_SHA_512",
} as const;

const nodeDigest: Record<string, string> = {
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
};

/** Java bytes: each octet as a signed number, -128..127. */
export function toSignedBytes(buffer: Uint8Array): number[] {
  return Array.from(buffer, (b) => (b << 24) >> 24);
}

/** A string in the given charset, or a byte array from the script (signed or unsigned), as octets. */
export function toBuffer(value: unknown, charset: string = Charset.UTF_8): Buffer {
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 0xff));
  const text = String(value);
  // Java's US-ASCII encoder writes '?' for every character outside ASCII.
  if (String(charset) === Charset.US_ASCII)
    return Buffer.from(text.replace(/[\u0080-\u{10ffff}]/gu, "?"), "latin1");
  return Buffer.from(text, "utf8");
}

function algorithmName(table: Record<string, string>, algorithm: unknown, kind: string): string {
  const name = table[String(algorithm)];
  if (!name)
    throw exception(`Invalid argument: ${kind} ${String(algorithm)} is not supported by the sandbox.`);
  return name;
}

/** A minimal Blob: bytes, a name and a content type. */
export class EmulatedBlob {
  constructor(
    private readonly env: EmulatorEnv,
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}

  getBytes(): number[] {
    this.env.hit("Blob", "getBytes");
    return toSignedBytes(this.bytes);
  }

  setBytes(data: number[]): EmulatedBlob {
    this.env.hit("Blob", "setBytes");
    this.bytes = toBuffer(data);
    return this;
  }

  getDataAsString(charset?: string): string {
    this.env.hit("Blob", "getDataAsString");
    return charset && /^(us-)?ascii$/i.test(charset)
      ? this.bytes.toString("latin1")
      : this.bytes.toString("utf8");
  }

  setDataFromString(text: string, charset?: string): EmulatedBlob {
    this.env.hit("Blob", "setDataFromString");
    this.bytes = toBuffer(text, charset && /^(us-)?ascii$/i.test(charset) ? Charset.US_ASCII : Charset.UTF_8);
    return this;
  }

  getContentType(): string | null {
    this.env.hit("Blob", "getContentType");
    return this.contentType;
  }

  setContentType(contentType: string | null): EmulatedBlob {
    this.env.hit("Blob", "setContentType");
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    this.env.hit("Blob", "getName");
    return this.name;
  }

  setName(name: string): EmulatedBlob {
    this.env.hit("Blob", "setName");
    this.name = String(name);
    return this;
  }

  copyBlob(): EmulatedBlob {
    this.env.hit("Blob", "copyBlob");
    return new EmulatedBlob(this.env, Buffer.from(this.bytes), this.contentType, this.name);
  }

  getBlob(): EmulatedBlob {
    this.env.hit("Blob", "getBlob");
    return this;
  }

  isGoogleType(): boolean {
    this.env.hit("Blob", "isGoogleType");
    return false;
  }
}

/** Replaces %s, %d, %f (with optional precision) and %% in order, like Utilities.formatString. */
function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(\.\d+)?([sdf%])/g,
    (_all, precision: string | undefined, kind: string) => {
      if (kind === "%") return "%";
      const arg = args[next++];
      if (kind === "d") return String(Math.trunc(Number(arg)));
      if (kind === "f") return Number(arg).toFixed(precision ? Number(precision.slice(1)) : 6);
      return String(arg);
    },
  );
}

/** RFC 4180 CSV: quoted fields may hold the delimiter, newlines and doubled quotes. */
function parseCsv(csv: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && csv[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The Utilities global. */
export function createUtilities(env: EmulatorEnv) {
  const hit = (method: string) => env.hit("Utilities", method);
  const base64 = (value: unknown, charset?: string) => toBuffer(value, charset).toString("base64");
  return {
    Charset,
    DigestAlgorithm,
    MacAlgorithm,
    getUuid(): string {
      hit("getUuid");
      return randomUUID();
    },
    computeDigest(algorithm: string, value: string | number[], charset?: string): number[] {
      hit("computeDigest");
      const hash = createHash(algorithmName(nodeDigest, algorithm, "digest algorithm"));
      return toSignedBytes(hash.update(toBuffer(value, charset)).digest());
    },
    computeHmacSignature(
      algorithm: string,
      value: string | number[],
      key: string | number[],
      charset?: string,
    ) {
      hit("computeHmacSignature");
      const name = algorithmName(nodeDigest, String(algorithm).replace(/^HMAC_/, ""), "MAC algorithm");
      return toSignedBytes(
        createHmac(name, toBuffer(key, charset)).update(toBuffer(value, charset)).digest(),
      );
    },
    computeHmacSha256Signature(value: string | number[], key: string | number[], charset?: string): number[] {
      hit("computeHmacSha256Signature");
      return toSignedBytes(
        createHmac("sha256", toBuffer(key, charset)).update(toBuffer(value, charset)).digest(),
      );
    },
    base64Encode(data: string | number[], charset?: string): string {
      hit("base64Encode");
      return base64(data, charset);
    },
    /** Apps Script keeps the '=' padding in web-safe output. */
    base64EncodeWebSafe(data: string | number[], charset?: string): string {
      hit("base64EncodeWebSafe");
      return base64(data, charset).replace(/\+/g, "-").replace(/\//g, "_");
    },
    base64Decode(encoded: string): number[] {
      hit("base64Decode");
      return toSignedBytes(Buffer.from(String(encoded), "base64"));
    },
    base64DecodeWebSafe(encoded: string): number[] {
      hit("base64DecodeWebSafe");
      return toSignedBytes(Buffer.from(String(encoded), "base64url"));
    },
    newBlob(data: string | number[], contentType?: string, name?: string): EmulatedBlob {
      hit("newBlob");
      const type = contentType ?? (Array.isArray(data) ? null : "text/plain");
      return new EmulatedBlob(env, toBuffer(data), type, name ?? null);
    },
    formatDate(date: Date, timeZone: string, format: string): string {
      hit("formatDate");
      if (!isDate(date)) throw exception("Invalid argument: date");
      return formatDateIn(Date.prototype.getTime.call(date), String(timeZone), String(format));
    },
    parseDate(date: string, timeZone: string, format: string): Date {
      hit("parseDate");
      return env.scriptDate(parseDateIn(String(date), String(timeZone), String(format)));
    },
    formatString(template: string, ...args: unknown[]): string {
      hit("formatString");
      return formatString(template, args);
    },
    parseCsv(csv: string, delimiter?: string): string[][] {
      hit("parseCsv");
      return parseCsv(String(csv), delimiter ?? ",");
    },
    /** Returns at once: the sandbox's clock is the test's to move. */
    sleep(_milliseconds: number): void {
      hit("sleep");
    },
  };
}

export type EmulatedUtilities = ReturnType<typeof createUtilities>;
