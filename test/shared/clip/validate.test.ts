import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLIP_LIMITS, PROTOCOL_VERSION } from "../../../shared/clip/protocol.ts";
import {
  checkClip,
  checkClipSite,
  checkEnvelope,
  checkRequest,
  formatFieldError,
  parseBody,
} from "../../../shared/clip/validate.ts";
import { clipArb } from "./arbitraries.ts";

const token = "abcdefgh12.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

describe("the clip validator", () => {
  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
          withNullPrototype: true,
        }),
        (value) => {
          checkClip(value);
          checkEnvelope(value);
          checkRequest(value);
          checkRequest({ v: 1, token, op: "clip", clips: [value] });
        },
      ),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseBody(text);
        if (parsed.ok) checkRequest(parsed.value);
      }),
    );
  });

  it("never throws on clip-shaped objects with arbitrary field values", () => {
    const fieldArb = fc.constantFrom(
      "id",
      "capturedAt",
      "kind",
      "text",
      "tags",
      "source",
      "speaker",
      "phi",
      "confidential",
    );
    fc.assert(
      fc.property(clipArb, fieldArb, fc.anything(), (clip, field, value) => {
        const result = checkClip({ ...clip, [field]: value }, "clips[0]");
        if (!result.ok) for (const e of result.errors) expect(e.path.startsWith("clips[0]")).toBe(true);
      }),
    );
  });

  it("accepts every well-formed clip, keeping its text and tags, and is idempotent", () => {
    fc.assert(
      fc.property(clipArb, (clip) => {
        const sent = JSON.parse(JSON.stringify(clip)) as unknown;
        const result = checkClip(sent);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value.id).toBe(clip.id.toLowerCase());
        expect(result.value.text).toBe(clip.text);
        expect(result.value.tags).toEqual(clip.tags);
        expect(result.value.kind).toBe(clip.kind);
        expect(checkClip(result.value)).toEqual(result);
      }),
    );
  });

  it("accepts well-formed batches whole", () => {
    fc.assert(
      fc.property(fc.array(clipArb, { minLength: 1, maxLength: 8 }), (clips) => {
        const result = checkRequest({ v: PROTOCOL_VERSION, token, op: "clip", clips });
        expect(result.ok).toBe(true);
      }),
    );
  });

  it("names exactly the broken field of the broken clip", () => {
    const breakages: Record<string, unknown[]> = {
      id: ["", "not-a-uuid", 42, null],
      capturedAt: ["yesterday", "2026-03-04", "2026-03-04T14:05:00", 0],
      kind: ["gossip", "", 3],
      text: ["", "   ", 7, null],
      tags: ["a,b", {}, [""], ["x".repeat(41)], ["a,b"], [1]],
      source: [
        null,
        "meet",
        { platform: "skype", url: "", title: "" },
        { platform: "meet", url: "javascript:alert(1)", title: "" },
      ],
      confidential: ["yes", 0, null],
      phi: [
        null,
        { checked: false, findings: 1, types: [], action: "attested" },
        { checked: true, findings: -1, types: [], action: "none" },
      ],
      speaker: [5, "x".repeat(201)],
    };
    const caseArb = fc
      .constantFrom(...Object.entries(breakages))
      .chain(([field, values]) => fc.tuple(fc.constant(field), fc.constantFrom(...values)));
    fc.assert(
      fc.property(
        fc.array(clipArb, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        caseArb,
        (clips, pick, [field, bad]) => {
          const index = pick % clips.length;
          const sent = clips.map((c, i) => (i === index ? { ...c, [field]: bad } : c));
          const result = checkRequest({ v: PROTOCOL_VERSION, token, op: "clip", clips: sent });
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors)
            expect(error.path.startsWith(`clips[${index}].${field}`)).toBe(true);
        },
      ),
    );
  });

  it("gives precise per-field messages", () => {
    fc.assert(
      fc.property(fc.array(clipArb, { minLength: 4, maxLength: 4 }), (clips) => {
        clips[3] = { ...clips[3]!, tags: ["ok", "fine", "x".repeat(CLIP_LIMITS.maxTagChars + 1)] };
        const result = checkRequest({ v: 1, token, op: "clip", clips });
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.errors.map(formatFieldError)).toEqual([
            "clips[3].tags[2]: a tag is at most 40 characters (got 41)",
          ]);
        }
      }),
      { numRuns: 5 },
    );
  });

  it("refuses a clip with 10,000 tags with one clear reason", () => {
    const [clip] = fc.sample(clipArb, 1);
    const tags = Array.from({ length: 10_000 }, (_, i) => `tag ${i}`);
    const result = checkClip({ ...clip, tags }, "clips[0]");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        { path: "clips[0].tags", message: "a clip has at most 20 tags (got 10,000)" },
      ]);
    }
  });

  it("trims and de-duplicates tags, and shortens over-long titles instead of refusing them", () => {
    const [clip] = fc.sample(clipArb, 1);
    const result = checkClip({
      ...clip,
      tags: ["  Hand  hygiene ", "hand hygiene", "Sepsis"],
      source: { platform: "meet", url: "", title: "t".repeat(2000) },
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.tags).toEqual(["Hand hygiene", "Sepsis"]);
      expect(result.value.source.title.length).toBe(CLIP_LIMITS.maxTitleChars);
      expect(result.value.source.title.endsWith("…")).toBe(true);
    }
  });

  it("accepts redacted or attested only from a PHI check that ran", () => {
    const [clip] = fc.sample(clipArb, 1);
    for (const action of ["redacted", "attested"]) {
      const unchecked = checkClip({ ...clip, phi: { checked: false, findings: 1, types: [], action } }, "c");
      expect(unchecked.ok).toBe(false);
      if (!unchecked.ok) expect(unchecked.errors.map((e) => e.path)).toEqual(["c.phi.action"]);
      const checked = checkClip({ ...clip, phi: { checked: true, findings: 1, types: [], action } }, "c");
      expect(checked.ok).toBe(true);
    }
  });

  it("does not refuse text over the cell limit (the endpoint truncates it with a marker)", () => {
    const [clip] = fc.sample(clipArb, 1);
    const result = checkClip({ ...clip, text: "a".repeat(CLIP_LIMITS.maxTextChars * 2) });
    expect(result.ok).toBe(true);
  });
});

