// The demo exchange after its first convening: the charter filled, participants for every selected
// site, clips from today's sessions, practices with history, actions across the three horizons, a
// measure with a real run-chart shift, survey answers, follow-ups, impact and the community's rows.
// Dates are relative to the emulator's today, so the story reads the same whenever the demo is loaded.
import type { ColumnKey, TabName } from "../shared/schema/index.ts";

export type DemoCell = string | number | boolean | Date;
type Rows<N extends TabName> = Partial<Record<ColumnKey<N>, DemoCell>>[];

const DAY = 86_400_000;

/** The charter's fields as the Charter sidebar sends them (text, as typed). */
export function demoCharter(today: Date): Record<string, string> {
  const day = (offset: number): string => new Date(today.getTime() + offset * DAY).toISOString().slice(0, 10);
  return {
    exchangeName: "Discharge before noon exchange",
    focusChallenge: "Patients ready to leave wait hours for the last signature, medicine or ride home.",
    processType: "operational process",
    primaryGoal: "both",
    beneficiaries: "Inpatients on medicine and surgery units, their families and the units' nurses",
    organizer: "Regional quality collaborative",
    hostSetting: "suburban",
    hostType: "community hospital",
    hostBeds: "260",
    hostCaseMixIndex: "1.42",
    startDate: day(-45),
    endDate: day(320),
    formats: "Rapid-fire cases, Q&A, a breakout on the checklist, a live process walk-through",
    confidentialityTerms: "No patient identifiers; sites named only with their permission.",
    ownershipRules: "Each site owns its data; summaries belong to the exchange.",
    disseminationRules: "The compendium is shared with member organizations after review.",
  };
}

/** The two selected sites the base demo has no participant for (Site F and Site G). */
const participants: Rows<"Participants"> = [
  {
    person: "Grace Lindqvist",
    site: "Mercy Valley Hospital",
    role: "Director of nursing",
    email: "g.lindqvist@mercyvalley.example",
    stakeholderGroup: "nurse manager",
    ndaSigned: "2026-11-06",
    dataPacketSent: "2026-11-11",
    unknown1: "Discharge lounge staffing",
    unknown2: "Family transport",
    consentToRecord: "yes",
  },
  {
    person: "Hiro Tanaka",
    site: "Cedar Ridge Children's",
    role: "Pediatric hospitalist",
    email: "h.tanaka@cedarridge.example",
    stakeholderGroup: "physician",
    ndaSigned: "2026-11-07",
    dataPacketSent: "2026-11-12",
    unknown1: "Parent teach-back before noon",
    unknown2: "Home equipment delivery",
    consentToRecord: "yes",
  },
];

