// Survey summaries: per Likert item n (blanks excluded), median, top-2-box % (4–5 on 1–5); NPS = % 9–10 − % 0–6.

export type Answer = number | string | null | undefined;

export interface LikertSummary {
  n: number;
  median: number | undefined;
  /** % of answers that are 4 or 5; undefined with no answers. */
  top2BoxPercent: number | undefined;
  /** Answers that were not blank yet not a whole number 1–5 (excluded, counted here). */
  invalid: number;
}

export interface NpsSummary {
  n: number;
  promotersPercent: number | undefined;
  passivesPercent: number | undefined;
  detractorsPercent: number | undefined;
  /** −100 … +100; undefined with no answers. */
  nps: number | undefined;
  invalid: number;
}

/** Kirkpatrick's four levels and the instrument that measures each in an exchange. */
export const KIRKPATRICK_LEVELS = [
  { level: 1, name: "Reaction", instrument: "Post-exchange survey: satisfaction, relevance" },
  { level: 2, name: "Learning", instrument: "Post-exchange survey: confidence, commitment" },
  { level: 3, name: "Behaviour", instrument: "30-day follow-up" },
  { level: 4, name: "Results", instrument: "12-month impact review" },
] as const;

function readAnswers(
  answers: readonly Answer[],
  min: number,
  max: number,
): { values: number[]; invalid: number } {
  const values: number[] = [];
  let invalid = 0;
  for (const raw of answers) {
    if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) continue;
    const v = typeof raw === "string" ? Number(raw) : raw;
    if (Number.isInteger(v) && v >= min && v <= max) values.push(v);
    else invalid += 1;
  }
  return { values, invalid };
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function likertSummary(answers: readonly Answer[]): LikertSummary {
  const { values, invalid } = readAnswers(answers, 1, 5);
  const n = values.length;
  const top = values.filter((v) => v >= 4).length;
  return { n, median: median(values), top2BoxPercent: n ? (top / n) * 100 : undefined, invalid };
}

export function netPromoterScore(answers: readonly Answer[]): NpsSummary {
  const { values, invalid } = readAnswers(answers, 0, 10);
  const n = values.length;
  if (n === 0)
    return {
      n,
      promotersPercent: undefined,
      passivesPercent: undefined,
      detractorsPercent: undefined,
      nps: undefined,
      invalid,
    };
  const promoters = (values.filter((v) => v >= 9).length / n) * 100;
  const detractors = (values.filter((v) => v <= 6).length / n) * 100;
  return {
    n,
    promotersPercent: promoters,
    passivesPercent: 100 - promoters - detractors,
    detractorsPercent: detractors,
    nps: promoters - detractors,
    invalid,
  };
}
