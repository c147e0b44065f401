// After the exchange (seed: "Translating Insights into Action Plans", "Follow-up"): who committed what,
// whose reminders are due, and when the 30-day follow-up falls. Dates are whole days ("day numbers":
// days since 1970-01-01 in the workbook's time zone), so the rules read as the coordinator counts them.

export const COMMITMENT_DAYS = 30;
export const CHECK_IN_DAYS = 28;
export const FOLLOW_UP_DAYS = 30;
/** Reminders list actions due within this many days (and every overdue one). */
export const DIGEST_DAYS = 7;
/** A check-in invitation goes out this many days before the check-in. */
export const INVITE_DAYS = 7;

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;
export const isEmail = (text: string): boolean => EMAIL.test(text.trim());

/** Statuses that need no more reminding. */
const CLOSED = new Set(["done", "dropped"]);

export interface ExchangeDates {
  start: number | undefined;
  end: number | undefined;
}

/** The exchange's day: its last day (or its only given day). Dates out of order are refused. */
export function exchangeDay(
  dates: ExchangeDates,
): { ok: true; day: number } | { ok: false; message: string } {
  const { start, end } = dates;
  if (start !== undefined && end !== undefined && end < start)
    return {
      ok: false,
      message:
        "The Charter's End date is before its Start date. Correct the dates on the Charter tab, then try again.",
    };
  const day = end ?? start;
  if (day === undefined)
    return {
      ok: false,
      message:
        "The Charter has no exchange date. Fill in Start date and End date on the Charter tab, then try again.",
    };
  return { ok: true, day };
}

export interface ActionItem {
  row: number;
  site: string;
  change: string;
  milestone: string;
  owner: string;
  ownerEmail: string;
  status: string;
  due: number | undefined;
  checkIn: number | undefined;
}

export interface CommitmentGap {
  site: string;
  /** No action with an owner and a valid email due within 30 days of the exchange. */
  noOwnedAction: boolean;
  /** No check-in date within 4 weeks of the exchange. */
  noCheckIn: boolean;
}

/** Sites missing a 30-day owned commitment or a 4-week check-in (seed: commitments before leaving). */
export function commitmentGaps(
  sites: readonly string[],
  actions: readonly ActionItem[],
  exchange: number,
): CommitmentGap[] {
  const owned = new Set<string>();
  const checked = new Set<string>();
  for (const a of actions) {
    const due = a.due;
    if (
      a.owner.trim() !== "" &&
      isEmail(a.ownerEmail) &&
      due !== undefined &&
      due >= exchange &&
      due <= exchange + COMMITMENT_DAYS
    )
      owned.add(a.site);
    if (a.checkIn !== undefined && a.checkIn >= exchange && a.checkIn <= exchange + CHECK_IN_DAYS)
      checked.add(a.site);
  }
  return sites
    .map((site) => ({ site, noOwnedAction: !owned.has(site), noCheckIn: !checked.has(site) }))
    .filter((g) => g.noOwnedAction || g.noCheckIn);
}

/** What a site still has to commit, in plain words (empty when nothing). */
export function gapText(gap: CommitmentGap | undefined): string {
  if (!gap) return "";
  const parts: string[] = [];
  if (gap.noOwnedAction)
    parts.push(`no action with an owner and email due within ${COMMITMENT_DAYS} days of the exchange`);
  if (gap.noCheckIn) parts.push(`no check-in date within ${CHECK_IN_DAYS / 7} weeks of the exchange`);
  return parts.join("; ");
}

export interface Digest {
  email: string;
  owner: string;
  overdue: ActionItem[];
  dueSoon: ActionItem[];
}

/** One digest per owner email: their open actions overdue or due within 7 days; owners with no email apart. */
export function planDigests(
  actions: readonly ActionItem[],
  today: number,
): { digests: Digest[]; noEmail: { owner: string; site: string; change: string }[] } {
  const byEmail = new Map<string, Digest>();
  const noEmail: { owner: string; site: string; change: string }[] = [];
  for (const a of actions) {
    if (a.due === undefined || CLOSED.has(a.status.trim().toLowerCase())) continue;
    const overdue = a.due < today;
    if (!overdue && a.due > today + DIGEST_DAYS) continue;
    if (!isEmail(a.ownerEmail)) {
      noEmail.push({ owner: a.owner.trim() || "(no owner)", site: a.site, change: a.change });
      continue;
    }
    const email = a.ownerEmail.trim().toLowerCase();
    const digest = byEmail.get(email) ?? { email, owner: a.owner.trim(), overdue: [], dueSoon: [] };
    (overdue ? digest.overdue : digest.dueSoon).push(a);
    byEmail.set(email, digest);
  }
  for (const d of byEmail.values()) {
    d.overdue.sort((x, y) => (x.due as number) - (y.due as number));
    d.dueSoon.sort((x, y) => (x.due as number) - (y.due as number));
  }
  return { digests: [...byEmail.values()], noEmail };
}

