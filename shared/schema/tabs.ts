// Every tab of the exchange workbook (WORKBOOK.md): columns by header, value types, validation, derived
// formulas, conditional formats and named ranges. Set-up, trackers, the endpoint and the sandbox read this.
import { charterFields } from "./charter";
import { anyBlank, literalCriterion, quoted } from "./formulaParts";
import { settingFields } from "./settings";
import type { ColumnSpec, FieldSpec, FormulaTemplate, NumberRange, TabSpec, ValueType } from "./types";
import {
  actionStatuses,
  clipKinds,
  clipPlatforms,
  exchangeCadences,
  horizons,
  kirkpatrickLevels,
  phiCheckLabels,
  pickQuadrants,
  practiceStatuses,
  resourceKinds,
  reviewStatuses,
  sessionFormats,
  sessionStatuses,
  siteSettings,
  siteTypes,
  stakeholderGroups,
  tagStatuses,
  targetDirections,
  trackingCadences,
  yesNo,
} from "./vocabulary";

interface ColumnExtras {
  options?: readonly string[];
  strict?: boolean;
  range?: NumberRange;
  formula?: FormulaTemplate;
  numberFormat?: string;
  aliases?: readonly string[];
}

function col<const K extends string, const T extends ValueType>(
  key: K,
  header: string,
  type: T,
  note: string,
  extras: ColumnExtras = {},
): ColumnSpec<K, T> {
  return { key, header, type, note, ...extras };
}

const score = <const K extends string>(key: K, header: string, note: string) =>
  col(key, header, "score1to5", note, { range: { min: 1, max: 5 }, strict: true });

function defineTab<const N extends string, const C extends readonly ColumnSpec[]>(
  spec: TabSpec<N, C>,
): TabSpec<N, C> {
  return spec;
}

const DATE = "yyyy-mm-dd";
const DATETIME = "yyyy-mm-dd hh:mm";

// ---- Planning --------------------------------------------------------------------------------------

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

/** Absolute and relative change against a baseline, as live formulas (METHODS.md, change vs baseline). */
const absoluteChange =
  (from: string, to: string): FormulaTemplate =>
  (c) =>
    `=IF(${anyBlank(c, from, to)},"",${c.cell(to)}-${c.cell(from)})`;
const relativeChange =
  (from: string, to: string): FormulaTemplate =>
  (c) =>
    `=IF(${anyBlank(c, from, to)},"",IF(${c.cell(from)}=0,${quoted(ZERO_BASELINE)},(${c.cell(to)}-${c.cell(from)})/${c.cell(from)}*100))`;

/** What a relative-change cell says when the baseline is 0 (never divide). */
export const ZERO_BASELINE = "undefined: baseline is 0";

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
      "Tick when the site agreed to be named.",
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

