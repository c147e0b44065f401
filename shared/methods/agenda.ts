// Exchange agenda from the seed guide's formats: a 15-min rapid-fire case + 5-min Q&A per site ("what would
// you try differently?"), breakout workshops on sub-issues, a process walk-through, breaks; a scribe per session.
import { facilitatorRotation } from "./rotation";

/** The Agenda tab's format names (the workbook schema's vocabulary). */
export type SessionFormat =
  | "rapid-fire case"
  | "Q&A"
  | "breakout workshop"
  | "process walk-through (live)"
  | "break";

export interface AgendaSite {
  /** How the agenda names the site (its pseudonym, or its name when it gave permission). */
  label: string;
  /** Planned slide count for its case, when known. */
  slides?: number;
}

export interface AgendaOptions {
  /** Length of the time slot in minutes. */
  slotMinutes: number;
  /** One parallel breakout workshop per sub-issue. */
  subIssues?: readonly string[];
  /** The site that shows its workflow; defaults to the first site. */
  walkThroughSite?: string;
  scribes?: readonly string[];
  slideRange?: { min: number; max: number };
  caseMinutes?: number;
  qaMinutes?: number;
  breakMinutes?: number;
  breakoutMinutes?: number;
  walkThroughMinutes?: number;
  /** A break after this many cases. */
  casesPerBlock?: number;
}

export interface AgendaSession {
  format: SessionFormat;
  title: string;
  presenter?: string;
  facilitator?: string;
  scribe?: string;
  subIssue?: string;
  /** Minutes from the start of the slot. */
  startOffset: number;
  duration: number;
  endOffset: number;
  slides?: number;
  /** Plain-English warning when the slide count is outside the range. */
  slideWarning?: string;
  /** Ends after the time slot does. */
  overrun: boolean;
}

export interface Agenda {
  sessions: AgendaSession[];
  totalMinutes: number;
  /** Minutes past the end of the slot (0 when it fits). */
  overrunMinutes: number;
  issues: string[];
}

export const DEFAULT_SLIDE_RANGE = { min: 5, max: 7 };
export const DEFAULT_SUB_ISSUE = "Sub-issue to choose: e.g. standardizing discharge checklists";

type Draft = Omit<AgendaSession, "startOffset" | "endOffset" | "overrun"> & {
  parallel?: boolean;
  turn?: number;
};

