// Facilitator rotation (seed guide, "Equal Voice": rotate facilitation so no single organization dominates):
// no site facilitates twice before every site has once, and no site facilitates its own case.

export interface FacilitatedSession {
  /** The site presenting (its own case); undefined for sessions no site presents (a breakout workshop). */
  presenter?: string;
}

export interface Rotation {
  /** One per session, in order; undefined only where no valid site exists. */
  facilitators: (string | undefined)[];
  /** Plain-English reasons a rule could not be met (empty when all hold). */
  issues: string[];
}

/**
 * Sessions are taken in blocks of as many sessions as there are sites; within a block each site
 * facilitates exactly once (so nobody repeats before everyone has had a turn), matched by a
 * deterministic search that prefers the site after the presenter in the site order.
 */
export function facilitatorRotation(
  sites: readonly string[],
  sessions: readonly FacilitatedSession[],
): Rotation {
  const issues: string[] = [];
  const unique = [...new Set(sites)];
  const facilitators: (string | undefined)[] = [];
  if (unique.length < 2) {
    if (sessions.length)
      issues.push("At least two sites are needed so that no site facilitates its own case.");
    const only = unique[0];
    return {
      facilitators: sessions.map((s) =>
        s.presenter === undefined || s.presenter !== only ? only : undefined,
      ),
      issues,
    };
  }
  const n = unique.length;
  let pointer = 0; // where the next session without a presenter starts looking, so turns keep rotating
  for (let blockStart = 0; blockStart < sessions.length; blockStart += n) {
    const block = sessions.slice(blockStart, blockStart + n);
    const preferences = block.map((session) => {
      const at = session.presenter === undefined ? -1 : unique.indexOf(session.presenter);
      const from = at >= 0 ? at + 1 : pointer;
      return Array.from({ length: n }, (_, k) => unique[(from + k) % n] as string).filter(
        (site) => site !== session.presenter,
      );
    });
    // Hall's condition fails only when a full block's sessions all share one presenter.
    const firstPresenter = block[0]?.presenter;
    const stuck =
      block.length === n &&
      firstPresenter !== undefined &&
      block.every((s) => s.presenter === firstPresenter);
    const chosen = stuck ? undefined : assign(preferences);
    if (!chosen) {
      issues.push(
        `Sessions ${blockStart + 1}–${blockStart + block.length} cannot rotate facilitation: one site presents in all of them. Reorder the sessions or add a site.`,
      );
      block.forEach(() => {
        facilitators.push(undefined);
      });
      continue;
    }
    for (const site of chosen) facilitators.push(site);
    const last = chosen[chosen.length - 1];
    if (last !== undefined) pointer = (unique.indexOf(last) + 1) % n;
  }
  return { facilitators, issues };
}

/** A distinct site per session from its preference list (backtracking, first valid in preference order). */
function assign(preferences: readonly (readonly string[])[]): string[] | undefined {
  const used = new Set<string>();
  const out: string[] = [];
  const visit = (i: number): boolean => {
    if (i === preferences.length) return true;
    for (const site of preferences[i] ?? []) {
      if (used.has(site)) continue;
      used.add(site);
      out.push(site);
      if (visit(i + 1)) return true;
      used.delete(site);
      out.pop();
    }
    return false;
  };
  return visit(0) ? out : undefined;
}

/** The rule violations in a given rotation, for checks and tests: empty when both rules hold. */
export function rotationViolations(
  sites: readonly string[],
  sessions: readonly FacilitatedSession[],
  facilitators: readonly (string | undefined)[],
): string[] {
  const problems: string[] = [];
  const all = new Set(sites);
  let turn = new Set<string>();
  facilitators.forEach((site, i) => {
    if (site === undefined) return;
    if (site === sessions[i]?.presenter) problems.push(`Session ${i + 1}: ${site} facilitates its own case.`);
    if (turn.has(site))
      problems.push(`Session ${i + 1}: ${site} facilitates again before every site has once.`);
    turn.add(site);
    if ([...all].every((s) => turn.has(s))) turn = new Set();
  });
  return problems;
}
