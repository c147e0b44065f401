// What may be sent when the PHI guard finds something, and what the clip records about the check.
// Shared by the popup (to enable Clip) and the background (which checks again, whatever page asked).
import {
  detectPhi,
  type PhiFinding,
  type PhiType,
  phiTypeLabels,
  redact,
  summarizeFindings,
} from "../../../shared/clip/phi";
import type { PhiCheck } from "../../../shared/clip/protocol";
import type { PhiMode } from "./settings";

/**
 * The text with the speaker labels the extension writes at line starts ("Dr. Priya Shah: ") blanked out,
 * at the same length so findings' offsets still fit the text. Speakers are exchange participants,
 * carried in the clip's Speaker field; names spoken inside the text are still checked.
 */
export function withoutSpeakerLabels(text: string, speakers: readonly string[]): string {
  const labels = speakers.filter((speaker) => speaker.trim()).map((speaker) => `${speaker}:`);
  if (labels.length === 0) return text;
  return text
    .split("\n")
    .map((line) => {
      const label = labels.find((l) => line.startsWith(l));
      return label ? " ".repeat(label.length) + line.slice(label.length) : line;
    })
    .join("\n");
}

/** The PHI detector's findings in a clip's text, speaker labels aside. */
export function detectClipPhi(text: string, speakers: readonly string[] = []): PhiFinding[] {
  return detectPhi(withoutSpeakerLabels(text, speakers));
}

/** Redacts every finding, speaker labels aside, again until none is left (as redactAll does). */
export function redactClip(text: string, speakers: readonly string[] = []): string {
  let current = text;
  for (let pass = 0; pass < 5; pass++) {
    const findings = detectClipPhi(current, speakers);
    if (findings.length === 0) break;
    current = redact(current, findings);
  }
  return current;
}

export function phiCheck(findings: readonly PhiFinding[], action: PhiCheck["action"]): PhiCheck {
  return {
    checked: true,
    findings: findings.length,
    types: Object.keys(summarizeFindings(findings)),
    action,
  };
}

/** A label inside a sentence: "Name" → "name", but "ZIP code" and "Social Security number" keep their capitals. */
function inSentence(label: string): string {
  const [first = "", ...rest] = label.split(" ");
  if (/^[A-Z]{2,}/.test(first) || rest.some((word) => /^[A-Z]/.test(word))) return label;
  return first.toLowerCase() + (rest.length ? ` ${rest.join(" ")}` : "");
}

/** Why text with these findings may not be sent as it is, or null when it may. */
export function phiRefusal(
  findings: readonly PhiFinding[],
  action: PhiCheck["action"],
  mode: PhiMode,
): string | null {
  if (findings.length === 0) return null;
  // The popup's words for each type ("medical record or other record number"), not the detector's keys.
  const types = (Object.keys(summarizeFindings(findings)) as PhiType[])
    .map((type) => inSentence(phiTypeLabels[type]))
    .join(", ");
  if (mode === "block") {
    return `Possible PHI (${types}). Your settings block sending it: redact the highlighted text first.`;
  }
  if (action !== "attested")
    return `Possible PHI (${types}). Redact it, or confirm it is not PHI, before sending.`;
  return null;
}

/**
 * Checks text about to be queued against what the sender claims was done. Text that still has findings
 * goes only when attested (and never in block mode); a redaction keeps the counts found before it.
 */
export function checkBeforeQueueing(
  text: string,
  claimed: PhiCheck,
  mode: PhiMode,
  speakers: readonly string[] = [],
): { ok: true; phi: PhiCheck } | { ok: false; message: string } {
  const findings = detectClipPhi(text, speakers);
  const refusal = phiRefusal(findings, claimed.action, mode);
  if (refusal) return { ok: false, message: refusal };
  if (findings.length) return { ok: true, phi: phiCheck(findings, "attested") };
  if (claimed.action === "redacted") return { ok: true, phi: { ...claimed, checked: true } };
  return { ok: true, phi: phiCheck([], "none") };
}