describe("the request envelope", () => {
  const codeOf = (raw: unknown) => {
    const result = checkEnvelope(raw);
    return result.ok ? "ok" : result.response.error.code;
  };

  it("checks version, token, operation and batch size in that order", () => {
    expect(codeOf({ v: 2, token, op: "hello" })).toBe("unsupported_version");
    expect(codeOf({ token, op: "hello" })).toBe("unsupported_version");
    expect(codeOf({ v: 1, op: "hello" })).toBe("unauthorized");
    expect(codeOf({ v: 1, token: "", op: "hello" })).toBe("unauthorized");
    expect(codeOf({ v: 1, token, op: "delete" })).toBe("bad_request");
    expect(codeOf({ v: 1, token, op: "clip", clips: "all" })).toBe("bad_request");
    expect(codeOf({ v: 1, token, op: "clip", clips: [] })).toBe("bad_request");
    expect(codeOf({ v: 1, token, op: "clip", clips: new Array(CLIP_LIMITS.maxBatch + 1).fill({}) })).toBe(
      "too_large",
    );
    expect(codeOf({ v: 1, token, op: "clip", clips: [{}] })).toBe("ok");
    expect(codeOf({ v: 1, token, op: "hello" })).toBe("ok");
    expect(codeOf([1, 2])).toBe("bad_request");
  });

  it("tells the person what to do, and whether to retry", () => {
    const result = checkEnvelope({ v: 2, token, op: "hello" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.response).toMatchObject({ ok: false, v: 1, error: { retryable: false } });
      expect(result.response.error.message).toMatch(/Update the Peer Exchange Clipper/);
    }
  });

  it("says what it got without echoing long input back (nothing is authenticated yet)", () => {
    const messageOf = (raw: unknown) => {
      const result = checkEnvelope(raw);
      return result.ok ? "" : result.response.error.message;
    };
    const longOp = messageOf({ v: 1, token, op: "x".repeat(10_000) });
    expect(longOp).toMatch(/^op: unknown operation "x+…"/);
    expect(longOp.length).toBeLessThan(200);
    expect(messageOf({ v: "1", token, op: "hello" })).toMatch(/sent a protocol version that is not a number/);
    expect(messageOf({ token, op: "hello" })).toMatch(/sent no protocol version/);
  });

  it("parses the body once, refusing bad JSON and oversized bodies", () => {
    expect(parseBody("{nope")).toMatchObject({ ok: false, response: { error: { code: "bad_json" } } });
    expect(parseBody("")).toMatchObject({ ok: false, response: { error: { code: "bad_json" } } });
    expect(parseBody(undefined)).toMatchObject({ ok: false, response: { error: { code: "bad_json" } } });
    expect(parseBody(`${" ".repeat(CLIP_LIMITS.maxRequestChars + 1)}{}`)).toMatchObject({
      ok: false,
      response: { error: { code: "too_large" } },
    });
    expect(parseBody('{"v":1}')).toEqual({ ok: true, value: { v: 1 } });
  });
});

