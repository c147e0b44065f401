// Utilities: Java-signed digests, base64, blobs and SimpleDateFormat dates in named and fixed zones.
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { EmulatorEnv } from "../../../sandbox/emulator/env.ts";
import { createUtilities } from "../../../sandbox/emulator/utilities.ts";

const utilities = () => createUtilities(new EmulatorEnv());
const hex = (bytes: number[]) => bytes.map((b) => (b & 0xff).toString(16).padStart(2, "0")).join("");

describe("Utilities digests", () => {
  it('computeDigest(SHA_256, "abc") is the FIPS 180-2 vector as signed bytes', () => {
    const u = utilities();
    expect(u.computeDigest(u.DigestAlgorithm.SHA_256, "abc")).toEqual([
      -70, 120, 22, -65, -113, 1, -49, -22, 65, 65, 64, -34, 93, -82, 34, 35, -80, 3, 97, -93, -106, 23, 122,
      -100, -76, 16, -1, 97, -14, 0, 21, -83,
    ]);
  });

  it("MD5 and digests of byte arrays", () => {
    const u = utilities();
    expect(hex(u.computeDigest(u.DigestAlgorithm.MD5, "abc"))).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(u.computeDigest(u.DigestAlgorithm.SHA_256, [97, 98, 99])).toEqual(
      u.computeDigest(u.DigestAlgorithm.SHA_256, "abc"),
    );
  });

  it("computeHmacSha256Signature matches the published example", () => {
    const u = utilities();
    const mac = u.computeHmacSha256Signature("The quick brown fox jumps over the lazy dog", "key");
    expect(hex(mac)).toBe("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    expect(mac.every((b) => b >= -128 && b <= 127)).toBe(true);
  });
});

describe("Utilities base64 and blobs", () => {
  it("encodes and decodes, web-safe keeping the padding", () => {
    const u = utilities();
    expect(u.base64Encode("hello")).toBe("aGVsbG8=");
    expect(u.base64Decode("aGVsbG8=")).toEqual([104, 101, 108, 108, 111]);
    expect(u.base64Encode([-5, -1])).toBe("+/8=");
    expect(u.base64EncodeWebSafe([-5, -1])).toBe("-_8=");
    expect(u.base64DecodeWebSafe("-_8=")).toEqual([-5, -1]);
  });

  it("newBlob round-trips text and bytes", () => {
    const u = utilities();
    const blob = u.newBlob("héllo", "text/plain", "a.txt");
    expect(blob.getDataAsString()).toBe("héllo");
    expect(blob.getBytes()).toEqual([104, -61, -87, 108, 108, 111]);
    expect(blob.setName("b.txt").getName()).toBe("b.txt");
    expect(blob.getContentType()).toBe("text/plain");
  });

  it("getUuid returns RFC 4122 UUIDs", () => {
    const u = utilities();
    expect(u.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(u.getUuid()).not.toBe(u.getUuid());
  });
});

describe("Utilities.formatDate", () => {
  const when = new Date(Date.UTC(2024, 0, 5, 14, 3, 9, 7));

  it("formats in UTC with a quoted T", () => {
    const u = utilities();
    expect(u.formatDate(when, "UTC", "yyyy-MM-dd'T'HH:mm:ss.SSS")).toBe("2024-01-05T14:03:09.007");
    expect(u.formatDate(when, "Etc/UTC", "yy/M/d")).toBe("24/1/5");
  });

  it("formats names, 12-hour clock and a quoted apostrophe", () => {
    const u = utilities();
    expect(u.formatDate(when, "America/New_York", "EEE, d MMM yyyy h:mm a")).toBe("Fri, 5 Jan 2024 9:03 AM");
    expect(u.formatDate(when, "UTC", "EEEE d MMMM, h 'o''clock' a")).toBe("Friday 5 January, 2 o'clock PM");
  });

  it("follows daylight saving in IANA zones and renders offsets", () => {
    const u = utilities();
    const summer = new Date(Date.UTC(2024, 6, 1, 12, 0, 0));
    expect(u.formatDate(summer, "Europe/London", "HH:mm Z")).toBe("13:00 +0100");
    expect(u.formatDate(when, "Europe/London", "HH:mm Z")).toBe("14:03 +0000");
    expect(u.formatDate(summer, "Europe/Paris", "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      "2024-07-01T14:00:00+02:00",
    );
    expect(u.formatDate(summer, "UTC", "HH:mmX")).toBe("12:00Z");
  });

  it("accepts GMT+hh:mm zones and falls back to GMT for unknown ones", () => {
    const u = utilities();
    expect(u.formatDate(when, "GMT+05:30", "HH:mm Z")).toBe("19:33 +0530");
    expect(u.formatDate(when, "GMT-3", "HH:mm")).toBe("11:03");
    expect(u.formatDate(when, "Not/AZone", "HH:mm")).toBe("14:03");
  });

  it("accepts a Date made in another realm and rejects bad patterns", () => {
    const u = utilities();
    const foreign = vm.runInNewContext("new Date(Date.UTC(2024, 1, 29, 23, 59))") as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(u.formatDate(foreign, "UTC", "yyyy-MM-dd HH:mm")).toBe("2024-02-29 23:59");
    expect(() => u.formatDate(when, "UTC", "yyyy-qq")).toThrow("Illegal pattern character 'q'");
    expect(() => u.formatDate("2024-01-01" as unknown as Date, "UTC", "yyyy")).toThrow(
      "Invalid argument: date",
    );
  });

  it("sleep returns at once without moving the clock", () => {
    const fixed = new Date(Date.UTC(2025, 5, 1));
    const env = new EmulatorEnv({ now: () => fixed });
    createUtilities(env).sleep(60_000);
    expect(env.now()).toBe(fixed);
    expect(env.calls.get("Utilities.sleep")).toBe(1);
  });
});
