// Community of practice (seed: "Building a Sustainable Peer-to-Peer Exchange Community"): membership from
// attendance, steering-committee rotation, and the exchange cadence. Dates are calendar days in local time.

/** Exchanges a year that keep a membership active (seed: active participation, ≥ 2 a year). */
export const ACTIVE_MIN_EXCHANGES = 2;
export const CADENCE_MONTHS = { quarterly: 3, "semi-annual": 6 } as const;
export type Cadence = keyof typeof CADENCE_MONTHS;
/** A term whose start is unknown is taken to last this long when proposing the incoming member's term. */
export const DEFAULT_TERM_MONTHS = 24;

const DAY_MS = 86_400_000;

/** Midnight of the same calendar day. */
export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** The same day n months later (earlier for n < 0), clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(date.getFullYear(), date.getMonth() + months, 1);
  const last = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  return new Date(target.getFullYear(), target.getMonth(), Math.min(date.getDate(), last));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** "2027-03-01" */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "2027-03-01" → that day; null when it is not a real date. */
export function parseDay(text: string): Date | null {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = m.slice(1).map(Number) as [number, number, number];
  const date = new Date(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
}

const key = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

/** "A, B; C" → ["A", "B", "C"]: the organizations listed in an “Attended by” cell. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export interface CalendarEntry {
  date: Date | null;
  status: string;
  attendedBy: string;
}

export interface MemberInput {
  organization: string;
  joined: Date | null;
  renewalDue: Date | null;
}

export interface Membership {
  attended: number;
  status: "active" | "renewal due";
  renewalDue: Date;
}

export interface MembershipReport {
  members: Membership[];
  /** Names in “Attended by” of counted exchanges that match no member (spelled differently or not a member). */
  unknownNames: string[];
  /** Done exchanges without a date: they cannot be placed in the 12 months. */
  undated: number;
}

/**
 * Exchanges attended in the 12 months up to today: Exchange Calendar rows marked done, dated after the
 * same day a year ago and not after today, whose “Attended by” names the member (case and spacing ignored).
 * Active at ≥ 2. Renewal due: active → the day the older of the two latest attended exchanges is 12 months
 * old; not active but joined less than 12 months ago → the first anniversary of joining; otherwise the
 * date already there when it is past (when it fell due), else today.
 */
export function membership(
  members: readonly MemberInput[],
  calendar: readonly CalendarEntry[],
  today: Date,
): MembershipReport {
  const day = startOfDay(today);
  const yearAgo = addMonths(day, -12);
  const known = new Set(members.map((m) => key(m.organization)));
  const attendedOn = new Map<string, Date[]>();
  const unknown = new Map<string, string>();
  let undated = 0;
  for (const entry of calendar) {
    if (key(entry.status) !== "done") continue;
    if (!entry.date) {
      if (entry.attendedBy.trim() !== "") undated += 1;
      continue;
    }
    const date = startOfDay(entry.date);
    if (date <= yearAgo || date > day) continue;
    for (const name of new Set(splitNames(entry.attendedBy).map(key))) {
      if (!known.has(name)) {
        unknown.set(name, splitNames(entry.attendedBy).find((n) => key(n) === name) ?? name);
        continue;
      }
      const list = attendedOn.get(name) ?? [];
      list.push(date);
      attendedOn.set(name, list);
    }
  }
  const result = members.map((m): Membership => {
    const dates = [...(attendedOn.get(key(m.organization)) ?? [])].sort((a, b) => b.getTime() - a.getTime());
    if (dates.length >= ACTIVE_MIN_EXCHANGES) {
      const older = dates[ACTIVE_MIN_EXCHANGES - 1] as Date;
      return { attended: dates.length, status: "active", renewalDue: addMonths(older, 12) };
    }
    const joined = m.joined ? startOfDay(m.joined) : null;
    let renewalDue = day;
    if (joined && joined > yearAgo) renewalDue = addMonths(joined, 12);
    else if (m.renewalDue && startOfDay(m.renewalDue) <= day) renewalDue = startOfDay(m.renewalDue);
    return { attended: dates.length, status: "renewal due", renewalDue };
  });
  return { members: result, unknownNames: [...unknown.values()], undated };
}

export interface SeatHolder {
  member: string;
  organization: string;
  role: string;
  termStart: Date | null;
  termEnd: Date | null;
}

export interface RotationCandidate {
  organization: string;
  representative: string;
  joined: Date | null;
  attended: number;
}

