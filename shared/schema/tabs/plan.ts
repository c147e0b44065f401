// Plan: charter and targets, peer selection, participant preparation (seed: scope, peers, preparation).

import { charterFields } from "../charter";
import { anyBlank, literalCriterion } from "../formulaParts";
import type { FormulaTemplate } from "../types";
import { siteSettings, siteTypes, stakeholderGroups, targetDirections, yesNo } from "../vocabulary";
import { absoluteChange, col, DATE, DATETIME, defineTab, relativeChange, score } from "./define";

const formColumns = (valueHelp: string) =>
  [
    col("label", "Field", "text", "What the row holds. Keep these labels: the add-on finds values by them."),
    col("value", "Value", "text", valueHelp),
    col("help", "Help", "text", "What to write."),
  ] as const;

export const charterTab = defineTab({
  name: "Charter",
  layout: "form",
  purpose: "The exchange charter: focus, goal, beneficiaries, dates, confidentiality and ownership.",
  columns: formColumns(
    "Fill in the value; the charter sidebar (Peer Exchange › Charter) edits the same cells.",
  ),
  fields: charterFields,
  frozenRows: 1,
  namedRanges: charterFields.map((f) => ({ name: `Charter_${f.key}`, key: f.key })),
});

export const targetsTab = defineTab({
  name: "Targets",
  layout: "table",
  purpose: "The charter's measurable targets, each with its baseline and the change it asks for.",
  columns: [
    col("metric", "Metric", "text", "What is measured, e.g. “Average length of stay”."),
    col("unit", "Unit", "text", "Days, minutes, % … A rate in % makes the change percentage points."),
    col("direction", "Direction", "list", "Whether lower or higher is better.", {
      options: targetDirections,
      strict: true,
    }),
    col("baseline", "Baseline", "number", "The value before the exchange."),
    col("target", "Target", "number", "The value the exchange aims for."),
    col("targetDate", "Target date", "date", "When the target should be reached.", { numberFormat: DATE }),
    col("targetChange", "Target change", "number", "Target − baseline (formula; percentage points for %).", {
      formula: absoluteChange("baseline", "target"),
      numberFormat: "0.0",
    }),
    col(
      "targetChangePercent",
      "Target change %",
      "number",
      "(Target − baseline) / baseline × 100 (formula).",
      {
        formula: relativeChange("baseline", "target"),
        numberFormat: "0.0",
      },
    ),
    col("notes", "Notes", "text", "Data source, definition, caveats."),
  ],
  frozenRows: 1,
});

const weighted: FormulaTemplate = (c) => {
  const scores = ["similarity", "success", "willingness", "diversity"] as const;
  const weights = ["weightSimilarity", "weightSuccess", "weightWillingness", "weightDiversity"] as const;
  const terms = scores.map((key, i) => `${c.cell(key)}*${c.setting(weights[i] as string)}`);
  const cells = scores.map((k) => c.cell(k)).join(",");
  // Blank until all four are numbers from 1 to 5, as the shared weightedScore: a pasted 0 or 7 is not a score.
  // Rounded to 12 decimals: Rank compares through text (">"&score), which Sheets writes with 15 significant
  // digits, so an unrounded 3.6499999999999995 would count itself as higher than "3.65" and rank one down.
  return `=IF(OR(COUNT(${cells})<4,MIN(${cells})<1,MAX(${cells})>5),"",ROUND(${terms.join("+")},12))`;
};

