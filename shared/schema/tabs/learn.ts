// Learn: clipped insights, the tag taxonomy, best-practice summaries and their history.

import { SYNONYM_SLOTS } from "../../methods/tags";
import { literalCriterion } from "../formulaParts";
import type { FormulaContext } from "../types";
import {
  clipKinds,
  clipPlatforms,
  phiCheckLabels,
  practiceStatuses,
  reviewStatuses,
  siteNotInExchange,
  tagStatuses,
} from "../vocabulary";
import { col, DATETIME, defineTab } from "./define";

export const insightsTab = defineTab({
  name: "Insights",
  layout: "table",
  purpose: "Clips from the scribes: insights, practices, barriers, questions and lessons, one per row.",
  columns: [
    col("clipId", "Clip id", "text", "Made by the Clipper; a retried clip never makes a second row."),
    col("capturedAt", "Captured at", "date", "When the scribe pressed Clip.", { numberFormat: DATETIME }),
    col("session", "Session", "text", "The agenda session the clip was taken in."),
    col("platform", "Platform", "list", "Meet, Teams, Zoom, Webex or another web page.", {
      options: clipPlatforms,
      strict: false,
    }),
    col("pageUrl", "Page URL", "url", "The page the clip came from."),
    col("pageTitle", "Page title", "text", "The page's title."),
    col("speaker", "Speaker", "text", "Who said it, if known."),
    col(
      "site",
      "Site",
      "text",
      `The speaker's site as the exchange names it: its name only where it granted permission to identify (Peers tab), else its pseudonym. “${siteNotInExchange}” marks a site the scribe typed that is not one of the exchange's: set the right one. A later change of permission applies to new clips; rows already here keep the label they were clipped with.`,
    ),
    col(
      "kind",
      "Kind",
      "list",
      "Insight, best practice, barrier, action item, question, lesson learned, did-not-work.",
      {
        options: clipKinds,
        strict: true,
      },
    ),
    col("text", "Text", "text", "The clipped words."),
    col("tags", "Tags", "text", "Comma-separated tags from the Tags tab."),
    col("scribe", "Scribe", "text", "The scribe who clipped it."),
    col("confidential", "Confidential", "boolean", "Ticked clips stay out of shared outputs."),
    col(
      "phiCheck",
      "PHI check",
      "list",
      "What the scribe did about possible PHI: none found, redacted, attested, or not checked.",
      {
        options: phiCheckLabels,
        strict: false,
      },
    ),
    col("reviewStatus", "Review status", "list", "New, reviewed, promoted or set aside.", {
      options: reviewStatuses,
      strict: true,
    }),
    col("promotedTo", "Promoted to", "text", "The best-practice summary this clip went into."),
    col(
      "tagKey",
      "Tag key",
      "text",
      "The tags as the Tags tab counts them: lower case, between commas (formula).",
      {
        formula: (c) =>
          `=IF(TRIM(${c.cell("tags")})="","",","&SUBSTITUTE(SUBSTITUTE(LOWER(TRIM(${c.cell("tags")})),", ",",")," ,",",")&",")`,
      },
    ),
  ],
  frozenRows: 1,
  conditionalFormats: [
    { kind: "textEquals", key: "phiCheck", text: "attested", background: "#fce8b2" },
    { kind: "textEquals", key: "site", text: siteNotInExchange, background: "#fce8b2" },
    {
      kind: "formula",
      key: "text",
      formula: (c) => `=${c.cell("confidential")}=TRUE()`,
      background: "#efefef",
    },
  ],
});

/**
 * Clips carrying the tag or a synonym as a whole item of their Tag key (",a,b c,"), each clip once: by
 * inclusion–exclusion over the tag and its synonyms, one COUNTIFS per combination (COUNTIFS counts cells,
 * so a clip carrying two of the names counts once per term). Wildcards in a name are escaped, so *, ?
 * and ~ are plain characters, and the criterion starts with "=" so a tag such as "=x" is never read as
 * an operator; the k-th synonym is picked out by padding every comma to the cell's length.
 * The reference is tagUseCounts in shared/methods/tags.ts.
 */