// [kind, speaker, site, text, tags]: what scribes clipped from a discharge exchange.
const clipLines: [string, string, string, string, string][] = [
  [
    "best practice",
    "Ana Ruiz",
    "Lakeside University Hospital",
    "Discharge orders are written the evening before for every patient expected to leave.",
    "discharge planning",
  ],
  [
    "insight",
    "Ana Ruiz",
    "Lakeside University Hospital",
    "Half of late discharges waited on one thing: the final medicine list.",
    "medication reconciliation",
  ],
  [
    "barrier",
    "Ben Okafor",
    "St. Brigid Community Hospital",
    "Pharmacy closes the discharge queue at 10:30, after rounds end.",
    "medication reconciliation, staffing",
  ],
  [
    "best practice",
    "Ben Okafor",
    "St. Brigid Community Hospital",
    "A 9:00 bedside huddle with nurse, doctor and case manager names tomorrow's discharges.",
    "multidisciplinary rounds",
  ],
  [
    "question",
    "Chloe Martin",
    "Site C",
    "How do you keep the huddle to ten minutes on a full unit?",
    "multidisciplinary rounds",
  ],
  [
    "lesson learned",
    "Dev Patel",
    "Summit Regional Medical",
    "Moving transport booking to the day before cut waits for a ride by an hour.",
    "transport",
  ],
  [
    "action item",
    "Dev Patel",
    "Summit Regional Medical",
    "Share the transport booking script with every site by Friday.",
    "transport",
  ],
  [
    "did-not-work",
    "Grace Lindqvist",
    "Site F",
    "A discharge lounge without a nurse assigned stayed empty.",
    "staffing",
  ],
  [
    "insight",
    "Hiro Tanaka",
    "Site G",
    "Parents learn medicines best when teach-back happens the afternoon before.",
    "patient education",
  ],
  [
    "best practice",
    "Hiro Tanaka",
    "Site G",
    "A whiteboard at each bed shows the expected discharge day from admission on.",
    "discharge planning, patient education",
  ],
  [
    "barrier",
    "Chloe Martin",
    "Site C",
    "The one hospitalist also covers the emergency room until ten.",
    "staffing",
  ],
  [
    "insight",
    "Ana Ruiz",
    "Lakeside University Hospital",
    "Discharges before noon rose from 18 to 31 percent in six months.",
    "discharge planning",
  ],
  [
    "best practice",
    "Ana Ruiz",
    "Lakeside University Hospital",
    "An order set bundles the discharge summary, prescriptions and follow-up booking.",
    "electronic health record integration",
  ],
  [
    "question",
    "Grace Lindqvist",
    "Site F",
    "Who owns the checklist when the case manager is off?",
    "discharge planning",
  ],
  [
    "lesson learned",
    "Ben Okafor",
    "St. Brigid Community Hospital",
    "Start with one unit; the second unit copied it within a month.",
    "lean methodology",
  ],
  [
    "action item",
    "Ben Okafor",
    "St. Brigid Community Hospital",
    "Pilot the evening-before orders on 4 West in January.",
    "discharge planning",
  ],
  [
    "insight",
    "Dev Patel",
    "Summit Regional Medical",
    "Weekend discharges lag because case managers work weekdays only.",
    "staffing",
  ],
  [
    "best practice",
    "Dev Patel",
    "Summit Regional Medical",
    "A discharge-ready flag in the record pages transport automatically.",
    "electronic health record integration, transport",
  ],
  ["barrier", "Hiro Tanaka", "Site G", "Home oxygen deliveries arrive after 2 pm.", "transport"],
  [
    "did-not-work",
    "Ana Ruiz",
    "Lakeside University Hospital",
    "Paging physicians at 8:00 to write orders only moved the queue.",
    "lean methodology",
  ],
  [
    "lesson learned",
    "Chloe Martin",
    "Site C",
    "Small sites can run the huddle by phone with the visiting doctor.",
    "multidisciplinary rounds",
  ],
  [
    "insight",
    "Grace Lindqvist",
    "Site F",
    "Families asked for a written time, not a day, to plan the ride home.",
    "patient education, transport",
  ],
  [
    "action item",
    "Grace Lindqvist",
    "Site F",
    "Try a nurse-led discharge lounge two mornings a week.",
    "staffing",
  ],
  [
    "question",
    "Dev Patel",
    "Summit Regional Medical",
    "How do you measure 'ready to leave' consistently?",
    "discharge planning",
  ],
  [
    "best practice",
    "Ben Okafor",
    "St. Brigid Community Hospital",
    "Pharmacists join rounds twice a week and reconcile medicines at the bedside.",
    "medication reconciliation, multidisciplinary rounds",
  ],
  [
    "insight",
    "Hiro Tanaka",
    "Site G",
    "Readmissions fell where teach-back was documented.",
    "patient education",
  ],
  [
    "barrier",
    "Ana Ruiz",
    "Lakeside University Hospital",
    "Outside-hospital beds confirm placements only after noon.",
    "transport",
  ],
  [
    "lesson learned",
    "Ana Ruiz",
    "Lakeside University Hospital",
    "Post the unit's before-noon rate daily; the team watched it move.",
    "lean methodology",
  ],
  [
    "action item",
    "Chloe Martin",
    "Site C",
    "Ask the visiting hospitalist to join the huddle by phone at 8:45.",
    "multidisciplinary rounds",
  ],
  [
    "best practice",
    "Grace Lindqvist",
    "Site F",
    "Discharge medicines are filled by the outpatient pharmacy the night before.",
    "medication reconciliation",
  ],
  [
    "insight",
    "Ben Okafor",
    "St. Brigid Community Hospital",
    "Most delays were known the day before; nobody owned acting on them.",
    "discharge planning",
  ],
  [
    "question",
    "Hiro Tanaka",
    "Site G",
    "Does the order set work for children with complex care?",
    "electronic health record integration",
  ],
  [
    "did-not-work",
    "Dev Patel",
    "Summit Regional Medical",
    "A discharge-time target without a huddle was ignored after two weeks.",
    "lean methodology",
  ],
  [
    "lesson learned",
    "Grace Lindqvist",
    "Site F",
    "Rural families need the ride booked before the weather report.",
    "transport",
  ],
  [
    "insight",
    "Chloe Martin",
    "Site C",
    "Length of stay fell half a day once physical therapy saw patients first.",
    "multidisciplinary rounds",
  ],
  [
    "best practice",
    "Dev Patel",
    "Summit Regional Medical",
    "Case managers work one Saturday shift in rotation.",
    "staffing",
  ],
  [
    "action item",
    "Ana Ruiz",
    "Lakeside University Hospital",
    "Send the order set build notes to Site G.",
    "electronic health record integration",
  ],
  [
    "barrier",
    "Ben Okafor",
    "St. Brigid Community Hospital",
    "Teaching rounds run until 11:30 twice a week.",
    "multidisciplinary rounds",
  ],
  [
    "insight",
    "Hiro Tanaka",
    "Site G",
    "Teach-back videos in three languages cut repeat questions.",
    "patient education",
  ],
  [
    "lesson learned",
    "Ben Okafor",
    "St. Brigid Community Hospital",
    "Celebrate the first week above target; it kept the huddle alive.",
    "lean methodology",
  ],
];