export function buildAgenda(sites: readonly AgendaSite[], options: AgendaOptions): Agenda {
  const o = {
    caseMinutes: 15,
    qaMinutes: 5,
    breakMinutes: 10,
    breakoutMinutes: 30,
    walkThroughMinutes: 20,
    casesPerBlock: 3,
    slideRange: DEFAULT_SLIDE_RANGE,
    scribes: [] as readonly string[],
    ...options,
  };
  const issues: string[] = [];
  if (sites.length < 2) {
    return {
      sessions: [],
      totalMinutes: 0,
      overrunMinutes: 0,
      issues: [
        `An agenda needs at least 2 selected sites (found ${sites.length}). Run "Select peer group" or tick Selected for more peers first.`,
      ],
    };
  }
  const labels = sites.map((s) => s.label);
  const drafts: Draft[] = [];
  // Facilitation turns: a case and its Q&A share one facilitator; each breakout and the walk-through is a turn.
  const turns: Array<{ presenter?: string }> = [];
  sites.forEach((site, i) => {
    const turn = turns.push({ presenter: site.label }) - 1;
    const warning = slideWarning(site.slides, o.slideRange);
    drafts.push({
      format: "rapid-fire case",
      title: `Rapid-fire case: ${site.label} (problem, intervention, results, lessons)`,
      presenter: site.label,
      duration: o.caseMinutes,
      turn,
      ...(site.slides !== undefined ? { slides: site.slides } : {}),
      ...(warning ? { slideWarning: warning } : {}),
    });
    drafts.push({
      format: "Q&A",
      title: `Q&A with ${site.label}: what would you try differently?`,
      presenter: site.label,
      duration: o.qaMinutes,
      turn,
    });
    const last = i === sites.length - 1;
    if (last || (i + 1) % o.casesPerBlock === 0)
      drafts.push({ format: "break", title: "Break", duration: o.breakMinutes });
  });
  const subIssues = o.subIssues?.length ? o.subIssues : [DEFAULT_SUB_ISSUE];
  subIssues.forEach((subIssue, k) => {
    const turn = turns.push({}) - 1;
    drafts.push({
      format: "breakout workshop",
      title: `Breakout ${k + 1}: ${subIssue} (worksheet: problem analysis, ideas, feasibility)`,
      subIssue,
      duration: o.breakoutMinutes,
      turn,
      parallel: k > 0,
    });
  });
  const walkSite = o.walkThroughSite && labels.includes(o.walkThroughSite) ? o.walkThroughSite : labels[0];
  drafts.push({
    format: "process walk-through (live)",
    title: `Process walk-through: ${walkSite} shows its workflow (live or recorded)`,
    presenter: walkSite,
    duration: o.walkThroughMinutes,
    turn: turns.push({ presenter: walkSite }) - 1,
  });

  const rotation = facilitatorRotation(labels, turns);
  issues.push(...rotation.issues);
  const scribes = o.scribes.filter((s) => s.trim() !== "");
  if (scribes.length === 0)
    issues.push(
      "No scribes yet, so no session has a knowledge scribe: connect a scribe (Peer Exchange › Connect a scribe…) or give a participant the role “scribe”, then build the agenda again.",
    );

  const sessions: AgendaSession[] = [];
  let cursor = 0;
  let blockStart = 0;
  let scribeTurn = 0;
  for (const draft of drafts) {
    const { parallel, turn, ...session } = draft;
    const start = parallel ? blockStart : cursor;
    blockStart = start;
    const end = start + session.duration;
    cursor = Math.max(cursor, end);
    const facilitator = turn === undefined ? undefined : rotation.facilitators[turn];
    let scribe: string | undefined;
    if (session.format !== "break" && scribes.length) {
      // The Q&A keeps its case's scribe; every other session takes the next scribe in turn.
      scribe =
        session.format === "Q&A"
          ? sessions[sessions.length - 1]?.scribe
          : scribes[scribeTurn++ % scribes.length];
    }
    sessions.push({
      ...session,
      ...(facilitator ? { facilitator } : {}),
      ...(scribe ? { scribe } : {}),
      startOffset: start,
      endOffset: end,
      overrun: end > o.slotMinutes,
    });
  }
  const totalMinutes = cursor;
  const overrunMinutes = Math.max(0, totalMinutes - o.slotMinutes);
  if (overrunMinutes > 0)
    issues.push(
      `The agenda needs ${totalMinutes} minutes but the slot has ${o.slotMinutes}: it runs ${overrunMinutes} minutes over. Lengthen the slot, or shorten or remove sessions (the overrunning ones are flagged).`,
    );
  for (const s of sessions) if (s.slideWarning) issues.push(`${s.presenter}: ${s.slideWarning}`);
  return { sessions, totalMinutes, overrunMinutes, issues };
}

/** Seed guide ("Information overload"): limit each case to 5–7 key slides. */
export function slideWarning(slides: number | undefined, range = DEFAULT_SLIDE_RANGE): string | undefined {
  if (slides === undefined || !Number.isFinite(slides)) return undefined;
  if (slides >= range.min && slides <= range.max) return undefined;
  return `${slides} slides: keep each case to ${range.min}–${range.max} key slides.`;
}

/**
 * Build agenda's last Agenda row: a zero-minute "closing" whose start is the end of the time slot, so the
 * Agenda's overrun formula flags the session before it. It is a marker, not a session.
 */
export const SLOT_END = { title: "End of time slot", format: "closing" } as const;

/** Whether sites talk in an Agenda row: not a break, not the slot's end. The timer times it; scribes clip in it. */
export function isTalkSession(row: { readonly session: string; readonly format: string }): boolean {
  const format = row.format.trim();
  if (format === "break") return false;
  return !(format === SLOT_END.format && row.session.trim() === SLOT_END.title);
}