export interface RotationProposal {
  /** The first day of the new terms: the day after the soonest term end. */
  rotationDate: Date;
  out: SeatHolder[];
  in: Array<RotationCandidate & { role: string; termStart: Date; termEnd: Date }>;
  /** Seats left open for want of eligible members. */
  open: number;
}

/**
 * Proposes the next rotation: the sitting members whose term ends soonest rotate out (all who share that
 * end date); the same number rotate in, chosen from active members (≥ 2 exchanges in 12 months) whose
 * organization has no sitting member — the longest-serving first (earliest joined), then the most exchanges
 * attended, then by name. Each incoming member takes the outgoing member's role and term length.
 * Null when no sitting member has a term end.
 */
export function proposeRotation(
  committee: readonly SeatHolder[],
  candidates: readonly RotationCandidate[],
  today: Date,
): RotationProposal | null {
  const day = startOfDay(today);
  const sitting = committee.filter((s) => !s.termEnd || startOfDay(s.termEnd) >= day);
  const ending = sitting.filter((s): s is SeatHolder & { termEnd: Date } => s.termEnd !== null);
  if (ending.length === 0) return null;
  const soonest = Math.min(...ending.map((s) => startOfDay(s.termEnd).getTime()));
  const out = ending.filter((s) => startOfDay(s.termEnd).getTime() === soonest);
  const rotationDate = addDays(new Date(soonest), 1);
  const seated = new Set(sitting.map((s) => key(s.organization)));
  const eligible = candidates
    .filter((c) => c.attended >= ACTIVE_MIN_EXCHANGES && !seated.has(key(c.organization)))
    .sort(
      (a, b) =>
        (a.joined?.getTime() ?? Number.POSITIVE_INFINITY) -
          (b.joined?.getTime() ?? Number.POSITIVE_INFINITY) ||
        b.attended - a.attended ||
        a.organization.localeCompare(b.organization),
    );
  const incoming = out.slice(0, eligible.length).map((leaving, i) => {
    const candidate = eligible[i] as RotationCandidate;
    const months = leaving.termStart
      ? Math.max(
          1,
          Math.round(
            (startOfDay(leaving.termEnd as Date).getTime() - startOfDay(leaving.termStart).getTime()) /
              (DAY_MS * 30.4375),
          ),
        )
      : DEFAULT_TERM_MONTHS;
    return {
      ...candidate,
      role: leaving.role || "member",
      termStart: rotationDate,
      termEnd: addDays(addMonths(rotationDate, months), -1),
    };
  });
  return { rotationDate, out, in: incoming, open: out.length - incoming.length };
}

export interface PlannedExchange {
  exchange: string;
  theme: string;
  date: Date;
  cadence: Cadence;
}

export interface CadencePlan {
  add: PlannedExchange[];
  /** Dates left out because the calendar already has an exchange in that month. */
  skipped: { date: Date; existing: string }[];
}

/**
 * The next `count` exchanges every 3 (quarterly) or 6 (semi-annual) months from `start`, themes taken in
 * turn. A month that already has an exchange on the calendar (cancelled ones aside) gets no second one,
 * so planning again with the same answers adds nothing.
 */
export function planCadence(
  cadence: Cadence,
  start: Date,
  count: number,
  themes: readonly string[],
  existing: readonly { exchange: string; date: Date | null; status: string }[],
): CadencePlan {
  const month = (d: Date) => `${d.getFullYear()}-${d.getMonth()}`;
  const taken = new Map<string, string>();
  for (const e of existing) {
    if (e.date && key(e.status) !== "cancelled" && !taken.has(month(e.date)))
      taken.set(month(e.date), e.exchange || isoDay(e.date));
  }
  const add: PlannedExchange[] = [];
  const skipped: CadencePlan["skipped"] = [];
  for (let i = 0; i < count; i++) {
    const date = addMonths(startOfDay(start), i * CADENCE_MONTHS[cadence]);
    const clash = taken.get(month(date));
    if (clash !== undefined) {
      skipped.push({ date, existing: clash });
      continue;
    }
    add.push({
      exchange: `Exchange ${isoDay(date).slice(0, 7)}`,
      theme: themes[i % themes.length] as string,
      date,
      cadence,
    });
  }
  return { add, skipped };
}

/** Contributions minus expenses. */
export function poolBalance(rows: readonly { kind: string; amount: number | "" }[]): number {
  let balance = 0;
  for (const r of rows) {
    if (typeof r.amount !== "number") continue;
    if (key(r.kind) === "contribution") balance += r.amount;
    else if (key(r.kind) === "expense") balance -= r.amount;
  }
  return balance;
}
