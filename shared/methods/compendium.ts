// The best-practice compendium as a document outline: the charter's ownership and dissemination
// statement first, then published practices grouped by tag, each in the standard Best-Practice Summary
// template (seed: "Capturing and Organizing the Knowledge Gained"). Pure: the add-on renders the blocks.
// A practice appears in full under its first tag; its other tags' sections point to it ("See also").
import { change, describeChange } from "./change";
import { pseudonymIndex } from "./pseudonyms";
import type { SiteNames } from "./siteNames";
import { DEFAULT_SUPPRESSION_THRESHOLD, isSmallCount, suppressSmallCells } from "./suppression";

export type CompendiumBlock =
  | { kind: "title" | "heading1" | "heading2" | "paragraph" | "bullet"; text: string }
  | { kind: "table"; cells: string[][] };

export interface CompendiumPractice {
  practiceId: string;
  title: string;
  problemStatement: string;
  intervention: string;
  outcomeMetric: string;
  outcomeBaseline: number | "";
  outcomeResult: number | "";
  implementationTips: string;
  potentialBarriers: string;
  requiredAdaptations: string;
  didNotWork: string;
  sourceSite: string;
  evidence: string;
  tags: string;
  status: string;
  sourceClips: string;
}

export interface CompendiumClip {
  clipId: string;
  text: string;
  confidential: boolean;
}

export interface CompendiumInput {
  exchangeName: string;
  ownership: string;
  dissemination: string;
  practices: readonly CompendiumPractice[];
  clips: readonly CompendiumClip[];
  sites: SiteNames;
  /** Settings › Compendium shared outside the exchange = yes: small counts are suppressed. */
  shared: boolean;
  suppressionThreshold?: number;
  /** ISO date the compendium was exported. */
  exportedOn: string;
}

export interface Compendium {
  blocks: CompendiumBlock[];
  /** Titles of the published practices in the document. */
  included: string[];
  /** Published practices left out, with why. */
  leftOut: { title: string; reason: string }[];
  /** Fields withheld because their text came from a confidential clip ("title: field"). */
  withheld: string[];
}

export const UNTAGGED = "Untagged";
const WITHHELD = "Withheld: drawn from a confidential clip.";
const NOT_RECORDED = "Not recorded.";
const SUPPRESSED = "suppressed (small count)";
/** Shorter confidential text is too common to recognize as copied ("yes", "agreed"). */
const MIN_MATCH = 12;

const normalize = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();
const list = (text: string) =>
  text
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => t !== "");

/** How the compendium names the source site: the naming rule; an unknown real-looking name is not shown. */
function sourceSite(text: string, sites: SiteNames): string {
  const trimmed = text.trim();
  if (trimmed === "") return NOT_RECORDED;
  return (
    sites.labelOf(trimmed) ??
    (pseudonymIndex(trimmed) !== undefined ? trimmed : "A site not on the Peers tab")
  );
}

/** Text from a confidential clip, in either direction (a field quoting a clip, or a clip quoting the field). */
function fromConfidential(field: string, confidential: readonly string[]): boolean {
  const text = normalize(field);
  if (text === "") return false;
  return confidential.some(
    (clip) =>
      (clip.length >= MIN_MATCH && text.includes(clip)) || (text.length >= MIN_MATCH && clip.includes(text)),
  );
}

const TEMPLATE = [
  ["problemStatement", "Problem"],
  ["intervention", "Intervention"],
  ["outcome", "Outcome"],
  ["implementationTips", "Implementation tips"],
  ["potentialBarriers", "Potential barriers"],
  ["requiredAdaptations", "Adaptations for other contexts"],
  ["didNotWork", "What did not work"],
  ["sourceSite", "Source site"],
  ["evidence", "Evidence"],
] as const;