function clips(today: Date, sessions: readonly string[]): Rows<"Insights"> {
  const start = new Date(today);
  start.setUTCHours(9, 2, 0, 0);
  const scribes = ["Farah Haddad", "Ana Ruiz"];
  return clipLines.map(([kind, speaker, site, text, tags], i) => ({
    clipId: `demo-${String(i + 1).padStart(3, "0")}`,
    capturedAt: new Date(start.getTime() + i * 5 * 60_000),
    session:
      sessions[Math.min(sessions.length - 1, Math.floor((i / clipLines.length) * sessions.length))] ?? "",
    platform: i % 3 === 0 ? "zoom" : "meet",
    speaker,
    site,
    kind,
    text,
    tags,
    scribe: scribes[i % 2] ?? "",
    confidential: i % 13 === 7,
    phiCheck: i % 11 === 4 ? "redacted" : "none",
    reviewStatus: i < 6 ? "promoted" : i < 20 ? "reviewed" : "new",
    promotedTo: i < 6 ? (i % 2 === 0 ? "P-001" : "P-002") : "",
  }));
}

function practices(today: Date): { current: Rows<"Practices">; history: Rows<"Practice History"> } {
  const at = (offset: number): Date => new Date(today.getTime() + offset * DAY);
  const current: Rows<"Practices"> = [
    {
      practiceId: "P-001",
      title: "Evening-before discharge orders",
      problemStatement: "Orders written after morning rounds push most discharges past noon.",
      intervention:
        "Physicians write discharge orders the evening before for every patient expected to leave; nurses confirm at 8:00.",
      outcomeMetric: "Discharges before noon (%)",
      outcomeBaseline: 18,
      outcomeResult: 31,
      implementationTips: "Start on one unit; post the daily rate.",
      potentialBarriers: "Teaching rounds; late lab results.",
      requiredAdaptations: "Small sites: the visiting physician signs by phone.",
      sourceSite: "Lakeside University Hospital",
      evidence: "Six months of unit data; run chart shows a shift.",
      tags: "discharge planning",
      status: "published",
      didNotWork: "Paging physicians at 8:00 only moved the queue.",
      version: 3,
      updatedAt: at(-2),
      updatedBy: "coordinator",
      sourceClips: "demo-001, demo-003, demo-005",
    },
    {
      practiceId: "P-002",
      title: "Nine o'clock discharge huddle",
      problemStatement: "Nobody owns acting on the delays that are known the day before.",
      intervention:
        "A ten-minute bedside huddle with nurse, physician and case manager names tomorrow's discharges and their blockers.",
      outcomeMetric: "Average length of stay (days)",
      outcomeBaseline: 5.4,
      outcomeResult: 4.9,
      implementationTips: "Keep it standing; one blocker per patient.",
      potentialBarriers: "Single-hospitalist sites; weekend cover.",
      requiredAdaptations: "Join by phone where the physician is off site.",
      sourceSite: "St. Brigid Community Hospital",
      evidence: "Huddle log, length-of-stay report.",
      tags: "multidisciplinary rounds",
      status: "reviewed",
      version: 2,
      updatedAt: at(-1),
      updatedBy: "Farah Haddad",
      sourceClips: "demo-002, demo-004, demo-006",
    },
    {
      practiceId: "P-003",
      title: "Transport booked the day before",
      problemStatement: "Patients ready at 10:00 wait for a ride until afternoon.",
      intervention:
        "Case managers book transport the afternoon before; a discharge-ready flag pages the service.",
      outcomeMetric: "Wait for transport (minutes)",
      outcomeBaseline: 140,
      outcomeResult: 75,
      sourceSite: "Summit Regional Medical",
      tags: "transport, electronic health record integration",
      status: "draft",
      version: 1,
      updatedAt: at(0),
      updatedBy: "Farah Haddad",
      sourceClips: "demo-006, demo-018",
    },
  ];
  const history: Rows<"Practice History"> = [
    {
      practiceId: "P-001",
      title: "Evening-before orders",
      version: 1,
      savedAt: at(-9),
      savedBy: "Farah Haddad",
      whatChanged: "Title, intervention",
      snapshot: '{"title":"Evening-before orders"}',
    },
    {
      practiceId: "P-001",
      title: "Evening-before discharge orders",
      version: 2,
      savedAt: at(-2),
      savedBy: "coordinator",
      whatChanged: "Status: reviewed → published",
      snapshot: '{"status":"reviewed"}',
    },
    {
      practiceId: "P-002",
      title: "Discharge huddle",
      version: 1,
      savedAt: at(-1),
      savedBy: "Farah Haddad",
      whatChanged: "Title, outcome result",
      snapshot: '{"title":"Discharge huddle"}',
    },
  ];
  return { current, history };
}

