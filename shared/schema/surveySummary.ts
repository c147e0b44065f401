// The post-exchange survey's items and the live formulas that summarize them on the Evaluation tab
// (METHODS.md "Survey summaries": n without blanks, median, top-2-box % on 1–5, NPS = % 9–10 − % 0–6).
import type { kirkpatrickLevels } from "./vocabulary";

type KirkpatrickLevel = (typeof kirkpatrickLevels)[number];

export type SurveyItemKey = "satisfaction" | "relevance" | "confidence" | "recommend" | "comments";

export interface SurveyItem {
  /** The Survey Responses column it summarizes. */
  key: SurveyItemKey;
  /** The Evaluation tab's Item text (also the key that finds the row again). */
  item: string;
  /** The question on the form. */
  question: string;
  kind: "likert" | "nps" | "comments";
  level: KirkpatrickLevel;
}

export const SURVEY_INSTRUMENT = "Post-exchange survey";

/** Kirkpatrick: reaction (satisfaction, relevance, recommending), learning (confidence to apply). */
export const surveyItems: readonly SurveyItem[] = [
  {
    key: "satisfaction",
    item: "Satisfaction",
    question: "How satisfied are you with the exchange?",
    kind: "likert",
    level: "1 reaction",
  },
  {
    key: "relevance",
    item: "Relevance",
    question: "How relevant was the exchange to your work?",
    kind: "likert",
    level: "1 reaction",
  },
  {
    key: "confidence",
    item: "Confidence to apply",
    question: "How confident are you that you can apply what you learned?",
    kind: "likert",
    level: "2 learning",
  },
  {
    key: "recommend",
    item: "Likelihood to recommend (NPS)",
    question: "How likely are you to recommend this exchange to a colleague?",
    kind: "nps",
    level: "1 reaction",
  },
  {
    key: "comments",
    item: "What would you try differently? (comments)",
    question: "What would you try differently?",
    kind: "comments",
    level: "1 reaction",
  },
];

export interface SummaryFormulas {
  n: string;
  median: string;
  top2Box: string;
  nps: string;
  promoters: string;
  passives: string;
  detractors: string;
}

const between = (ref: string, low: number, high: number) => `COUNTIFS(${ref},">=${low}",${ref},"<=${high}")`;

/**
 * Formulas over one Survey Responses column (`ref`, e.g. 'Survey Responses'!$D:$D). The header cell is
 * text, which COUNTIFS and MEDIAN skip; the column's validation keeps answers whole numbers in range.
 */
export function summaryFormulas(item: SurveyItem, ref: string): SummaryFormulas {
  const none = { n: "", median: "", top2Box: "", nps: "", promoters: "", passives: "", detractors: "" };
  if (item.kind === "comments") return { ...none, n: `=COUNTIF(${ref},"?*")-1` };
  if (item.kind === "likert") {
    const n = between(ref, 1, 5);
    return {
      ...none,
      n: `=${n}`,
      median: `=IF(${n}=0,"",MEDIAN(${ref}))`,
      top2Box: `=IF(${n}=0,"",${between(ref, 4, 5)}/${n}*100)`,
    };
  }
  const n = between(ref, 0, 10);
  return {
    ...none,
    n: `=${n}`,
    median: `=IF(${n}=0,"",MEDIAN(${ref}))`,
    nps: `=IF(${n}=0,"",(${between(ref, 9, 10)}-${between(ref, 0, 6)})/${n}*100)`,
    promoters: `=${between(ref, 9, 10)}`,
    passives: `=${between(ref, 7, 8)}`,
    detractors: `=${between(ref, 0, 6)}`,
  };
}