function tagUseCountFormula(c: FormulaContext): string {
  const keys = c.otherColumn("Insights", "tagKey");
  const synonyms = c.cell("synonyms");
  const synonym = (k: number) =>
    `LOWER(TRIM(MID(SUBSTITUTE(${synonyms},",",REPT(" ",LEN(${synonyms}))),${k}*LEN(${synonyms})+1,LEN(${synonyms}))))`;
  const names = [`LOWER(TRIM(${c.cell("tag")}))`];
  for (let k = 0; k < SYNONYM_SLOTS; k += 1) names.push(synonym(k));
  const terms: string[] = [];
  for (let mask = 1; mask < 1 << names.length; mask += 1) {
    const chosen = names.filter((_, i) => mask & (1 << i));
    const criteria = chosen.map((n) => `${keys},"=*,"&${literalCriterion(n)}&",*"`).join(",");
    // A blank synonym is no name: its terms count nothing.
    const guards = chosen
      .filter((n) => n !== names[0])
      .map((n) => `(${n}<>"")*`)
      .join("");
    terms.push(`${chosen.length % 2 === 1 ? "+" : "-"}${guards}COUNTIFS(${criteria})`);
  }
  return `=IF(TRIM(${c.cell("tag")})="","",${terms.join("").replace(/^\+/, "")})`;
}

export const tagsTab = defineTab({
  name: "Tags",
  layout: "table",
  purpose: "The tag taxonomy the Clipper offers; new tags from scribes arrive here for review.",
  columns: [
    col("tag", "Tag", "text", "E.g. “discharge planning”."),
    col("category", "Category", "text", "A grouping for the tag, e.g. “process”, “method”, “technology”."),
    col("description", "Description", "text", "When to use the tag."),
    col("synonyms", "Synonyms", "text", "Other words for the same thing, comma-separated."),
    col(
      "useCount",
      "Use count",
      "integer",
      `Clips on the Insights tab carrying exactly this tag or one of its first ${SYNONYM_SLOTS} synonyms (formula).`,
      { formula: tagUseCountFormula },
    ),
    col("status", "Status", "list", "Approved tags are offered to scribes; tags under review are not yet.", {
      options: tagStatuses,
      strict: true,
    }),
    col("addedBy", "Added by", "text", "Who proposed the tag."),
    col("addedAt", "Added at", "date", "When it was proposed.", { numberFormat: DATETIME }),
  ],
  frozenRows: 1,
  conditionalFormats: [{ kind: "textEquals", key: "status", text: "review", background: "#fce8b2" }],
  namedRanges: [{ name: "TagList", key: "tag" }],
});

export const practicesTab = defineTab({
  name: "Practices",
  layout: "table",
  purpose: "Best-Practice Summaries in the standard template, with version history.",
  columns: [
    col("practiceId", "Practice id", "text", "Stable id; the history refers to it."),
    col("title", "Title", "text", "A short, specific title."),
    col("problemStatement", "Problem statement", "text", "The problem the practice solves."),
    col("intervention", "Intervention description", "text", "What was done, step by step."),
    col("outcomeMetric", "Outcome metric", "text", "What was measured."),
    col("outcomeBaseline", "Baseline", "number", "Before."),
    col("outcomeResult", "Result", "number", "After."),
    col("implementationTips", "Implementation tips", "text", "What helped."),
    col("potentialBarriers", "Potential barriers", "text", "What got in the way."),
    col("requiredAdaptations", "Required adaptations", "text", "What another context must change."),
    col("sourceSite", "Source site", "text", "The site's pseudonym (name only with permission)."),
    col("evidence", "Evidence", "text", "Data, documents or links behind it."),
    col("tags", "Tags", "text", "Comma-separated tags."),
    col("status", "Status", "list", "Draft, reviewed or published.", {
      options: practiceStatuses,
      strict: true,
    }),
    col("didNotWork", "Attempt that did not work", "text", "What was tried and dropped, and why."),
    col("version", "Version", "integer", "Raised on every saved change.", { range: { min: 1 } }),
    col("updatedAt", "Updated at", "date", "When it was last saved.", { numberFormat: DATETIME }),
    col("updatedBy", "Updated by", "text", "Who saved it last."),
    col("sourceClips", "Source clips", "text", "Clip ids it was drafted from."),
  ],
  frozenRows: 1,
  conditionalFormats: [{ kind: "textEquals", key: "status", text: "published", background: "#d9ead3" }],
});

export const practiceHistoryTab = defineTab({
  name: "Practice History",
  layout: "table",
  purpose: "Every earlier version of a best-practice summary: who changed it, when and what.",
  columns: [
    col("practiceId", "Practice id", "text", "The practice the version belongs to."),
    col("title", "Title", "text", "Its title at the time."),
    col("version", "Version", "integer", "The version replaced."),
    col("savedAt", "Saved at", "date", "When it was replaced.", { numberFormat: DATETIME }),
    col("savedBy", "Saved by", "text", "Who replaced it."),
    col("whatChanged", "What changed", "text", "Fields changed."),
    col("snapshot", "Previous version", "text", "The whole earlier version (JSON), for restoring."),
  ],
  frozenRows: 1,
});
