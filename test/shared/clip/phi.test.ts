import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  detectPhi,
  type PhiFinding,
  type PhiType,
  phiTypes,
  redact,
  redactAll,
  redactionLabel,
} from "../../../shared/clip/phi.ts";
import { phiCorpus } from "../../fixtures/phi-corpus.ts";

interface Tally {
  labels: number;
  found: number;
  findings: number;
  correct: number;
}

/** A label is found when a finding of the same type overlaps it; a finding is correct when it overlaps a label of its type. */
function score(): { perType: Map<PhiType, Tally>; misses: string[]; falseAlarms: string[] } {
  const perType = new Map<PhiType, Tally>(
    phiTypes.map((t) => [t, { labels: 0, found: 0, findings: 0, correct: 0 }]),
  );
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  for (const sample of phiCorpus) {
    const findings = detectPhi(sample.text);
    const spans = sample.labels.map((label) => {
      const start = sample.text.indexOf(label.text);
      if (start < 0) throw new Error(`label "${label.text}" is not in "${sample.text}"`);
      return { ...label, start, end: start + label.text.length };
    });
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      a.start < b.end && b.start < a.end;
    for (const label of spans) {
      const tally = perType.get(label.type)!;
      tally.labels++;
      if (findings.some((f) => f.type === label.type && overlaps(f, label))) tally.found++;
      else misses.push(`${label.type} "${label.text}" in: ${sample.text}`);
    }
    for (const finding of findings) {
      const tally = perType.get(finding.type)!;
      tally.findings++;
      if (spans.some((l) => l.type === finding.type && overlaps(finding, l))) tally.correct++;
      else falseAlarms.push(`${finding.type} "${finding.text}" in: ${sample.text}`);
    }
  }
  return { perType, misses, falseAlarms };
}

describe("PHI guard on the labelled corpus", () => {
  const { perType, misses, falseAlarms } = score();
  const totals = [...perType.values()].reduce(
    (a, t) => ({
      labels: a.labels + t.labels,
      found: a.found + t.found,
      findings: a.findings + t.findings,
      correct: a.correct + t.correct,
    }),
    { labels: 0, found: 0, findings: 0, correct: 0 },
  );

  it("prints recall and precision per identifier type", () => {
    const rows = [...perType.entries()]
      .filter(([, t]) => t.labels + t.findings > 0)
      .map(([type, t]) => ({
        type,
        labels: t.labels,
        recall: t.labels ? (t.found / t.labels).toFixed(2) : "n/a",
        precision: t.findings ? (t.correct / t.findings).toFixed(2) : "n/a",
      }));
    rows.push({
      type: "all" as PhiType,
      labels: totals.labels,
      recall: (totals.found / totals.labels).toFixed(2),
      precision: (totals.correct / totals.findings).toFixed(2),
    });
    console.table(rows);
    if (misses.length) console.log(`missed:\n  ${misses.join("\n  ")}`);
    if (falseAlarms.length) console.log(`false alarms:\n  ${falseAlarms.join("\n  ")}`);
    expect(phiCorpus.length).toBeGreaterThanOrEqual(80);
  });

  it("finds at least 90 % of labelled identifiers", () => {
    expect(totals.found / totals.labels).toBeGreaterThanOrEqual(0.9);
  });

  it("is right at least 90 % of the time it flags something", () => {
    expect(totals.correct / totals.findings).toBeGreaterThanOrEqual(0.9);
  });

  it("reaches a recall of 0.75 for every type with at least three labels", () => {
    for (const [type, t] of perType) {
      if (t.labels >= 3) expect(t.found / t.labels, type).toBeGreaterThanOrEqual(0.75);
    }
  });

  it("flags nothing in sentences without identifiers", () => {
    const clean = phiCorpus.filter((sample) => sample.labels.length === 0);
    const flagged = clean.filter((sample) => detectPhi(sample.text).length > 0);
    expect(clean.length).toBeGreaterThanOrEqual(40);
    expect(flagged.length / clean.length).toBeLessThanOrEqual(0.05);
  });
});

