// A demo exchange on discharge delays: ten fictional candidate hospitals, their participants and the
// charter's targets, keyed by schema column so the demo follows the schema wherever columns sit.
import type { ColumnKey } from "../shared/schema/index.ts";

type Cell = string | number | boolean;
type Rows<N extends "Targets" | "Peers" | "Participants" | "Tags"> = Partial<Record<ColumnKey<N>, Cell>>[];

const targets: Rows<"Targets"> = [
  {
    metric: "Discharges before noon",
    unit: "%",
    direction: "higher is better",
    baseline: 18,
    target: 35,
    notes: "Inpatient medicine and surgery units",
  },
  {
    metric: "Average length of stay",
    unit: "days",
    direction: "lower is better",
    baseline: 5.4,
    target: 4.8,
  },
  {
    metric: "30-day readmissions",
    unit: "%",
    direction: "lower is better",
    baseline: 14.7,
    target: 12.7,
    notes: "Project BOOST definition",
  },
];

type Peer = [
  name: string,
  setting: string,
  type: string,
  beds: number,
  cmi: number,
  scores: [number, number, number, number],
  outlier: boolean,
  permission: boolean,
];
const peerList: Peer[] = [
  ["Lakeside University Hospital", "urban", "academic medical center", 510, 1.71, [5, 4, 4, 2], false, true],
  ["St. Brigid Community Hospital", "suburban", "community hospital", 220, 1.34, [3, 5, 5, 3], false, true],
  ["Prairie View Critical Access", "rural", "critical access hospital", 25, 0.98, [2, 4, 5, 5], true, false],
  ["Harbor Point Medical Center", "urban", "community hospital", 380, 1.55, [4, 3, 3, 3], false, false],
  ["Northgate Health System", "suburban", "health system", 650, 1.66, [4, 5, 2, 3], false, true],
  ["Mercy Valley Hospital", "rural", "community hospital", 90, 1.12, [3, 3, 4, 4], false, false],
  ["Cedar Ridge Children's", "urban", "children's hospital", 180, 1.9, [2, 4, 4, 5], true, false],
  ["Summit Regional Medical", "suburban", "community hospital", 300, 1.48, [4, 4, 4, 3], false, true],
  ["Bayshore General", "urban", "community hospital", 410, 1.6, [5, 2, 3, 2], false, false],
  ["Willow Creek Hospital", "rural", "community hospital", 60, 1.05, [2, 3, 5, 4], false, false],
];

const peers: Rows<"Peers"> = peerList.map(
  ([siteName, setting, siteType, beds, caseMixIndex, s, outlier, permission], index) => ({
    siteName,
    pseudonym: `Site ${String.fromCharCode(65 + index)}`,
    setting,
    siteType,
    beds,
    caseMixIndex,
    similarity: s[0],
    success: s[1],
    willingness: s[2],
    diversity: s[3],
    outlier,
    permissionToIdentify: permission,
    interviewDone: s[2] >= 4,
  }),
);

const participants: Rows<"Participants"> = [
  {
    person: "Ana Ruiz",
    site: "Lakeside University Hospital",
    role: "Nurse manager",
    email: "ana.ruiz@lakeside.example",
    stakeholderGroup: "nurse manager",
    ndaSigned: "2026-11-02",
    dataPacketSent: "2026-11-09",
    unknown1: "How do you staff 9:00 rounds?",
    unknown2: "Who owns the discharge checklist?",
    consentToRecord: "yes",
  },
  {
    person: "Ben Okafor",
    site: "St. Brigid Community Hospital",
    role: "Hospitalist",
    email: "b.okafor@stbrigid.example",
    stakeholderGroup: "physician",
    ndaSigned: "2026-11-03",
    unknown1: "Pharmacy turnaround for discharge meds",
  },
  {
    person: "Chloe Martin",
    site: "Prairie View Critical Access",
    role: "Quality lead",
    email: "cmartin@prairieview.example",
    stakeholderGroup: "quality improvement",
    consentToRecord: "no",
  },
  {
    person: "Dev Patel",
    site: "Summit Regional Medical",
    role: "Case manager",
    email: "dev.patel@summit.example",
    stakeholderGroup: "frontline staff",
    ndaSigned: "2026-11-05",
    dataPacketSent: "2026-11-10",
    unknown1: "Transport delays",
    unknown2: "Weekend discharges",
    consentToRecord: "yes",
  },
  {
    person: "Farah Haddad",
    site: "Northgate Health System",
    role: "Knowledge scribe",
    email: "f.haddad@northgate.example",
    stakeholderGroup: "quality improvement",
    ndaSigned: "2026-11-04",
    dataPacketSent: "2026-11-10",
    unknown1: "How are barriers logged after rounds?",
    unknown2: "Who follows up on escalations?",
    consentToRecord: "yes",
  },
];

// A starter taxonomy, after the guide's own examples ("Capturing and Organizing the Knowledge Gained").
const tag = (name: string, category: string, description: string, synonyms = "") => ({
  tag: name,
  category,
  description,
  synonyms,
  status: "approved",
  addedBy: "coordinator",
});
const tags: Rows<"Tags"> = [
  tag(
    "discharge planning",
    "process",
    "Planning a patient's discharge from admission on.",
    "discharge readiness",
  ),
  tag(
    "multidisciplinary rounds",
    "process",
    "Daily rounds with medicine, nursing, pharmacy and case management.",
    "MDR",
  ),
  tag("lean methodology", "method", "Lean tools: value streams, huddles, standard work.", "lean, kaizen"),
  tag(
    "electronic health record integration",
    "technology",
    "Order sets, alerts and dashboards in the EHR.",
    "EHR, EMR",
  ),
  tag(
    "medication reconciliation",
    "process",
    "Reconciling medications at admission and discharge.",
    "med rec",
  ),
  tag("patient education", "people", "Teach-back and written instructions for patients and families."),
  tag("transport", "barrier", "Waiting for transport home or to another facility."),
  tag("staffing", "barrier", "Shortages or skill mix that slow the work."),
];

export const demoRows: Record<string, Partial<Record<string, Cell>>[]> = {
  Targets: targets,
  Peers: peers,
  Participants: participants,
  Tags: tags,
};