// [site, change, practice, impact, effort, alignment, horizon, status, progress, due in days]
const actionLines: [string, string, string, number, number, number, string, string, number, number][] = [
  [
    "Lakeside University Hospital",
    "Order set for discharge summary and follow-up booking",
    "P-001",
    5,
    3,
    5,
    "30 days",
    "in progress",
    3,
    20,
  ],
  [
    "St. Brigid Community Hospital",
    "Evening-before orders on 4 West",
    "P-001",
    5,
    2,
    5,
    "30 days",
    "in progress",
    2.5,
    25,
  ],
  ["Site C", "Physician joins the huddle by phone at 8:45", "P-002", 4, 1, 4, "30 days", "done", 4, -3],
  ["Site F", "Nurse-led discharge lounge two mornings a week", "", 3, 4, 3, "90 days", "not started", 1, 80],
  ["Site G", "Teach-back the afternoon before discharge", "", 4, 2, 4, "90 days", "in progress", 2, 70],
  [
    "Summit Regional Medical",
    "Transport booked the day before",
    "P-003",
    4,
    2,
    4,
    "90 days",
    "in progress",
    3.5,
    60,
  ],
  [
    "Lakeside University Hospital",
    "Saturday case-manager rotation",
    "",
    3,
    4,
    2,
    "6–12 months",
    "on hold",
    1,
    240,
  ],
  [
    "St. Brigid Community Hospital",
    "Pharmacist on rounds twice a week",
    "P-002",
    4,
    5,
    4,
    "6–12 months",
    "not started",
    0.5,
    300,
  ],
  ["Site G", "Home equipment delivered before noon", "", 2, 5, 2, "6–12 months", "dropped", 0.5, 200],
];

