// fast-check generators of well-formed clips, shared by the protocol tests.
import fc from "fast-check";
import {
  CLIP_KINDS,
  CLIP_LIMITS,
  CLIP_PLATFORMS,
  type ClipInput,
  PHI_ACTIONS,
} from "../../../shared/clip/protocol.ts";

const word = fc.string({
  minLength: 1,
  maxLength: 12,
  unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz-é"),
});

export const tagArb = fc
  .array(word, { minLength: 1, maxLength: 3 })
  .map((words) => words.join(" ").slice(0, CLIP_LIMITS.maxTagChars));

const isoArb = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

const labelArb = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== "");

const phiArb = fc.oneof(
  fc.record({
    checked: fc.constant(true),
    findings: fc.nat({ max: 50 }),
    types: fc.uniqueArray(fc.constantFrom("name", "mrn", "phone", "email", "date"), { maxLength: 5 }),
    action: fc.constantFrom(...PHI_ACTIONS),
  }),
  fc.constant({ checked: false, findings: 0, types: [] as string[], action: "none" as const }),
);

export const clipArb: fc.Arbitrary<ClipInput> = fc
  .record(
    {
      id: fc.uuid(),
      capturedAt: isoArb,
      kind: fc.constantFrom(...CLIP_KINDS),
      text: fc.string({ minLength: 1, maxLength: 300 }).filter((s) => s.trim() !== ""),
      tags: fc.uniqueArray(tagArb, {
        maxLength: CLIP_LIMITS.maxTags,
        comparator: (a, b) => a.toLowerCase() === b.toLowerCase(),
      }),
      source: fc.record({
        platform: fc.constantFrom(...CLIP_PLATFORMS),
        url: fc.oneof(fc.constant(""), fc.webUrl()),
        title: fc.string({ maxLength: 80 }),
      }),
      speaker: labelArb,
      site: labelArb,
      session: labelArb,
      confidential: fc.boolean(),
      phi: phiArb,
    },
    { requiredKeys: ["id", "capturedAt", "kind", "text", "tags", "source", "confidential", "phi"] },
  )
  .map((clip) => clip as ClipInput);