export function buildCompendium(input: CompendiumInput): Compendium {
  const threshold = input.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const clipById = new Map(input.clips.map((c) => [c.clipId.trim(), c]));
  const confidentialTexts = input.clips
    .filter((c) => c.confidential)
    .map((c) => normalize(c.text))
    .filter((t) => t !== "");
  const leftOut: Compendium["leftOut"] = [];
  const withheld: string[] = [];

  const published = input.practices.filter((p) => p.status.trim().toLowerCase() === "published");
  const entries = published.flatMap((p) => {
    const clips = list(p.sourceClips.replace(/\s+/g, ",")).map((id) => clipById.get(id));
    const found = clips.filter((c): c is CompendiumClip => c !== undefined);
    if (found.length > 0 && found.every((c) => c.confidential)) {
      leftOut.push({ title: p.title, reason: "all its source clips are confidential" });
      return [];
    }
    // The title is shown in the section and in every "see also": withheld everywhere if it is confidential.
    let title = p.title.trim() || "Untitled practice";
    if (fromConfidential(p.title, confidentialTexts)) {
      title = "Untitled practice (title withheld: drawn from a confidential clip)";
      withheld.push(`${p.title}: Title`);
    }
    return [{ practice: p, title, tags: list(p.tags) }];
  });

  const small = (value: number | "") =>
    input.shared && typeof value === "number" && Number.isInteger(value) && isSmallCount(value, threshold);
  const outcome = (p: CompendiumPractice): string => {
    const metric = p.outcomeMetric.trim();
    if (p.outcomeBaseline === "" || p.outcomeResult === "") {
      const known = p.outcomeBaseline === "" ? p.outcomeResult : p.outcomeBaseline;
      if (metric === "" && known === "") return NOT_RECORDED;
      return `${metric || "Outcome"}: ${known === "" ? "no figures yet" : small(known) ? SUPPRESSED : String(known)}`;
    }
    // A whole number from 1 to the threshold may count patients: when shared, neither it nor the change is shown.
    if (small(p.outcomeBaseline) || small(p.outcomeResult))
      return `${metric || "Outcome"}: ${small(p.outcomeBaseline) ? SUPPRESSED : p.outcomeBaseline} → ${small(p.outcomeResult) ? SUPPRESSED : p.outcomeResult}`;
    const c = change({ baseline: p.outcomeBaseline, result: p.outcomeResult });
    return `${metric || "Outcome"}: baseline ${p.outcomeBaseline} → result ${p.outcomeResult}, ${describeChange(c)}`;
  };

  const practiceBlocks = (
    p: CompendiumPractice,
    title: string,
    tags: readonly string[],
  ): CompendiumBlock[] => {
    const blocks: CompendiumBlock[] = [{ kind: "heading2", text: title }];
    for (const [key, label] of TEMPLATE) {
      let text: string;
      if (key === "outcome") text = outcome(p);
      else if (key === "sourceSite") text = sourceSite(p.sourceSite, input.sites);
      else text = p[key].trim() || NOT_RECORDED;
      if (
        key !== "sourceSite" &&
        fromConfidential(key === "outcome" ? p.outcomeMetric : p[key], confidentialTexts)
      ) {
        text = WITHHELD;
        withheld.push(`${p.title}: ${label}`);
      }
      blocks.push({ kind: "paragraph", text: `${label}: ${text}` });
    }
    if (tags.length > 1) blocks.push({ kind: "paragraph", text: `Tags: ${tags.join(", ")}` });
    return blocks;
  };

  // Sections by tag, alphabetical; "Untagged" last. A practice is written out under its first tag.
  const sections = new Map<string, { full: typeof entries; seeAlso: { title: string; under: string }[] }>();
  const section = (tag: string) => {
    const key = tag.toLowerCase();
    let s = sections.get(key);
    if (!s) {
      s = { full: [], seeAlso: [] };
      sections.set(key, s);
    }
    return s;
  };
  const display = new Map<string, string>();
  for (const entry of entries) {
    const [first = UNTAGGED, ...rest] = entry.tags;
    display.set(first.toLowerCase(), display.get(first.toLowerCase()) ?? first);
    section(first).full.push(entry);
    for (const tag of rest) {
      display.set(tag.toLowerCase(), display.get(tag.toLowerCase()) ?? tag);
      section(tag).seeAlso.push({ title: entry.title, under: first });
    }
  }
  const order = [...sections.keys()].sort((a, b) =>
    a === UNTAGGED.toLowerCase() ? 1 : b === UNTAGGED.toLowerCase() ? -1 : a.localeCompare(b),
  );

  const name = input.exchangeName.trim() || "Peer exchange";
  const blocks: CompendiumBlock[] = [
    { kind: "title", text: `${name}: best-practice compendium` },
    { kind: "heading1", text: "Ownership and dissemination" },
    { kind: "paragraph", text: `Ownership: ${input.ownership.trim()}` },
    { kind: "paragraph", text: `Dissemination: ${input.dissemination.trim()}` },
    {
      kind: "paragraph",
      text: `Exported ${input.exportedOn} from the exchange workbook: published practices only; sites are named only where they gave permission, otherwise by pseudonym; confidential material is left out.`,
    },
  ];

  // Practices per tag (each counted under every tag it carries): counts, so suppressed when shared.
  const counts = order.map((key) => {
    const s = sections.get(key) as { full: unknown[]; seeAlso: unknown[] };
    return s.full.length + s.seeAlso.length;
  });
  const suppression = input.shared
    ? suppressSmallCells(
        counts.map((n) => [n]),
        threshold,
      )
    : undefined;
  blocks.push({ kind: "heading1", text: "Practices by tag" });
  blocks.push({
    kind: "table",
    cells: [
      ["Tag", "Practices"],
      ...order.map((key, i) => {
        const shown = suppression ? suppression.shown[i]?.[0] : counts[i];
        return [display.get(key) ?? key, shown === null || shown === undefined ? SUPPRESSED : String(shown)];
      }),
    ],
  });
  if (suppression)
    blocks.push({
      kind: "paragraph",
      text: `Counts from 1 to ${threshold}, and any that would reveal them, are not shown (the compendium is shared outside the exchange).`,
    });

  const included: string[] = [];
  for (const key of order) {
    const s = sections.get(key) as NonNullable<ReturnType<typeof sections.get>>;
    blocks.push({ kind: "heading1", text: display.get(key) ?? key });
    for (const entry of [...s.full].sort((a, b) => a.title.localeCompare(b.title))) {
      blocks.push(...practiceBlocks(entry.practice, entry.title, entry.tags));
      included.push(entry.practice.title);
    }
    for (const see of [...s.seeAlso].sort((a, b) => a.title.localeCompare(b.title)))
      blocks.push({ kind: "bullet", text: `See also: ${see.title} (under ${see.under})` });
  }
  return { blocks, included, leftOut, withheld };
}