function actions(today: Date): Rows<"Actions"> {
  const at = (offset: number): Date => new Date(today.getTime() + offset * DAY);
  const owners: Record<string, [string, string]> = {
    "Lakeside University Hospital": ["Ana Ruiz", "ana.ruiz@lakeside.example"],
    "St. Brigid Community Hospital": ["Ben Okafor", "b.okafor@stbrigid.example"],
    "Site C": ["Chloe Martin", "cmartin@prairieview.example"],
    "Site F": ["Grace Lindqvist", "g.lindqvist@mercyvalley.example"],
    "Site G": ["Hiro Tanaka", "h.tanaka@cedarridge.example"],
    "Summit Regional Medical": ["Dev Patel", "dev.patel@summit.example"],
  };
  return actionLines.map(
    ([site, change, practice, impact, effort, alignment, horizon, status, progress, due]) => ({
      site,
      change,
      linkedPractice: practice,
      currentState: "Orders and rides arranged on the morning of discharge.",
      bestPracticeState: "Everything arranged the day before.",
      gap: "Work starts a day late.",
      impact,
      effort,
      alignment,
      horizon,
      milestone: "First unit live",
      dueDate: at(due),
      owner: owners[site]?.[0] ?? "",
      ownerEmail: owners[site]?.[1] ?? "",
      sponsor: "Chief nursing officer",
      monitoringMeasure: "Discharges before noon (%)",
      trackingCadence: horizon === "30 days" ? "weekly huddle" : "monthly report",
      reportBackDate: at(due + 7),
      status,
      progress,
      planSubmitted: at(-30),
      checkInDate: at(-15),
    }),
  );
}

/** Two years of monthly before-noon rates: random around 18% until the change, then a sustained shift. */
function measures(today: Date): Rows<"Measures"> {
  const before = [17, 19, 18, 16, 20, 18, 17, 19, 18, 21, 17, 18, 19, 16, 18];
  const after = [24, 26, 27, 29, 28, 31, 30, 32, 31];
  const values = [...before, ...after];
  return values.map((value, i) => {
    const period = new Date(
      Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - (values.length - 1 - i), 1),
    );
    return {
      site: "Lakeside University Hospital",
      measure: "Discharges before noon (%)",
      period,
      value,
      annotation: i === before.length ? "Evening-before orders started" : "",
    };
  });
}

