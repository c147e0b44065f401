// The exchange charter (seed: "Defining the Scope and Objectives"): one value per field on the Charter tab.
import type { FieldSpec } from "./types";
import { primaryGoals, processTypes, siteSettings, siteTypes } from "./vocabulary";

export const charterFields = [
  {
    key: "exchangeName",
    label: "Exchange name",
    type: "text",
    help: "A short name people will recognize, e.g. “Discharge before noon exchange 2026”.",
  },
  {
    key: "focusChallenge",
    label: "Focus challenge",
    type: "text",
    help: "The one operational challenge or clinical process the exchange is about.",
  },
  {
    key: "processType",
    label: "Process type",
    type: "list",
    options: processTypes,
    help: "Whether the focus is an operational or a clinical process.",
  },
  {
    key: "primaryGoal",
    label: "Primary goal",
    type: "list",
    options: primaryGoals,
    help: "Knowledge transfer, performance change, or both.",
  },
  {
    key: "beneficiaries",
    label: "Beneficiaries",
    type: "text",
    help: "The stakeholder groups who will apply the insights (e.g. nurse managers, infection-control officers).",
  },
  {
    key: "organizer",
    label: "Organizer (host organization)",
    type: "text",
    help: "The organization running the exchange.",
  },
  {
    key: "hostSetting",
    label: "Host setting",
    type: "list",
    options: siteSettings,
    help: "Rural, suburban or urban: used to suggest how similar each candidate peer is.",
  },
  {
    key: "hostType",
    label: "Host type",
    type: "list",
    options: siteTypes,
    help: "The host's kind of organization: used to suggest similarity.",
  },
  {
    key: "hostBeds",
    label: "Host beds",
    type: "integer",
    range: { min: 0, max: 10000 },
    help: "Staffed beds at the host: used to suggest similarity.",
  },
  {
    key: "hostCaseMixIndex",
    label: "Host case-mix index",
    type: "number",
    range: { min: 0.3, max: 5 },
    help: "The host's case-mix index: used to suggest similarity.",
  },
  { key: "startDate", label: "Start date", type: "date", help: "First day of the exchange." },
  { key: "endDate", label: "End date", type: "date", help: "Last day of the exchange." },
  {
    key: "formats",
    label: "Formats",
    type: "text",
    help: "E.g. rapid-fire cases, breakout workshops, process walk-through; virtual or in person.",
  },
  {
    key: "confidentialityTerms",
    label: "Confidentiality terms",
    type: "text",
    help: "What the mutual NDA covers and how data is anonymized unless permission is granted.",
  },
  {
    key: "ownershipRules",
    label: "Ownership",
    type: "text",
    help: "Who owns the collective knowledge product (e.g. the joint best-practice compendium).",
  },
  {
    key: "disseminationRules",
    label: "Dissemination",
    type: "text",
    help: "How the knowledge product may be shared, and with whom.",
  },
] as const satisfies readonly FieldSpec[];

export type CharterKey = (typeof charterFields)[number]["key"];
