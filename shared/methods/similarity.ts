// Suggested similarity of context (1–5) from descriptors, per the seed guide's tip: match on case-mix index,
// size and rural/urban setting. A heuristic to start the coordinator's judgement, not a published score.

export interface SiteDescriptors {
  caseMixIndex?: number | string | null;
  beds?: number | string | null;
  setting?: string | null;
  type?: string | null;
}

export interface SimilaritySuggestion {
  /** 1–5, or undefined when host and candidate share no descriptor to compare. */
  score: number | undefined;
  /** One phrase per descriptor compared, e.g. "case-mix index 1.45 vs 1.52". */
  reasons: string[];
}

/** A case-mix index difference of this much or more counts as no similarity on that descriptor. */
const CMI_SPAN = 0.5;

function num(v: unknown): number | undefined {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v.trim().toLowerCase() : undefined;
}

export function suggestSimilarity(candidate: SiteDescriptors, host: SiteDescriptors): SimilaritySuggestion {
  const parts: number[] = [];
  const reasons: string[] = [];
  const cmiC = num(candidate.caseMixIndex);
  const cmiH = num(host.caseMixIndex);
  if (cmiC !== undefined && cmiH !== undefined) {
    parts.push(Math.max(0, 1 - Math.abs(cmiC - cmiH) / CMI_SPAN));
    reasons.push(`case-mix index ${cmiC} vs ${cmiH}`);
  }
  const bedsC = num(candidate.beds);
  const bedsH = num(host.beds);
  if (bedsC !== undefined && bedsH !== undefined) {
    // Ratio of the smaller to the larger: 200 vs 400 beds is half as similar as equal size.
    parts.push(Math.min(bedsC, bedsH) / Math.max(bedsC, bedsH));
    reasons.push(`${bedsC} vs ${bedsH} beds`);
  }
  const setC = text(candidate.setting);
  const setH = text(host.setting);
  if (setC !== undefined && setH !== undefined) {
    parts.push(setC === setH ? 1 : 0);
    reasons.push(setC === setH ? `same setting (${setC})` : `different setting (${setC} vs ${setH})`);
  }
  const typeC = text(candidate.type);
  const typeH = text(host.type);
  if (typeC !== undefined && typeH !== undefined) {
    parts.push(typeC === typeH ? 1 : 0);
    reasons.push(typeC === typeH ? `same type (${typeC})` : `different type (${typeC} vs ${typeH})`);
  }
  if (parts.length === 0)
    return { score: undefined, reasons: ["no descriptor shared with the host to compare"] };
  const mean = parts.reduce((a, b) => a + b, 0) / parts.length;
  return { score: Math.round(1 + 4 * mean), reasons };
}
