// Peer group selection: weighted decision matrix (Pugh, weighted variant) with group constraints from the seed
// guide — 4–6 institutions, at least one outlier, a willingness floor, and a spread of settings and types.
import {
  type CriterionScores,
  checkWeights,
  DEFAULT_WEIGHTS,
  describeMissing,
  readScore,
  type Weights,
  weightedScore,
} from "./weightedScore";

export interface PeerCandidate {
  /** Stable key (e.g. the institution's name). */
  id: string;
  /** How explanations name the site (its pseudonym). */
  label: string;
  scores: CriterionScores;
  outlier: boolean;
  setting?: string;
  type?: string;
}

export interface SelectionOptions {
  weights?: Weights;
  minSize?: number;
  maxSize?: number;
  /** Every member's willingness-to-share score must be at least this. */
  willingnessFloor?: number;
}

export const DEFAULT_GROUP_MIN = 4;
export const DEFAULT_GROUP_MAX = 6;
export const DEFAULT_WILLINGNESS_FLOOR = 3;

export interface RankedCandidate {
  id: string;
  label: string;
  /** Undefined when a score is missing. */
  score: number | undefined;
  /** 1 = highest weighted score, ties share a rank (as the Peers tab's Rank formula); undefined without a complete score. */
  rank: number | undefined;
  selected: boolean;
  /** Why a candidate could not be chosen at all, when that is so. */
  excluded?: "missing scores" | "below willingness floor";
  /** Why this candidate is in or out, in plain words. */
  reason: string;
}

export interface ConstraintStatus {
  size: boolean;
  outlier: boolean;
  willingness: boolean;
  settingSpread: boolean;
  typeSpread: boolean;
}

export interface PeerGroupSelection {
  /** Members, best rank first. */
  selected: RankedCandidate[];
  /** Every candidate, in input order. */
  ranking: RankedCandidate[];
  constraints: ConstraintStatus;
  /** Each constraint that could not be met and what to do about it. */
  unmet: string[];
  /** Tie-breaks and weight warnings. */
  notes: string[];
}

interface Scored {
  index: number;
  candidate: PeerCandidate;
  score: number;
  rank: number;
}

/**
 * Scores equal to 12 decimals tie: the Peers tab's Weighted score formula rounds to 12 decimals, so its
 * Rank formula sees the same ties (and float noise such as 2.4 vs 2.4000000000000004 is no difference).
 */
const sameScore = (a: number, b: number): boolean => Math.round(a * 1e12) === Math.round(b * 1e12);

