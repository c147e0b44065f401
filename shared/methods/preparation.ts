// Participant preparation (seed: "Preparing Participants"; NDA from "Managing Confidentiality and Trust"):
// what each person still has to do, per-site readiness, and the reminder a person receives.

export interface PreparationInput {
  person?: unknown;
  site?: unknown;
  ndaSigned?: unknown;
  dataPacketSent?: unknown;
  unknown1?: unknown;
  unknown2?: unknown;
  consentToRecord?: unknown;
  moduleFacilitation?: unknown;
  moduleStorytelling?: unknown;
  moduleDataViz?: unknown;
}

/** Required items, in the order the Missing items formula lists them: the preview's to-do and the mail's ask. */
export const preparationItems = [
  {
    key: "ndaSigned",
    label: "NDA signed",
    todo: "sign the NDA",
    ask: "Sign and return the mutual non-disclosure agreement.",
  },
  {
    key: "dataPacketSent",
    label: "data packet sent",
    todo: "send the data packet",
    ask: "Send your pre-exchange data packet: baseline metrics, process maps and relevant policies.",
  },
  {
    key: "unknown1",
    label: "first unknown",
    todo: "name a first unknown",
    ask: "Name the first “unknown” you hope to resolve at the exchange.",
  },
  {
    key: "unknown2",
    label: "second unknown",
    todo: "name a second unknown",
    ask: "Name a second “unknown” you hope to resolve at the exchange.",
  },
  {
    key: "consentToRecord",
    label: "consent to record",
    todo: "say yes or no to recording",
    ask: "Tell us whether you consent to sessions being recorded for later transcription.",
  },
] as const;

/** Optional mini-modules: offered in a reminder, never counted as missing. */
export const skillModules = [
  { key: "moduleFacilitation", label: "facilitation techniques" },
  { key: "moduleStorytelling", label: "storytelling for improvement" },
  { key: "moduleDataViz", label: "data visualization basics" },
] as const;

const blank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** The labels of required items still missing; empty when the person is ready. */
export function missingPreparation(row: PreparationInput): string[] {
  return preparationItems.filter((item) => blank(row[item.key])).map((item) => item.label);
}

/** What the person still has to do, as the reminder preview lists it ("sign the NDA", …). */
export function preparationTodos(row: PreparationInput): string[] {
  return preparationItems.filter((item) => blank(row[item.key])).map((item) => item.todo);
}

/** The text the Missing items formula shows: "NDA signed, first unknown", or "" when ready. */
export function missingItemsText(row: PreparationInput): string {
  if (blank(row.person)) return "";
  return missingPreparation(row).join(", ");
}

export interface SiteReadiness {
  site: string;
  ready: number;
  total: number;
}

/** Per site (first-seen order): how many of its named participants have nothing missing. */
export function siteReadiness(rows: readonly PreparationInput[]): SiteReadiness[] {
  const bySite = new Map<string, SiteReadiness>();
  for (const row of rows) {
    if (blank(row.person) || blank(row.site)) continue;
    const site = String(row.site).trim();
    const entry = bySite.get(site) ?? { site, ready: 0, total: 0 };
    entry.total += 1;
    if (missingPreparation(row).length === 0) entry.ready += 1;
    bySite.set(site, entry);
  }
  return [...bySite.values()];
}

/** "2 of 3 ready": the Site readiness formula's text. */
export function readinessText(entry: SiteReadiness): string {
  return `${entry.ready} of ${entry.total} ready`;
}

export interface ReminderMail {
  subject: string;
  body: string;
}

/** The reminder for one person: what is missing, what to do, and the optional modules not yet taken. */
export function preparationReminder(row: PreparationInput, exchangeName: string): ReminderMail {
  const name = blank(row.person) ? "colleague" : String(row.person).trim();
  const exchange = exchangeName.trim() === "" ? "the peer exchange" : exchangeName.trim();
  const asks = preparationItems.filter((item) => blank(row[item.key])).map((item) => `• ${item.ask}`);
  const modules = skillModules.filter((m) => row[m.key] !== true).map((m) => m.label);
  const lines = [
    `Dear ${name},`,
    "",
    `To get the most out of ${exchange}, please complete these preparation steps:`,
    ...asks,
  ];
  if (modules.length > 0) {
    lines.push("", `Optional short trainings you have not taken yet: ${modules.join(", ")}.`);
  }
  lines.push("", "Thank you — arriving prepared lets every site contribute depth, not just report outcomes.");
  return {
    subject: `Preparation for ${exchange}: ${asks.length} step${asks.length === 1 ? "" : "s"} to go`,
    body: lines.join("\n"),
  };
}