function survey(today: Date): Rows<"Survey Responses"> {
  const roles = [
    "Nurse manager",
    "Hospitalist",
    "Case manager",
    "Quality lead",
    "Pharmacist",
    "Physiotherapist",
  ];
  const sites = [
    "Lakeside University Hospital",
    "St. Brigid Community Hospital",
    "Site C",
    "Site F",
    "Site G",
    "Summit Regional Medical",
  ];
  const answers = [
    [5, 5, 4, 10],
    [4, 5, 4, 9],
    [5, 4, 3, 9],
    [4, 4, 4, 8],
    [3, 4, 3, 7],
    [5, 5, 5, 10],
    [4, 3, 4, 8],
    [5, 5, 4, 9],
    [4, 4, 3, 6],
    [5, 4, 4, 9],
    [2, 3, 2, 5],
    [4, 5, 4, 10],
    [5, 5, 5, 10],
    [4, 4, 4, 9],
    [3, 3, 3, 7],
    [5, 4, 5, 9],
    [4, 4, 4, 8],
    [5, 5, 4, 10],
  ];
  const comments = [
    "The rapid-fire cases were the best part.",
    "More time for the breakout, please.",
    "",
    "I will try the huddle next week.",
    "",
    "Hard to hear the phone participants.",
  ];
  return answers.map(([satisfaction, relevance, confidence, recommend], i) => ({
    submittedAt: new Date(today.getTime() - (18 - i) * 3_600_000),
    site: sites[i % sites.length] ?? "",
    role: roles[(i * 5) % roles.length] ?? "",
    satisfaction,
    relevance,
    confidence,
    recommend,
    comments: comments[i % comments.length] ?? "",
  }));
}

function followUps(today: Date): Rows<"Follow-up 30d"> {
  const at = (offset: number): Date => new Date(today.getTime() + offset * DAY);
  return [
    {
      site: "Lakeside University Hospital",
      checkInDate: at(-14),
      planInitiated: true,
      earlyBarriers: "Order set build queue",
      preliminaryData: "27% before noon in week 2",
      nextStep: "Go live on two more units",
    },
    {
      site: "St. Brigid Community Hospital",
      checkInDate: at(-14),
      planInitiated: true,
      earlyBarriers: "Teaching rounds",
      preliminaryData: "Huddle held 9 of 10 days",
      nextStep: "Move teaching rounds to the afternoon",
    },
    {
      site: "Site C",
      checkInDate: at(-13),
      planInitiated: true,
      earlyBarriers: "",
      preliminaryData: "Phone huddle daily",
      nextStep: "Measure length of stay monthly",
    },
    {
      site: "Site F",
      checkInDate: at(-12),
      planInitiated: false,
      earlyBarriers: "No nurse for the lounge",
      preliminaryData: "",
      nextStep: "Ask the director for two shifts",
    },
    {
      site: "Site G",
      checkInDate: at(-12),
      planInitiated: true,
      earlyBarriers: "Interpreter availability",
      preliminaryData: "Teach-back documented for 60%",
      nextStep: "Add videos",
    },
    {
      site: "Summit Regional Medical",
      checkInDate: at(-11),
      planInitiated: true,
      earlyBarriers: "Vendor contract",
      preliminaryData: "Ride wait down to 90 minutes",
      nextStep: "Page transport from the flag",
    },
  ];
}

function impact(today: Date): Rows<"Impact 12m"> {
  const review = new Date(today.getTime() - 3 * DAY);
  return [
    {
      metric: "Discharges before noon",
      unit: "%",
      direction: "higher is better",
      baseline: 18,
      result: 31,
      target: 35,
      reviewDate: review,
      notes: "Lakeside and St. Brigid",
    },
    {
      metric: "Average length of stay",
      unit: "days",
      direction: "lower is better",
      baseline: 5.4,
      result: 4.7,
      target: 4.8,
      reviewDate: review,
    },
    {
      metric: "30-day readmissions",
      unit: "%",
      direction: "lower is better",
      baseline: 14.7,
      result: 13.9,
      target: 12.7,
      reviewDate: review,
      notes: "Project BOOST definition",
    },
  ];
}