export function selectPeerGroup(
  candidates: readonly PeerCandidate[],
  options: SelectionOptions = {},
): PeerGroupSelection {
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const minSize = options.minSize ?? DEFAULT_GROUP_MIN;
  const maxSize = Math.max(minSize, options.maxSize ?? DEFAULT_GROUP_MAX);
  const floor = options.willingnessFloor ?? DEFAULT_WILLINGNESS_FLOOR;
  const notes: string[] = [...checkWeights(weights).problems];
  const unmet: string[] = [];
  const reasons = new Map<number, string>();
  const excluded = new Map<number, NonNullable<RankedCandidate["excluded"]>>();

  // Rank every candidate with a complete score: higher score first; ties keep row order (deterministic).
  const scored: Scored[] = [];
  candidates.forEach((candidate, index) => {
    const result = weightedScore(candidate.scores, weights);
    if (result.score === undefined) {
      reasons.set(index, `Not ranked: ${describeMissing(result)}.`);
      excluded.set(index, "missing scores");
    } else scored.push({ index, candidate, score: result.score, rank: 0 });
  });
  scored.sort((a, b) => (sameScore(a.score, b.score) ? a.index - b.index : b.score - a.score));
  // Ties share a rank, as on the Peers tab (1 + how many score strictly higher); row order breaks them.
  scored.forEach((s, i) => {
    const previous = scored[i - 1];
    s.rank = previous && sameScore(previous.score, s.score) ? previous.rank : i + 1;
  });
  const ties: Scored[][] = [];
  for (let i = 0; i < scored.length; ) {
    let j = i + 1;
    while (j < scored.length && sameScore((scored[j] as Scored).score, (scored[i] as Scored).score)) j++;
    if (j - i > 1) ties.push(scored.slice(i, j));
    i = j;
  }

  const eligible = scored.filter((s) => {
    const willingness = readScore(s.candidate.scores.willingness) ?? 0;
    if (willingness >= floor) return true;
    excluded.set(s.index, "below willingness floor");
    reasons.set(
      s.index,
      `Rank ${s.rank} (${fmt(s.score)}), not eligible: willingness to share ${willingness} is below the floor of ${floor}.`,
    );
    return false;
  });

  const group: Scored[] = eligible.slice(0, maxSize);
  for (const s of group)
    reasons.set(
      s.index,
      `Rank ${s.rank} (${fmt(s.score)}): among the ${group.length} highest weighted scores that meet the willingness floor.`,
    );
  const locked = new Set<Scored>();
  const outside = () => eligible.filter((s) => !group.includes(s));
  const swapIn = (incoming: Scored, constraint: string): boolean => {
    const victim = [...group].reverse().find((s) => !locked.has(s));
    if (!victim) return false;
    group.splice(group.indexOf(victim), 1, incoming);
    group.sort((a, b) => a.rank - b.rank);
    locked.add(incoming);
    reasons.set(
      incoming.index,
      `Rank ${incoming.rank} (${fmt(incoming.score)}): brought in to meet "${constraint}", replacing ${victim.candidate.label} (rank ${victim.rank}).`,
    );
    reasons.set(
      victim.index,
      `Rank ${victim.rank} (${fmt(victim.score)}): left out so the group meets "${constraint}" (replaced by ${incoming.candidate.label}).`,
    );
    return true;
  };

  // At least one outlier.
  let outlier = group.find((s) => s.candidate.outlier);
  if (!outlier) {
    const incoming = outside().find((s) => s.candidate.outlier);
    if (incoming && swapIn(incoming, "at least one outlier")) outlier = incoming;
    else
      unmet.push(
        eligible.some((s) => s.candidate.outlier)
          ? "At least one outlier: no room to add one."
          : "At least one outlier: no eligible candidate is marked as an outlier. Mark one in the Outlier column (it must also meet the willingness floor and have every score).",
      );
  }
  if (outlier) {
    locked.add(outlier);
    reasons.set(outlier.index, `${reasons.get(outlier.index) ?? ""} The group's outlier.`.trim());
  }

  const spread = (key: "setting" | "type", constraint: string): boolean => {
    const value = (s: Scored) => (s.candidate[key] ?? "").trim().toLowerCase();
    const known = group.filter((s) => value(s) !== "");
    const distinct = new Set(known.map(value));
    if (distinct.size >= 2) {
      // Keep one member of two different values so a later swap cannot undo this constraint.
      const first = known[0] as Scored;
      locked.add(first);
      locked.add(known.find((s) => value(s) !== value(first)) as Scored);
      return true;
    }
    const only = [...distinct][0];
    if (only !== undefined) {
      const keep = known[0] as Scored;
      const wasLocked = locked.has(keep);
      locked.add(keep); // keep one member of the existing value while another comes in
      const incoming = outside().find((s) => value(s) !== "" && value(s) !== only);
      if (incoming && swapIn(incoming, constraint)) return true;
      if (!wasLocked) locked.delete(keep);
    }
    const label = constraint.charAt(0).toUpperCase() + constraint.slice(1);
    const blanks = group.length - known.length;
    unmet.push(
      only === undefined
        ? `${label}: no member has a ${key} filled in. Fill in the ${key} of each candidate.`
        : `${label}: every member${blanks ? ` with a ${key} filled in` : ""} has the ${key} "${only}" and no eligible candidate with another ${key} can replace one. Add or score a candidate with a different ${key}${blanks ? `, or fill in the ${key} of each member` : ""}.`,
    );
    return false;
  };
  const settingSpread = group.length >= 2 && spread("setting", "not all one setting");
  const typeSpread = group.length >= 2 && spread("type", "not all one type");
  if (group.length < 2)
    unmet.push("Diversity: a group needs at least two members to differ in setting and type.");

  const size = group.length >= minSize;
  if (!size)
    unmet.unshift(
      `Group size: only ${group.length} candidate${group.length === 1 ? "" : "s"} meet${group.length === 1 ? "s" : ""} the willingness floor with every score filled in; at least ${minSize} are needed. Score more candidates or review the willingness floor in Settings.`,
    );

  const inGroup = new Set(group.map((s) => s.index));
  // Only ties that touch the group matter to the coordinator (a long list of candidates has many).
  for (const tie of ties) {
    if (!tie.some((s) => inGroup.has(s.index))) continue;
    const tied = tie.map((s) => s.candidate.label);
    const inside = tie.filter((s) => inGroup.has(s.index)).map((s) => s.candidate.label);
    // Only eligible ones were left out by the tie; one below the floor is explained as such.
    const left = tie
      .filter((s) => !inGroup.has(s.index) && !excluded.has(s.index))
      .map((s) => s.candidate.label);
    notes.push(
      `${tied.join(", ")} tie at ${fmt((tie[0] as Scored).score)}; the tie is broken by row order (the row nearer the top of the list goes first)${left.length ? `: ${inside.join(", ")} in the group, ${left.join(", ")} not` : ""}.`,
    );
    // A row left out only by the tie-break says so on its own row, not just in the alert.
    for (const s of tie) {
      if (inGroup.has(s.index) || excluded.has(s.index) || reasons.has(s.index)) continue;
      reasons.set(
        s.index,
        `Rank ${s.rank} (${fmt(s.score)}): tied with ${inside.join(", ")}, which ${inside.length === 1 ? "is" : "are"} higher on the list; the group holds at most ${maxSize}.`,
      );
    }
  }
  const rankOf = new Map(scored.map((s) => [s.index, s] as const));
  const ranking: RankedCandidate[] = candidates.map((candidate, index) => {
    const s = rankOf.get(index);
    return {
      id: candidate.id,
      label: candidate.label,
      score: s?.score,
      rank: s?.rank,
      selected: inGroup.has(index),
      ...(excluded.has(index) ? { excluded: excluded.get(index) } : {}),
      reason:
        reasons.get(index) ??
        `Rank ${s?.rank} (${fmt(s?.score)}): not among the ${maxSize} highest weighted scores that meet the willingness floor.`,
    };
  });
  return {
    selected: group.map((s) => ranking[s.index] as RankedCandidate),
    ranking,
    constraints: {
      size,
      outlier: outlier !== undefined,
      willingness: true, // enforced by eligibility: no member is below the floor
      settingSpread,
      typeSpread,
    },
    unmet,
    notes,
  };
}