export interface Invitation {
  email: string;
  site: string;
  checkIn: number;
}

/**
 * Check-in invitations due today: each site's earliest check-in from today to 7 days ahead, to the
 * site's action owners and its participants (one per address and site).
 */
export function checkInInvitations(
  actions: readonly ActionItem[],
  participants: readonly { site: string; email: string }[],
  today: number,
): Invitation[] {
  const checkIns = new Map<string, number>();
  for (const a of actions) {
    if (a.checkIn === undefined || a.checkIn < today || a.checkIn > today + INVITE_DAYS) continue;
    const known = checkIns.get(a.site);
    if (known === undefined || a.checkIn < known) checkIns.set(a.site, a.checkIn);
  }
  const out: Invitation[] = [];
  const seen = new Set<string>();
  const people = [
    ...actions.map((a) => ({ site: a.site, email: a.ownerEmail })),
    ...participants.map((p) => ({ site: p.site, email: p.email })),
  ];
  for (const p of people) {
    const checkIn = checkIns.get(p.site);
    if (checkIn === undefined || !isEmail(p.email)) continue;
    const email = p.email.trim().toLowerCase();
    const key = `${email}|${p.site}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ email, site: p.site, checkIn });
  }
  return out;
}

/** Sites that need a 30-day follow-up row: due from 30 days after the exchange, once per site. */
export function followUpRowsDue(
  sites: readonly string[],
  existing: readonly string[],
  exchange: number,
  today: number,
): string[] {
  if (today < exchange + FOLLOW_UP_DAYS) return [];
  const have = new Set(existing.map((s) => s.trim()));
  return sites.filter((s) => !have.has(s));
}

/** yyyy-mm-dd of a day number. */
export function dayText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const exchangeLabel = (name: string) => (name.trim() === "" ? "the peer exchange" : name.trim());
/** The exchange as a subject line starts with it. */
const subjectLabel = (name: string) => (name.trim() === "" ? "Peer exchange" : name.trim());

function actionLine(a: ActionItem): string {
  const what = a.milestone.trim() || a.change.trim() || "(no description)";
  return `• ${dayText(a.due as number)} — ${what} (${a.site})`;
}

/** The owner's one reminder of the day: overdue first, then what falls due this week. */
export function digestMail(d: Digest, exchangeName: string): { subject: string; body: string } {
  const lines = [`Dear ${d.owner || "colleague"},`, "", `Your actions from ${exchangeLabel(exchangeName)}:`];
  if (d.overdue.length > 0) lines.push("", "Overdue:", ...d.overdue.map(actionLine));
  if (d.dueSoon.length > 0) lines.push("", `Due within ${DIGEST_DAYS} days:`, ...d.dueSoon.map(actionLine));
  lines.push(
    "",
    "Please update the status and progress on the Actions tab of the exchange workbook, or tell the coordinator what is in the way.",
  );
  const n = d.overdue.length + d.dueSoon.length;
  return {
    subject: `${subjectLabel(exchangeName)}: ${n} action${n === 1 ? "" : "s"} ${d.overdue.length > 0 ? "overdue or due soon" : `due within ${DIGEST_DAYS} days`}`,
    body: lines.join("\n"),
  };
}

/** The 4-week check-in invitation. */
export function checkInMail(inv: Invitation, exchangeName: string): { subject: string; body: string } {
  const exchange = exchangeLabel(exchangeName);
  return {
    subject: `${subjectLabel(exchangeName)}: check-in on ${dayText(inv.checkIn)}`,
    body: [
      "Hello,",
      "",
      `The ${inv.site} check-in after ${exchange} is on ${dayText(inv.checkIn)}.`,
      "Please come ready to say whether your action plan has started, what is getting in the way, and any early data.",
      "",
      "The coordinator will record it on the Follow-up 30d tab.",
    ].join("\n"),
  };
}