function community(today: Date): {
  members: Rows<"Community">;
  steering: Rows<"Steering Committee">;
  calendar: Rows<"Exchange Calendar">;
  pool: Rows<"Resource Pool">;
} {
  const at = (offset: number): Date => new Date(today.getTime() + offset * DAY);
  const orgs: [string, string, string][] = [
    ["Lakeside University Hospital", "Ana Ruiz", "ana.ruiz@lakeside.example"],
    ["St. Brigid Community Hospital", "Ben Okafor", "b.okafor@stbrigid.example"],
    ["Prairie View Critical Access", "Chloe Martin", "cmartin@prairieview.example"],
    ["Mercy Valley Hospital", "Grace Lindqvist", "g.lindqvist@mercyvalley.example"],
    ["Cedar Ridge Children's", "Hiro Tanaka", "h.tanaka@cedarridge.example"],
    ["Summit Regional Medical", "Dev Patel", "dev.patel@summit.example"],
    ["Northgate Health System", "Farah Haddad", "f.haddad@northgate.example"],
  ];
  return {
    members: orgs.map(([organization, representative, email], i) => ({
      organization,
      representative,
      email,
      joined: at(-400 + i * 30),
      renewalDue: at(-35 + i * 30),
    })),
    steering: [
      {
        member: "Ana Ruiz",
        organization: "Lakeside University Hospital",
        role: "Chair",
        termStart: at(-300),
        termEnd: at(65),
      },
      {
        member: "Ben Okafor",
        organization: "St. Brigid Community Hospital",
        role: "Member",
        termStart: at(-200),
        termEnd: at(165),
      },
      {
        member: "Farah Haddad",
        organization: "Northgate Health System",
        role: "Secretary",
        termStart: at(-100),
        termEnd: at(265),
      },
    ],
    calendar: [
      {
        exchange: "Sepsis bundle exchange",
        theme: "Time to antibiotics",
        date: at(-180),
        cadence: "semi-annual",
        host: "Northgate Health System",
        status: "done",
        attendedBy: "Lakeside University Hospital, Northgate Health System, Summit Regional Medical",
      },
      {
        exchange: "Discharge before noon exchange",
        theme: "Discharge delays",
        date: at(0),
        cadence: "quarterly",
        host: "St. Brigid Community Hospital",
        status: "in progress",
        attendedBy: "",
      },
      {
        exchange: "Falls prevention exchange",
        theme: "Falls on medical units",
        date: at(90),
        cadence: "quarterly",
        host: "Summit Regional Medical",
        status: "planned",
        attendedBy: "",
      },
    ],
    pool: [
      {
        date: at(-120),
        organization: "Lakeside University Hospital",
        kind: "contribution",
        description: "Annual membership",
        amount: 2000,
      },
      {
        date: at(-110),
        organization: "Northgate Health System",
        kind: "contribution",
        description: "Annual membership",
        amount: 2000,
      },
      {
        date: at(-60),
        organization: "Summit Regional Medical",
        kind: "contribution",
        description: "Annual membership",
        amount: 1500,
      },
      {
        date: at(-20),
        organization: "St. Brigid Community Hospital",
        kind: "expense",
        description: "Venue and catering",
        amount: 1200,
      },
      {
        date: at(-5),
        organization: "Regional quality collaborative",
        kind: "expense",
        description: "Facilitator",
        amount: 800,
      },
    ],
  };
}

/** Every tab's after-exchange rows, in the order they are written. */
export function afterExchangeRows(
  today: Date,
  sessions: readonly string[],
): [TabName, Record<string, DemoCell>[]][] {
  const { current, history } = practices(today);
  const c = community(today);
  const pairs: [TabName, Rows<TabName>][] = [
    ["Participants", participants],
    ["Insights", clips(today, sessions)],
    ["Practices", current],
    ["Practice History", history],
    ["Actions", actions(today)],
    ["Measures", measures(today)],
    ["Survey Responses", survey(today)],
    ["Follow-up 30d", followUps(today)],
    ["Impact 12m", impact(today)],
    ["Community", c.members],
    ["Steering Committee", c.steering],
    ["Exchange Calendar", c.calendar],
    ["Resource Pool", c.pool],
  ];
  return pairs as [TabName, Record<string, DemoCell>[]][];
}