/** The explanation shown to the coordinator after selection. */
export function explainSelection(selection: PeerGroupSelection): string {
  const lines: string[] = [];
  lines.push(
    selection.selected.length
      ? `Selected ${selection.selected.length} site${selection.selected.length === 1 ? "" : "s"}:`
      : "No site could be selected.",
  );
  for (const s of selection.selected) lines.push(`• ${s.label}: ${s.reason}`);
  // Why higher-ranked or unranked candidates are not in the group; each row's Selection note has the detail.
  const below = selection.ranking.filter((c) => c.excluded === "below willingness floor");
  const unranked = selection.ranking.filter((c) => c.excluded === "missing scores");
  if (below.length || unranked.length) {
    lines.push("", "Not eligible:");
    if (below.length)
      lines.push(`• Below the willingness floor: ${few(below.map((c) => `${c.label} (rank ${c.rank})`))}.`);
    if (unranked.length)
      lines.push(
        `• Not ranked until all four criteria are scored 1–5 (see the Missing scores column): ${few(unranked.map((c) => c.label))}.`,
      );
  }
  if (selection.unmet.length) {
    lines.push("", "Could not meet:");
    for (const u of selection.unmet) lines.push(`• ${u}`);
  } else
    lines.push(
      "",
      "All constraints met: group size, at least one outlier, willingness floor, a spread of settings and types.",
    );
  if (selection.notes.length) {
    lines.push("", "Notes:");
    for (const n of selection.notes) lines.push(`• ${n}`);
  }
  return lines.join("\n");
}

/** The first ten names, then how many more: an alert stays readable with a long candidate list. */
function few(names: readonly string[], shown = 10): string {
  if (names.length <= shown) return names.join(", ");
  return `${names.slice(0, shown).join(", ")} and ${names.length - shown} more`;
}

function fmt(x: number | undefined): string {
  return x === undefined ? "no score" : `weighted score ${x.toFixed(2)}`;
}