describe("detectPhi and redact", () => {
  it("flags the example from the design and leaves the metric alone", () => {
    expect(detectPhi("Our door-to-balloon time fell to 62 minutes")).toEqual([]);
    const types = detectPhi("Patient John Smith MRN 00123456 was seen 03/14/2025").map((f) => f.type);
    expect(types).toEqual(["name", "mrn", "date"]);
  });

  it("keeps the label and replaces the identifier", () => {
    const text = "Patient John Smith MRN 00123456 was seen 03/14/2025";
    expect(redact(text, detectPhi(text))).toBe(
      "Patient [REDACTED-NAME] MRN [REDACTED-MRN] was seen [REDACTED-DATE]",
    );
  });

  it("flags IPv4 and full IPv6 addresses as IP addresses", () => {
    const text = "Logged from 2001:0db8:85a3:0000:0000:8a2e:0370:7334 and from 192.168.10.4 today";
    expect(detectPhi(text).map((f) => [f.type, f.text])).toEqual([
      ["ip", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"],
      ["ip", "192.168.10.4"],
    ]);
  });

  it("covers a name written with several spaces to its last letter", () => {
    const text = "Mrs.  Maria   Delgado has the pressure injury";
    expect(redact(text, detectPhi(text))).toBe("[REDACTED-NAME] has the pressure injury");
  });

  it("keeps a name that a month abbreviation follows, and dates the month", () => {
    expect(detectPhi("Mr. Ortiz Feb 9 fall #1").map((f) => [f.type, f.text])).toEqual([
      ["name", "Mr. Ortiz"],
      ["date", "Feb 9"],
    ]);
  });

  it("finds numbers and addresses read aloud, whatever word comes before them", () => {
    const found = (text: string) => detectPhi(text).map((f) => [f.type, f.text]);
    expect(found("it was ten dot four dot twenty two dot seventeen")).toEqual([
      ["ip", "ten dot four dot twenty two dot seventeen"],
    ]);
    expect(found("call five five five oh one four two")).toEqual([
      ["phone", "five five five oh one four two"],
    ]);
    expect(found("email me at j park at lakeview health dot org")).toEqual([
      ["email", "j park at lakeview health dot org"],
    ]);
    expect(found("so was it dot com or not")).toEqual([]);
  });

  it("reports offsets that slice back to the finding", () => {
    for (const sample of phiCorpus) {
      for (const f of detectPhi(sample.text)) expect(sample.text.slice(f.start, f.end)).toBe(f.text);
    }
  });

  const identifiers = fc.constantFrom(
    "Mr. John Smith",
    "MRN 00123456",
    "555-201-3344",
    "fax 617-555-0192",
    "jane@example.org",
    "123-45-6789",
    "03/14/2025",
    "March 3, 2025",
    "a 93-year-old",
    "42 Maple Street, Springfield, IL 62704",
    "https://example.org/a",
    "10.1.2.3",
    "account 4455667788",
    "member ID XZH123456789",
    "serial SN-4471902",
    "Boston, MA 02118",
    "she is 93",
    "ZIP prefix 036",
  );
  const filler = fc.constantFrom(
    "Our door-to-balloon time fell to 62 minutes.",
    "the team met",
    "and",
    "readmissions fell 2 points",
    "in 2024",
    ",",
    "we called",
    "the unit logged 45000 visits",
  );
  const sentence = fc
    .array(fc.oneof(identifiers, filler), { minLength: 1, maxLength: 8 })
    .map((p) => p.join(" "));

  it("redacts a number that only looks like a ZIP code once the placeholder brings its cue word near", () => {
    // A long name becomes a shorter placeholder, bringing "ZIP" within reach of the visit count.
    const text = "ZIP prefix 036 Mr. Jonathan Alexander Smithson the unit logged 45000 visits";
    expect(detectPhi(redact(text, detectPhi(text))).length).toBeGreaterThan(0);
    expect(detectPhi(redactAll(text).text)).toEqual([]);
  });

  it("redaction removes every finding (property)", () => {
    fc.assert(
      fc.property(sentence, (text) => {
        const findings = detectPhi(text);
        const redacted = redactAll(text).text;
        expect(detectPhi(redacted)).toEqual([]);
        for (const f of findings) expect(redacted).toContain(redactionLabel(f.type));
      }),
    );
  });

  it("never throws and findings are ordered, in range and disjoint (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 200 }), sentence),
        (text) => {
          const findings: PhiFinding[] = detectPhi(text);
          let last = 0;
          for (const f of findings) {
            expect(f.start).toBeGreaterThanOrEqual(last);
            expect(f.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(f.start, f.end)).toBe(f.text);
            last = f.end;
          }
          expect(typeof redact(text, findings)).toBe("string");
        },
      ),
    );
  });

  it("a redaction placeholder does not make a nearby number look like a ZIP", () => {
    const text = "She moved to Boston, MA 02118 and the unit logged 45000 visits.";
    const redacted = redact(text, detectPhi(text));
    expect(redacted).toContain("[REDACTED-ZIP]");
    expect(detectPhi(redacted)).toEqual([]);
  });

  it("redact tolerates stale and overlapping findings", () => {
    const text = "call 555-201-3344 now";
    const stale: PhiFinding[] = [
      { type: "phone", start: 5, end: 17, text: "555-201-3344" },
      { type: "phone", start: 8, end: 12, text: "-201" },
      { type: "email", start: 50, end: 60, text: "nowhere" },
    ];
    expect(redact(text, stale)).toBe("call [REDACTED-PHONE] now");
  });
});