export const agendaTab = defineTab({
  name: "Agenda",
  layout: "table",
  purpose: "The exchange's sessions in order, with presenting site, rotating facilitator and scribe.",
  columns: [
    col("session", "Session", "text", "Session title; clips name the session they were taken in."),
    col(
      "format",
      "Format",
      "list",
      "Rapid-fire case, Q&A, breakout workshop, process walk-through, break …",
      {
        options: sessionFormats,
        strict: false,
      },
    ),
    col("presentingSite", "Presenting site", "text", "The site whose case this is."),
    col("subIssue", "Sub-issue", "text", "Breakout workshops: the sub-issue the group tackles."),
    col("worksheet", "Worksheet", "text", "Breakout workshops: the structured worksheet (link or name)."),
    col(
      "facilitator",
      "Facilitator",
      "text",
      "Rotates so no site facilitates twice before every site has once, nor its own case.",
    ),
    col("scribe", "Scribe", "text", "The knowledge scribe for this session."),
    col("start", "Start", "date", "Date and time the session starts.", { numberFormat: DATETIME }),
    col("duration", "Duration (min)", "integer", "Minutes.", { range: { min: 0, max: 600 } }),
    col("end", "End", "date", "Start + duration (formula).", {
      formula: (c) =>
        `=IF(${anyBlank(c, "start", "duration")},"",${c.cell("start")}+${c.cell("duration")}/1440)`,
      numberFormat: DATETIME,
    }),
    col("slideCount", "Slides", "integer", "Slides in the case (5–7 key slides recommended).", {
      range: { min: 0, max: 200 },
    }),
    col("slideCheck", "Slide check", "text", "Flags a slide count outside the range in Settings (formula).", {
      formula: (c) => {
        const n = c.cell("slideCount");
        const lo = c.setting("slidesMin");
        const hi = c.setting("slidesMax");
        return `=IF(${n}="","",IF(OR(${n}<${lo},${n}>${hi}),"Outside "&${lo}&"–"&${hi}&" slides",""))`;
      },
    }),
    col(
      "recordingConsent",
      "Recording consent",
      "boolean",
      "Tick when everyone present consented to recording.",
    ),
    col("status", "Status", "list", "Planned, in progress, done or cancelled.", {
      options: sessionStatuses,
      strict: true,
    }),
    col(
      "overrun",
      "Overrun",
      "text",
      "Flags a session that runs into the next one or past the end of the time slot (formula).",
      {
        formula: (c) => {
          const end = c.cell("end");
          const next = c.cell("start", 1);
          // A next row with the same start runs in parallel (breakout workshops): not an overrun.
          const intoNext = `AND(${next}<>"",${next}<>${c.cell("start")},ROUND((${end}-${next})*1440,3)>0)`;
          // Build agenda writes a "closing" row whose start is the end of the time slot.
          const slotEnd = `MAXIFS(${c.column("start")},${c.column("format")},"closing")`;
          const pastSlot = `AND(COUNTIF(${c.column("format")},"closing")>0,ROUND((${end}-${slotEnd})*1440,3)>0)`;
          return `=IF(${end}="","",IF(${pastSlot},"Ends after the time slot",IF(${intoNext},"Runs into the next session","")))`;
        },
      },
    ),
  ],
  frozenRows: 1,
  conditionalFormats: [
    {
      kind: "formula",
      key: "slideCheck",
      formula: (c) => `=${c.cell("slideCheck")}<>""`,
      background: "#fce8b2",
    },
    { kind: "formula", key: "overrun", formula: (c) => `=${c.cell("overrun")}<>""`, background: "#f4cccc" },
  ],
  namedRanges: [{ name: "AgendaSessions", key: "session" }],
});

export const speakingTab = defineTab({
  name: "Speaking",
  layout: "table",
  purpose: "Speaking time per site and session, from the speaking timer.",
  columns: [
    col("session", "Session", "text", "The agenda session."),
    col("site", "Site", "text", "The site that spoke (silent sites appear with 0)."),
    col("seconds", "Seconds", "integer", "Total speaking time in this session.", { range: { min: 0 } }),
    col("turns", "Turns", "integer", "How many times the site took the floor.", { range: { min: 0 } }),
    col(
      "share",
      "Share of session",
      "number",
      "This site's seconds / all seconds in the session (formula).",
      {
        formula: (c) => {
          const total = `SUMIF(${c.column("session")},${literalCriterion(c.cell("session"))},${c.column("seconds")})`;
          return `=IF(${anyBlank(c, "session", "seconds")},"",IF(${total}=0,"",${c.cell("seconds")}/${total}))`;
        },
        numberFormat: "0.0%",
      },
    ),
    col("updatedAt", "Updated", "date", "When the timer last wrote this row.", { numberFormat: DATETIME }),
    col(
      "gini",
      "Session Gini",
      "number",
      "Inequality of speaking time in the session, silent sites counted as 0: 0 = equal (speaking timer).",
      { numberFormat: "0.00" },
    ),
    col(
      "giniNormalized",
      "Session Gini (normalized)",
      "number",
      "The session's Gini × n / (n − 1): 1 = one site spoke all the time (speaking timer).",
      { numberFormat: "0.00" },
    ),
  ],
  frozenRows: 1,
});

