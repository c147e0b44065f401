import { describe, expect, it } from "vitest";
import {
  checkBeforeQueueing,
  detectClipPhi,
  phiCheck,
  redactClip,
  withoutSpeakerLabels,
} from "../../extension/src/clipper/phiPolicy.ts";
import { detectPhi, redact } from "../../shared/clip/phi.ts";

const phiText = "Patient John Smith MRN 00123456 was seen 03/14/2025";
const cleanText = "Our door-to-balloon time fell to 62 minutes";

describe("the PHI policy the background applies before queueing", () => {
  it("lets clean text through and records that it was checked", () => {
    expect(checkBeforeQueueing(cleanText, phiCheck([], "none"), "block")).toEqual({
      ok: true,
      phi: { checked: true, findings: 0, types: [], action: "none" },
    });
  });

  it("refuses text with findings unless attested, whatever the sender claims", () => {
    const claimed = phiCheck([], "none");
    const refused = checkBeforeQueueing(phiText, claimed, "warn");
    expect(refused.ok).toBe(false);
    // In words a scribe knows, not the detector's type keys.
    if (!refused.ok) {
      expect(refused.message).toContain("name, medical record or other record number, date");
      expect(refused.message).not.toMatch(/\bmrn\b/);
    }
    // A sender that says "redacted" but did not redact is refused too.
    expect(checkBeforeQueueing(phiText, phiCheck([], "redacted"), "warn").ok).toBe(false);
  });

  it("sends attested text in warn mode and records what was found", () => {
    const sent = checkBeforeQueueing(phiText, phiCheck([], "attested"), "warn");
    expect(sent).toEqual({
      ok: true,
      phi: { checked: true, findings: 3, types: ["name", "mrn", "date"], action: "attested" },
    });
  });

  it("never sends text with findings in block mode, even attested", () => {
    const refused = checkBeforeQueueing(phiText, phiCheck([], "attested"), "block");
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain("block");
  });

  it("sends redacted text and keeps the counts found before redaction", () => {
    const before = detectPhi(phiText);
    const sent = checkBeforeQueueing(redact(phiText, before), phiCheck(before, "redacted"), "block");
    expect(sent).toEqual({
      ok: true,
      phi: { checked: true, findings: 3, types: ["name", "mrn", "date"], action: "redacted" },
    });
  });
});

describe("speaker labels in caption clips", () => {
  const speakers = ["Dr. Priya Shah", "Marcus Webb"];
  const clip = "Dr. Priya Shah: Can pharmacy look at night sedation?\nMarcus Webb: Yes, by Monday.";

  it("does not flag the speaker labels the extension writes", () => {
    expect(detectPhi(clip).length).toBeGreaterThan(0);
    expect(detectClipPhi(clip, speakers)).toEqual([]);
    expect(checkBeforeQueueing(clip, phiCheck([], "none"), "block", speakers).ok).toBe(true);
  });

  it("still flags a name spoken inside the text, at its place in the text", () => {
    const spoken = "Marcus Webb: I asked Dr. Priya Shah about it.";
    const findings = detectClipPhi(spoken, speakers);
    // METHODS.md's labelling rules: an honorific stays in the name's span.
    expect(findings.map((f) => spoken.slice(f.start, f.end))).toEqual(["Dr. Priya Shah"]);
    expect(checkBeforeQueueing(spoken, phiCheck([], "none"), "warn", speakers).ok).toBe(false);
  });

  it("treats a label only as a label at the start of a line, for a known speaker", () => {
    expect(withoutSpeakerLabels("Dr. Ann Lee: hello", speakers)).toBe("Dr. Ann Lee: hello");
    expect(withoutSpeakerLabels(clip, speakers)).toHaveLength(clip.length);
    expect(detectClipPhi("Dr. Ann Lee: hello", speakers).length).toBeGreaterThan(0);
  });

  it("redacts the spoken name and keeps the labels", () => {
    expect(redactClip("Marcus Webb: I asked Dr. Priya Shah about it.", speakers)).toBe(
      "Marcus Webb: I asked [REDACTED-NAME] about it.",
    );
  });
});
