// Adoption rate of a practice over time (seed: "Analytics Dashboards (Non-Benchmarking)": adoption rates
// of a new protocol). Definition used here, from the Actions and Measures tabs:
//   committed sites = sites with an action linked to the practice that is not dropped;
//   a site has adopted by period t when one of those actions is in progress or done and the site reported
//   the action's monitoring measure on or before t (its first Measures period: the change is being tested
//   and measured, as in the Model for Improvement);
//   adoption rate(t) = adopted sites by t / committed sites, at every period the linked measures report.
// One rate per practice across the exchange: sites are counted, never ranked.

export const ADOPTED_STATUSES: readonly string[] = ["in progress", "done"];
export const NOT_COMMITTED_STATUSES: readonly string[] = ["dropped"];

export interface AdoptionAction {
  site: string;
  practice: string;
  status: string;
  measure: string;
}

export interface ReportedSeries {
  site: string;
  measure: string;
  /** The series' periods, in order. */
  periods: readonly Date[];
}

export interface AdoptionPoint {
  period: Date;
  adopted: number;
  committed: number;
  /** adopted / committed, 0–1. */
  rate: number;
}

export interface PracticeAdoption {
  practice: string;
  committed: number;
  points: AdoptionPoint[];
}

const norm = (s: string) => s.trim().toLowerCase();
const seriesKey = (site: string, measure: string) => `${norm(site)}\u0000${norm(measure)}`;

export function adoptionByPeriod(
  actions: readonly AdoptionAction[],
  series: readonly ReportedSeries[],
): PracticeAdoption[] {
  const periodsOf = new Map(series.map((s) => [seriesKey(s.site, s.measure), s.periods]));
  const practices = new Map<string, { name: string; actions: AdoptionAction[] }>();
  for (const a of actions) {
    if (a.practice.trim() === "" || a.site.trim() === "") continue;
    if (NOT_COMMITTED_STATUSES.includes(norm(a.status))) continue;
    const key = norm(a.practice);
    const entry = practices.get(key) ?? { name: a.practice.trim(), actions: [] };
    practices.set(key, entry);
    entry.actions.push(a);
  }
  const result: PracticeAdoption[] = [];
  for (const { name, actions: linked } of practices.values()) {
    const committed = new Set(linked.map((a) => norm(a.site)));
    const since = new Map<string, number>(); // site → first period (ms) it adopted
    const periods = new Set<number>();
    for (const a of linked) {
      const reported = a.measure.trim() ? periodsOf.get(seriesKey(a.site, a.measure)) : undefined;
      if (!reported || reported.length === 0) continue;
      for (const p of reported) periods.add(p.getTime());
      if (!ADOPTED_STATUSES.includes(norm(a.status))) continue;
      const first = reported.reduce((min, p) => Math.min(min, p.getTime()), Number.POSITIVE_INFINITY);
      const site = norm(a.site);
      since.set(site, Math.min(since.get(site) ?? Number.POSITIVE_INFINITY, first));
    }
    const points = [...periods]
      .sort((x, y) => x - y)
      .map((t) => {
        const adopted = [...since.values()].filter((first) => first <= t).length;
        return { period: new Date(t), adopted, committed: committed.size, rate: adopted / committed.size };
      });
    result.push({ practice: name, committed: committed.size, points });
  }
  return result.sort((a, b) => (a.practice < b.practice ? -1 : a.practice > b.practice ? 1 : 0));
}