// ---- Knowledge ----------------------------------------------------------------------------------------

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
    col("site", "Site", "text", "The speaker's site."),
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
  ],
  frozenRows: 1,
  conditionalFormats: [
    { kind: "textEquals", key: "phiCheck", text: "attested", background: "#fce8b2" },
    {
      kind: "formula",
      key: "text",
      formula: (c) => `=${c.cell("confidential")}=TRUE()`,
      background: "#efefef",
    },
  ],
});

export const tagsTab = defineTab({
  name: "Tags",
  layout: "table",
  purpose: "The tag taxonomy the Clipper offers; new tags from scribes arrive here for review.",
  columns: [
    col("tag", "Tag", "text", "E.g. “discharge planning”."),
    col("category", "Category", "text", "A grouping for the tag, e.g. “process”, “method”, “technology”."),
    col("description", "Description", "text", "When to use the tag."),
    col("synonyms", "Synonyms", "text", "Other words for the same thing, comma-separated."),
    col("useCount", "Use count", "integer", "Clips on the Insights tab carrying this tag (formula).", {
      formula: (c) =>
        `=IF(${c.cell("tag")}="","",COUNTIF(${c.otherColumn("Insights", "tags")},"*"&${c.cell("tag")}&"*"))`,
    }),
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

// ---- Action and evaluation ---------------------------------------------------------------------------

export const actionsTab = defineTab({
  name: "Actions",
  layout: "table",
  purpose: "Each site's action plan: gap, priority (PICK), milestones, owners and monitoring.",
  columns: [
    col("site", "Site", "text", "The committing site."),
    col("change", "Change", "text", "The concrete change."),
    col("linkedPractice", "Linked practice", "text", "The best-practice summary it adapts."),
    col("currentState", "Current state", "text", "Gap analysis: how it works today."),
    col("bestPracticeState", "Best-practice state", "text", "Gap analysis: how the peer does it."),
    col("gap", "Gap", "text", "What differs."),
    score("impact", "Impact", "1–5: expected benefit."),
    score("effort", "Effort", "1–5: work and cost to make the change."),
    score("alignment", "Strategic alignment", "1–5: fit with strategic goals."),
    col("priorityScore", "Priority score", "number", "Impact × alignment / effort (formula).", {
      formula: (c) =>
        `=IF(${anyBlank(c, "impact", "effort", "alignment")},"",${c.cell("impact")}*${c.cell("alignment")}/${c.cell("effort")})`,
      numberFormat: "0.00",
    }),
    col(
      "pickQuadrant",
      "PICK quadrant",
      "list",
      "Possible / Implement / Challenge / Kill (formula; cut-point in Settings).",
      {
        options: pickQuadrants,
        formula: (c) => {
          const cut = c.setting("pickCutPoint");
          const impact = c.cell("impact");
          const effort = c.cell("effort");
          return `=IF(${anyBlank(c, "impact", "effort")},"",IF(${effort}>=${cut},IF(${impact}>=${cut},"Challenge","Kill"),IF(${impact}>=${cut},"Implement","Possible")))`;
        },
      },
    ),
    col("horizon", "Horizon", "list", "30 days, 90 days or 6–12 months.", {
      options: horizons,
      strict: true,
    }),
    col("milestone", "Milestone", "text", "What will be true at the due date."),
    col("dueDate", "Due date", "date", "When the milestone is due.", { numberFormat: DATE }),
    col("owner", "Owner", "text", "The person responsible."),
    col("ownerEmail", "Owner email", "email", "Where follow-up reminders go."),
    col("sponsor", "Sponsor", "text", "The executive sponsor."),
    col("supportingTeam", "Supporting team", "text", "Who helps."),
    col("monitoringMeasure", "Monitoring measure", "text", "The measure on the Measures tab that tracks it."),
    col("trackingCadence", "Tracking cadence", "list", "Weekly huddle, dashboard or monthly report.", {
      options: trackingCadences,
      strict: false,
    }),
    col("reportBackDate", "Report-back date", "date", "When the site reports back to the peer group.", {
      numberFormat: DATE,
    }),
    col("status", "Status", "list", "Not started, in progress, done, on hold or dropped.", {
      options: actionStatuses,
      strict: true,
    }),
    col("progress", "Progress", "number", "IHI assessment scale 0.5–5.0.", {
      range: { min: 0.5, max: 5 },
      strict: true,
      numberFormat: "0.0",
    }),
    col("planSubmitted", "Plan submitted", "date", "When the site's action plan was submitted.", {
      numberFormat: DATE,
    }),
    col("checkInDate", "Check-in date", "date", "The check-in call, within 4 weeks of the exchange.", {
      numberFormat: DATE,
    }),
  ],
  frozenRows: 1,
  conditionalFormats: [
    { kind: "textEquals", key: "pickQuadrant", text: "Implement", background: "#d9ead3" },
    { kind: "textEquals", key: "pickQuadrant", text: "Kill", background: "#efefef" },
  ],
});

export const measuresTab = defineTab({
  name: "Measures",
  layout: "table",
  purpose: "Monitoring data per site and measure over time, for run charts (no league tables).",
  columns: [
    col("site", "Site", "text", "The site."),
    col("measure", "Measure", "text", "E.g. “Discharges before noon (%)”."),
    col("period", "Period", "date", "The period's date (e.g. week starting).", { numberFormat: DATE }),
    col("value", "Value", "number", "The measured value."),
    col("annotation", "Annotation (change tested)", "text", "The change tested in this period, if any."),
  ],
  frozenRows: 1,
});

export const surveyResponsesTab = defineTab({
  name: "Survey Responses",
  layout: "table",
  purpose: "Answers to the post-exchange survey.",
  columns: [
    col("submittedAt", "Timestamp", "date", "When the answer came in.", { numberFormat: DATETIME }),
    col("site", "Site", "text", "The respondent's site."),
    col("role", "Role", "text", "The respondent's role."),
    score("satisfaction", "Satisfaction", "1–5."),
    score("relevance", "Relevance", "1–5."),
    score("confidence", "Confidence to apply", "1–5."),
    col("recommend", "Likelihood to recommend", "integer", "0–10 (for NPS).", {
      range: { min: 0, max: 10 },
      strict: true,
    }),
    col("comments", "Comments", "text", "Free text."),
  ],
  frozenRows: 1,
});

export const evaluationTab = defineTab({
  name: "Evaluation",
  layout: "table",
  purpose: "Summary per survey item and instrument, with its Kirkpatrick level.",
  columns: [
    col("instrument", "Instrument", "text", "Post-exchange survey, 30-day follow-up, 12-month review."),
    col("kirkpatrickLevel", "Kirkpatrick level", "list", "1 reaction, 2 learning, 3 behaviour, 4 results.", {
      options: kirkpatrickLevels,
      strict: true,
    }),
    col("item", "Item", "text", "The question or measure."),
    col("n", "n", "integer", "Answers (blanks excluded)."),
    col("median", "Median", "number", "Median answer."),
    col("top2Box", "Top-2-box %", "number", "Share answering 4 or 5 on 1–5.", { numberFormat: "0.0" }),
    col("nps", "NPS", "number", "% 9–10 minus % 0–6.", { numberFormat: "0" }),
    col("updatedAt", "Updated", "date", "When the summary was computed.", { numberFormat: DATETIME }),
  ],
  frozenRows: 1,
});

export const followUpTab = defineTab({
  name: "Follow-up 30d",
  layout: "table",
  purpose: "The 30-day follow-up per site: plan initiated, early barriers, preliminary data.",
  columns: [
    col("site", "Site", "text", "The site."),
    col("checkInDate", "Check-in date", "date", "When the follow-up took place.", { numberFormat: DATE }),
    col("planInitiated", "Plan initiated", "boolean", "Tick when the action plan has started."),
    col("earlyBarriers", "Early barriers", "text", "What is getting in the way."),
    col("preliminaryData", "Preliminary data", "text", "Early outcome data."),
    col("nextStep", "Next step", "text", "What happens next."),
  ],
  frozenRows: 1,
});

export const impactTab = defineTab({
  name: "Impact 12m",
  layout: "table",
  purpose: "The 12-month impact review per charter target: baseline, result and change.",
  columns: [
    col("metric", "Metric", "text", "As on the Targets tab."),
    col("unit", "Unit", "text", "A rate in % makes the change percentage points."),
    col("direction", "Direction", "list", "Whether lower or higher is better.", {
      options: targetDirections,
      strict: true,
    }),
    col("baseline", "Baseline", "number", "Before the exchange."),
    col("result", "Result", "number", "After 12 months."),
    col("absoluteChange", "Absolute change", "number", "Result − baseline (formula; points for %).", {
      formula: absoluteChange("baseline", "result"),
      numberFormat: "0.0",
    }),
    col("relativeChange", "Relative change %", "number", "(Result − baseline) / baseline × 100 (formula).", {
      formula: relativeChange("baseline", "result"),
      numberFormat: "0.0",
    }),
    col("target", "Target", "number", "As on the Targets tab."),
    col("targetMet", "Target met", "boolean", "Respects the direction (formula).", {
      formula: (c) =>
        `=IF(${anyBlank(c, "result", "target", "direction")},"",IF(${c.cell("direction")}="lower is better",${c.cell("result")}<=${c.cell("target")},${c.cell("result")}>=${c.cell("target")}))`,
    }),
    col("reviewDate", "Review date", "date", "When the result was measured.", { numberFormat: DATE }),
    col("notes", "Notes", "text", "Context for the result."),
  ],
  frozenRows: 1,
});

// ---- Community ---------------------------------------------------------------------------------------

export const communityTab = defineTab({
  name: "Community",
  layout: "table",
  purpose: "Members of the community of practice and whether they keep their membership active.",
  columns: [
    col("organization", "Organization", "text", "Member organization."),
    col("representative", "Representative", "text", "Who represents it."),
    col("email", "Email", "email", "The representative's email."),
    col("joined", "Joined", "date", "Date joined.", { numberFormat: DATE }),
    col("exchangesAttended", "Exchanges attended (12 months)", "integer", "In the last 12 months.", {
      range: { min: 0 },
    }),
    col(
      "status",
      "Status",
      "list",
      "Active with at least 2 exchanges a year, otherwise renewal due (formula).",
      {
        options: ["active", "renewal due"],
        formula: (c) =>
          `=IF(${c.cell("organization")}="","",IF(N(${c.cell("exchangesAttended")})>=2,"active","renewal due"))`,
      },
    ),
    col("renewalDue", "Renewal due", "date", "When membership is next reviewed.", { numberFormat: DATE }),
  ],
  frozenRows: 1,
  conditionalFormats: [{ kind: "textEquals", key: "status", text: "renewal due", background: "#fce8b2" }],
});

export const steeringTab = defineTab({
  name: "Steering Committee",
  layout: "table",
  purpose: "The steering committee, with rotating terms.",
  columns: [
    col("member", "Member", "text", "Name."),
    col("organization", "Organization", "text", "Their organization."),
    col("role", "Role", "text", "Chair, member …"),
    col("termStart", "Term start", "date", "First day of the term.", { numberFormat: DATE }),
    col("termEnd", "Term end", "date", "Last day of the term.", { numberFormat: DATE }),
    col("nextRotation", "Next rotation", "date", "The day after the term ends (formula).", {
      formula: (c) => `=IF(${c.cell("termEnd")}="","",${c.cell("termEnd")}+1)`,
      numberFormat: DATE,
    }),
  ],
  frozenRows: 1,
});

export const calendarTab = defineTab({
  name: "Exchange Calendar",
  layout: "table",
  purpose: "The community's regular exchanges, each with its theme.",
  columns: [
    col("exchange", "Exchange", "text", "Name."),
    col("theme", "Theme", "text", "Operational theme."),
    col("date", "Date", "date", "When.", { numberFormat: DATE }),
    col("cadence", "Cadence", "list", "Quarterly or semi-annual.", {
      options: exchangeCadences,
      strict: false,
    }),
    col("host", "Host", "text", "Hosting organization."),
    col("status", "Status", "list", "Planned, in progress, done or cancelled.", {
      options: sessionStatuses,
      strict: true,
    }),
  ],
  frozenRows: 1,
});

export const resourcePoolTab = defineTab({
  name: "Resource Pool",
  layout: "table",
  purpose: "Pooled contributions and expenses, with the running balance.",
  columns: [
    col("date", "Date", "date", "When.", { numberFormat: DATE }),
    col("organization", "Organization", "text", "Who contributed or spent."),
    col("kind", "Kind", "list", "Contribution or expense.", { options: resourceKinds, strict: true }),
    col("description", "Description", "text", "Travel, licences, facilitation …"),
    col("amount", "Amount", "number", "A positive amount.", { range: { min: 0 }, numberFormat: "#,##0.00" }),
    col("balance", "Balance", "number", "Contributions minus expenses up to this row (formula).", {
      formula: (c) =>
        `=IF(${c.cell("amount")}="","",SUMIF(${c.runningColumn("kind")},"contribution",${c.runningColumn("amount")})-SUMIF(${c.runningColumn("kind")},"expense",${c.runningColumn("amount")}))`,
      numberFormat: "#,##0.00",
    }),
  ],
  frozenRows: 1,
});

export const dashboardTab = defineTab({
  name: "Dashboard",
  layout: "canvas",
  purpose:
    "Charts for managers: peer scores, priorities, progress, survey results, impact against targets and speaking-time equality.",
  columns: [],
  frozenRows: 0,
});

// ---- Hidden -----------------------------------------------------------------------------------------

export const settingsTab = defineTab({
  name: "Settings",
  layout: "form",
  purpose: "Weights, cut-points and limits the formulas and menu items use.",
  columns: [
    col("label", "Setting", "text", "Keep these labels: formulas and the add-on find values by them."),
    col("value", "Value", "text", "Change the value; formulas update at once."),
    col("help", "Note", "text", "What the setting does."),
  ],
  fields: settingFields as readonly FieldSpec[],
  frozenRows: 1,
  hidden: true,
  namedRanges: settingFields.map((f) => ({ name: `Settings_${f.key}`, key: f.key })),
});

// Hidden helper tabs: a chart's data, rewritten whole by the menu item that draws the chart.

export const peerScoresChartTab = defineTab({
  name: "Peer Scores Chart",
  layout: "chartData",
  purpose:
    "The Peers chart's data: weight × score per criterion, by pseudonym (Select peer group writes it).",
  columns: [],
  frozenRows: 0,
  hidden: true,
});

export const speakingChartTab = defineTab({
  name: "Speaking Chart",
  layout: "chartData",
  purpose: "The Speaking chart's data: each site's share of speaking time (the speaking timer writes it).",
  columns: [],
  frozenRows: 0,
  hidden: true,
});

/** Every tab, in the order set-up creates them. */
export const tabs = [
  charterTab,
  targetsTab,
  peersTab,
  participantsTab,
  agendaTab,
  speakingTab,
  insightsTab,
  tagsTab,
  practicesTab,
  practiceHistoryTab,
  actionsTab,
  measuresTab,
  surveyResponsesTab,
  evaluationTab,
  followUpTab,
  impactTab,
  communityTab,
  steeringTab,
  calendarTab,
  resourcePoolTab,
  dashboardTab,
  settingsTab,
  peerScoresChartTab,
  speakingChartTab,
] as const;

export type AnyTab = (typeof tabs)[number];
export type TabName = AnyTab["name"];
export type TabByName<N extends TabName> = Extract<AnyTab, { name: N }>;
