// The dropdown lists of the workbook, named once so the add-on, the endpoint and the extension agree.

/** What a scribe's clip is (CLIPPER.md and the seed's "Visual Capture"). */
export const clipKinds = [
  "insight",
  "best practice",
  "barrier",
  "action item",
  "question",
  "lesson learned",
  "did-not-work",
] as const;

export const targetDirections = ["lower is better", "higher is better"] as const;
export type TargetDirection = (typeof targetDirections)[number];

export const processTypes = ["operational process", "clinical process"] as const;
export const primaryGoals = ["knowledge transfer", "performance change", "both"] as const;
export const siteSettings = ["rural", "suburban", "urban"] as const;
export const siteTypes = [
  "academic medical center",
  "community hospital",
  "critical access hospital",
  "children's hospital",
  "specialty hospital",
  "health system",
  "other",
] as const;
export const stakeholderGroups = [
  "nurse manager",
  "physician",
  "infection control",
  "supply chain",
  "quality improvement",
  "executive sponsor",
  "frontline staff",
  "other",
] as const;
export const yesNo = ["yes", "no"] as const;

/** Agenda formats (seed: "Designing an Engaging Exchange Format"). */
export const sessionFormats = [
  "opening",
  "rapid-fire case",
  "Q&A",
  "breakout workshop",
  "process walk-through (live)",
  "process walk-through (recorded)",
  "break",
  "closing",
] as const;
export const sessionStatuses = ["planned", "in progress", "done", "cancelled"] as const;

/** What the scribe did about PHI findings before sending (the clip protocol's PHI actions). */
export const phiChecks = ["none", "redacted", "attested"] as const;
/** The Insights tab's PHI check when the detector did not run on the clip. */
export const phiNotChecked = "not checked";
/** The Insights tab's PHI check column: the scribe's action, or that nothing was checked. */
export const phiCheckLabels = [...phiChecks, phiNotChecked] as const;
/** Where a clip was taken (the clip protocol's platforms). */
export const clipPlatforms = ["meet", "teams", "zoom", "webex", "web"] as const;
export const reviewStatuses = ["new", "reviewed", "promoted", "set aside"] as const;
export const tagStatuses = ["approved", "review", "retired"] as const;
export const practiceStatuses = ["draft", "reviewed", "published"] as const;

export const horizons = ["30 days", "90 days", "6–12 months"] as const;
export const trackingCadences = ["weekly huddle", "dashboard", "monthly report"] as const;
export const actionStatuses = ["not started", "in progress", "done", "on hold", "dropped"] as const;
export const pickQuadrants = ["Possible", "Implement", "Challenge", "Kill"] as const;

export const kirkpatrickLevels = ["1 reaction", "2 learning", "3 behaviour", "4 results"] as const;
export const exchangeCadences = ["quarterly", "semi-annual"] as const;
export const resourceKinds = ["contribution", "expense"] as const;
export const memberStatuses = ["active", "renewal due"] as const;

/**
 * The Insights tab's Site when a clip named a site that is not one of the exchange's: a neutral mark, since
 * what was typed could be a real name without permission to identify.
 */
export const siteNotInExchange = "site not in the exchange";