export const peersTab = defineTab({
  name: "Peers",
  layout: "table",
  purpose: "Candidate peer institutions, their descriptors and criteria scores, and the selected group.",
  columns: [
    col("siteName", "Site name", "text", "The institution's name (shown only with permission to identify)."),
    col("pseudonym", "Pseudonym", "text", "Site A, Site B, …: how the site appears in charts and exports."),
    col(
      "permissionToIdentify",
      "Permission to identify",
      "boolean",
      "Tick when the site agreed to be named: the name then replaces the pseudonym on the Agenda, the Speaking timer, charts, exports and the Clipper's site list from their next run. Clips already on Insights keep the label they were clipped with.",
    ),
    col("setting", "Setting", "list", "Rural, suburban or urban.", { options: siteSettings, strict: true }),
    col("siteType", "Type", "list", "Kind of organization.", { options: siteTypes, strict: false }),
    col("beds", "Beds", "integer", "Staffed beds.", { range: { min: 0, max: 10000 } }),
    col("caseMixIndex", "Case-mix index", "number", "The site's case-mix index (CMI).", {
      range: { min: 0.3, max: 5 },
      numberFormat: "0.00",
    }),
    col("serviceLines", "Service lines", "text", "Main service lines, comma-separated."),
    score("similarity", "Similarity of context", "1–5: comparable patients, service lines and resources."),
    score("success", "Demonstrated success", "1–5: documented improvement on the focus challenge."),
    score(
      "willingness",
      "Willingness to share",
      "1–5: openness about successes and failures (pre-exchange interview).",
    ),
    score("diversity", "Diversity of perspective", "1–5: a different size, governance or approach."),
    col(
      "suggestedSimilarity",
      "Suggested similarity",
      "number",
      "Suggested from beds, case-mix index, setting and type against the host (Charter): Peer Exchange › Suggest similarity.",
      {
        range: { min: 1, max: 5 },
        numberFormat: "0.0",
      },
    ),
    col("successBaseline", "Success: baseline", "text", "Success snapshot: the baseline data."),
    col("successIntervention", "Success: intervention", "text", "Success snapshot: what they changed."),
    col("successOutcome", "Success: outcome", "text", "Success snapshot: the result."),
    col(
      "interviewDone",
      "Pre-exchange interview done",
      "boolean",
      "Tick once the openness interview took place.",
    ),
    col("outlier", "Outlier", "boolean", "Tick for an organization that approaches the problem differently."),
    col(
      "weightedScore",
      "Weighted score",
      "number",
      "Σ weight × score over the four criteria (formula; weights in Settings). Blank until all four scores are in.",
      {
        formula: weighted,
        numberFormat: "0.00",
      },
    ),
    col(
      "missingScores",
      "Missing scores",
      "text",
      "Which criteria still need a score from 1 to 5 (formula).",
      {
        formula: (c) => {
          const parts = [
            ["similarity", "similarity"],
            ["success", "success"],
            ["willingness", "willingness"],
            ["diversity", "diversity"],
          ].map(([key, label]) => {
            const cell = c.cell(key as string);
            // A score that is not a number from 1 to 5 is named too: the weighted score stays blank for it.
            return `IF(${cell}="",", ${label}",IF(OR(NOT(ISNUMBER(${cell})),${cell}<1,${cell}>5),", ${label} (not 1–5)",""))`;
          });
          return `=IF(${c.cell("siteName")}="","",MID(${parts.join("&")},3,200))`;
        },
      },
    ),
    col("rank", "Rank", "integer", "1 = highest weighted score (formula; ties share a rank).", {
      formula: (c) =>
        `=IF(${c.cell("weightedScore")}="","",COUNTIF(${c.column("weightedScore")},">"&${c.cell("weightedScore")})+1)`,
    }),
    col("selected", "Selected", "boolean", "Ticked by Select peer group (you may change it)."),
    col("selectionNote", "Selection note", "text", "Why the site was or was not proposed."),
    col("contactEmail", "Contact email", "email", "The site's contact for the exchange."),
  ],
  frozenRows: 1,
  conditionalFormats: [
    {
      kind: "formula",
      key: "siteName",
      formula: (c) => `=${c.cell("selected")}=TRUE()`,
      background: "#d9ead3",
    },
    {
      kind: "formula",
      key: "missingScores",
      formula: (c) => `=${c.cell("missingScores")}<>""`,
      background: "#fce8b2",
    },
  ],
  namedRanges: [{ name: "PeerPseudonyms", key: "pseudonym" }],
});

const missingPreparation: FormulaTemplate = (c) => {
  const parts = [
    ["ndaSigned", "NDA signed"],
    ["dataPacketSent", "data packet sent"],
    ["unknown1", "first unknown"],
    ["unknown2", "second unknown"],
    ["consentToRecord", "consent to record"],
  ].map(([key, label]) => `IF(${c.cell(key as string)}="",", ${label}","")`);
  return `=IF(${c.cell("person")}="","",MID(${parts.join("&")},3,200))`;
};

export const participantsTab = defineTab({
  name: "Participants",
  layout: "table",
  purpose: "The people coming from each site and how far their preparation has got.",
  columns: [
    col("person", "Person", "text", "Full name."),
    col("site", "Site", "text", "The site's pseudonym or name as on the Peers tab."),
    col("role", "Role", "text", "Job title."),
    col("email", "Email", "email", "Where preparation reminders go."),
    col("stakeholderGroup", "Stakeholder group", "list", "Who will apply the insights.", {
      options: stakeholderGroups,
      strict: false,
    }),
    col("ndaSigned", "NDA signed", "date", "Date the mutual NDA was signed.", { numberFormat: DATE }),
    col(
      "dataPacketSent",
      "Data packet sent",
      "date",
      "Date the pre-exchange packet (baseline metrics, process maps, policies) was sent.",
      {
        numberFormat: DATE,
      },
    ),
    col("unknown1", "Unknown 1", "text", "First thing the participant hopes to resolve at the exchange."),
    col("unknown2", "Unknown 2", "text", "Second thing the participant hopes to resolve."),
    col("moduleFacilitation", "Module: facilitation", "boolean", "Optional mini-module completed."),
    col(
      "moduleStorytelling",
      "Module: storytelling",
      "boolean",
      "Optional mini-module (storytelling for improvement) completed.",
    ),
    col("moduleDataViz", "Module: data visualization", "boolean", "Optional mini-module completed."),
    col("consentToRecord", "Consent to record", "list", "Yes or no; blank means not asked yet.", {
      options: yesNo,
      strict: true,
    }),
    col("missingItems", "Missing items", "text", "Preparation still missing (formula).", {
      formula: missingPreparation,
    }),
    col("ready", "Ready", "boolean", "TRUE when nothing is missing (formula).", {
      formula: (c) => `=IF(${c.cell("person")}="","",${c.cell("missingItems")}="")`,
    }),
    col(
      "siteReadiness",
      "Site readiness",
      "text",
      "How many of this site's participants are ready (formula).",
      {
        formula: (c) =>
          `=IF(${anyBlank(c, "person", "site")},"",COUNTIFS(${c.column("site")},${literalCriterion(c.cell("site"))},${c.column("ready")},TRUE())&" of "&COUNTIFS(${c.column("site")},${literalCriterion(c.cell("site"))},${c.column("person")},"<>")&" ready")`,
      },
    ),
    col("lastReminded", "Last reminded", "date", "When the last preparation reminder was sent.", {
      numberFormat: DATETIME,
    }),
  ],
  frozenRows: 1,
  conditionalFormats: [
    {
      kind: "formula",
      key: "missingItems",
      formula: (c) => `=${c.cell("missingItems")}<>""`,
      background: "#f4cccc",
    },
  ],
});
