import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  base64UrlToBytes,
  bytesToBase64Url,
  bytesToHex,
  constantTimeEqual,
  decodeConnectionCode,
  encodeConnectionCode,
  formatToken,
  splitToken,
  utf8Decode,
  utf8Encode,
} from "../../../shared/clip/tokens.ts";

const scribeIdArb = fc.string({
  minLength: 8,
  maxLength: 32,
  unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789"),
});
const secretArb = fc.uint8Array({ minLength: 17, maxLength: 64 }).map((b) => bytesToBase64Url([...b]));
const tokenArb = fc
  .tuple(scribeIdArb, secretArb)
  .map(([scribeId, secret]) => formatToken({ scribeId, secret }));

describe("bytes", () => {
  it("base64url agrees with Node's and round-trips", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const encoded = bytesToBase64Url([...bytes]);
        expect(encoded).toBe(Buffer.from(bytes).toString("base64url"));
        expect(base64UrlToBytes(encoded)).toEqual([...bytes]);
      }),
    );
  });

  it("reads signed bytes (as Utilities.computeDigest returns them) like unsigned ones", () => {
    fc.assert(
      fc.property(fc.int8Array({ maxLength: 64 }), (signed) => {
        const unsigned = Buffer.from(Uint8Array.from(signed, (b) => b & 0xff));
        expect(bytesToHex([...signed])).toBe(unsigned.toString("hex"));
        expect(bytesToBase64Url([...signed])).toBe(unsigned.toString("base64url"));
      }),
    );
  });

  it("UTF-8 agrees with TextEncoder/TextDecoder", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const bytes = utf8Encode(text);
        expect(bytes).toEqual([...new TextEncoder().encode(text)]);
        expect(utf8Decode(bytes)).toBe(new TextDecoder().decode(new Uint8Array(bytes)));
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const ours = utf8Decode([...bytes]);
        let theirs: string | null;
        try {
          theirs = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch {
          theirs = null;
        }
        expect(ours).toBe(theirs);
      }),
    );
  });
});

describe("tokens", () => {
  it("split what format joined, and refuse malformed tokens", () => {
    fc.assert(
      fc.property(scribeIdArb, secretArb, (scribeId, secret) => {
        expect(splitToken(formatToken({ scribeId, secret }))).toEqual({ scribeId, secret });
      }),
    );
    expect(splitToken("")).toBeNull();
    expect(splitToken("abcdefgh")).toBeNull();
    expect(splitToken("abcdefgh.short")).toBeNull();
    expect(splitToken("ABCDEFGH.AAAAAAAAAAAAAAAAAAAAAAAA")).toBeNull();
    expect(() => formatToken({ scribeId: "x", secret: "AAAAAAAAAAAAAAAAAAAAAAAA" })).toThrow();
  });

  it("compares like === in constant time", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(a === b);
        expect(constantTimeEqual(a, a)).toBe(true);
      }),
    );
    expect(constantTimeEqual("abc", "abcd")).toBe(false);
    expect(constantTimeEqual("abcd", "abc")).toBe(false);
  });
});

describe("connection codes", () => {
  it("carry the endpoint URL, token and scribe name, whitespace and line breaks tolerated", () => {
    fc.assert(
      fc.property(
        fc.webUrl(),
        tokenArb,
        fc.string({ unit: "grapheme" }),
        fc.nat(),
        (url, token, scribe, cut) => {
          const code = encodeConnectionCode({ url, token, scribe });
          expect(code.startsWith("pxc1.")).toBe(true);
          expect(/^[A-Za-z0-9._-]+$/.test(code)).toBe(true);
          const wrapped = `  ${code.slice(0, cut % code.length)}\n${code.slice(cut % code.length)} \n`;
          expect(decodeConnectionCode(wrapped)).toEqual({ ok: true, value: { url, token, scribe } });
        },
      ),
    );
  });

  it("never throws on arbitrary pastes, and says what is wrong", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = decodeConnectionCode(text);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        decodeConnectionCode(`pxc1.${text}`);
        decodeConnectionCode(`pxc1.${bytesToBase64Url(utf8Encode(text))}`);
      }),
    );
    const result = decodeConnectionCode("https://script.google.com/macros/s/x/exec");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/Connect a scribe/);
    const truncated = encodeConnectionCode({
      url: "https://x.test/exec",
      token: "abcdefgh.AAAAAAAAAAAAAAAAAAAAAAAA",
      scribe: "Ann",
    });
    expect(decodeConnectionCode(truncated.slice(0, -6)).ok).toBe(false);
  });
});