describe("capture times", () => {
  const base = {
    id: "3f2b8c1e-5a7d-4e2f-9c1b-2d3e4f5a6b7c",
    kind: "insight",
    text: "Discharge huddle at 10",
    tags: [],
    source: { platform: "web", url: "", title: "" },
    confidential: false,
    phi: { checked: false, findings: 0, types: [], action: "none" },
  };
  const problem = (capturedAt: string): string => {
    const result = checkClip({ ...base, capturedAt });
    return result.ok ? "" : result.errors.map((e) => e.message).join("; ");
  };

  it("refuses dates and times that do not exist instead of rolling them over", () => {
    expect(problem("2026-02-31T10:00:00Z")).toMatch(
      /2026-02-31 is not a date \(month 2 of 2026 has 28 days\)/,
    );
    expect(problem("2026-02-29T10:00:00Z")).toMatch(/not a date/);
    expect(problem("2026-04-31T10:00:00Z")).toMatch(/month 4 of 2026 has 30 days/);
    expect(problem("2026-13-01T10:00:00Z")).toMatch(/no month 13/);
    expect(problem("2026-03-04T24:00:00Z")).toMatch(/24:00:00 is not a time of day/);
    expect(problem("2026-03-04T12:60Z")).toMatch(/not a time of day/);
    expect(problem("2026-03-04T12:00:60Z")).toMatch(/not a time of day/);
    expect(problem("2026-03-04T12:00:00+15:00")).toMatch(/not a time-zone offset/);
    expect(problem("0000-01-01T00:00:00Z")).toMatch(/year 0 is not a capture year/);
    expect(problem("9999-12-31T23:59:59Z")).toMatch(/year 9999/);
  });

  it("accepts real instants, leap days included", () => {
    expect(problem("2028-02-29T23:59:59.999Z")).toBe("");
    expect(problem("2000-02-29T00:00:00+14:00")).toBe("");
    expect(problem("2026-12-31T23:59:59-12:00")).toBe("");
  });
});

describe("invisible and reordering characters", () => {
  const clip = (fields: Record<string, unknown>) => ({
    id: "3f2b8c1e-5a7d-4e2f-9c1b-2d3e4f5a6b7c",
    capturedAt: "2026-03-04T14:05:00Z",
    kind: "insight",
    text: "ok",
    tags: [],
    source: { platform: "web", url: "", title: "" },
    confidential: false,
    phi: { checked: false, findings: 0, types: [], action: "none" },
    ...fields,
  });

  it("removes NUL, bidi overrides and invisible spaces from every text field, and says which", () => {
    const result = checkClip(
      clip({
        text: "Huddle\u0000 at 10\u202e01 ta\nthen rounds\tnext",
        speaker: "Dr.\u202e Lee",
        site: "Site\u200b B",
        session: "\u2067Case 1\u2069",
        tags: ["flow\ufeff"],
        source: { platform: "web", url: "", title: "Notes\u0007" },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.text).toBe("Huddle at 1001 ta\nthen rounds\tnext");
    expect(result.value.speaker).toBe("Dr. Lee");
    expect(result.value.site).toBe("Site B");
    expect(result.value.session).toBe("Case 1");
    expect(result.value.tags).toEqual(["flow"]);
    expect(result.value.source.title).toBe("Notes");
    expect(result.neutralized.sort()).toEqual(
      ["clip.session", "clip.site", "clip.source.title", "clip.speaker", "clip.tags", "clip.text"].sort(),
    );
  });

  it("replaces lone surrogates and keeps real pairs, ZWJ emoji and accents", () => {
    const result = checkClip(clip({ text: "a\ud800b \udc00c 👩‍⚕️ café" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.text).toBe("a\ufffdb \ufffdc 👩‍⚕️ café");
    expect(result.neutralized).toEqual(["clip.text"]);
  });

  it("reports nothing for clean text", () => {
    const result = checkClip(clip({ text: "Nothing odd — ½ dose, 30-day readmits" }));
    expect(result.ok && result.neutralized).toEqual([]);
  });
});

describe("a clip's site", () => {
  const labels = ["Valley General", "Site B"];

  it("lands as the exchange's label it matches, or blank when none was given", () => {
    expect(checkClipSite(" site b ", labels)).toEqual({ site: "Site B" });
    expect(checkClipSite(undefined, labels)).toEqual({ site: "" });
  });

  it("lands any other text as a neutral mark, never as typed, and tells the scribe", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), (typed) => {
        fc.pre(
          typed.trim() !== "" &&
            !["valleygeneral", "siteb"].includes(typed.replace(/\s+/g, "").toLowerCase()),
        );
        const checked = checkClipSite(typed, labels);
        expect(checked.site).toBe("site not in the exchange");
        expect(checked.note).toContain(typed.trim());
      }),
    );
  });
});
