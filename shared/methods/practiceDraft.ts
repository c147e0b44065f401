// A draft best-practice summary from clips (seed: "Best-Practice Summary" template), and what changed
// between two versions of a summary. Pure: the add-on reads the clips and writes the result.
import type { clipKinds } from "../schema/vocabulary";

/** The fields of a summary a person edits, in the template's order. */
export const practiceFields = [
  "title",
  "problemStatement",
  "intervention",
  "outcomeMetric",
  "outcomeBaseline",
  "outcomeResult",
  "implementationTips",
  "potentialBarriers",
  "requiredAdaptations",
  "didNotWork",
  "sourceSite",
  "evidence",
  "tags",
  "status",
  "sourceClips",
] as const;
export type PracticeField = (typeof practiceFields)[number];
/** A summary's fields as text (numbers as written, "" when empty). */
export type PracticeContent = Record<PracticeField, string>;

/** The fields a clip of each kind fills (CLIPPER.md kinds → the template's sections). */
export type ClipKind = (typeof clipKinds)[number];
export const kindToField: Readonly<Record<ClipKind, PracticeField>> = {
  // What was done that worked: the intervention itself.
  insight: "intervention",
  "best practice": "intervention",
  barrier: "potentialBarriers",
  // Next steps someone named, and what the teller learned: advice for whoever implements it.
  "action item": "implementationTips",
  "lesson learned": "implementationTips",
  // An open question states the problem the practice answers.
  question: "problemStatement",
  "did-not-work": "didNotWork",
};

export interface DraftClip {
  clipId: string;
  kind: string;
  text: string;
  tags: string;
  session: string;
  /** The site as the naming rule shows it ("" when unknown). */
  siteLabel: string;
}

export const TITLE_LENGTH = 80;

/** A title from a text: its first sentence, cut at a word boundary to TITLE_LENGTH characters. */
export function titleFrom(text: string): string {
  const sentence = (text.trim().split(/(?<=[.!?])\s+/)[0] ?? "").replace(/\s+/g, " ").trim();
  if (sentence.length <= TITLE_LENGTH) return sentence.replace(/[.!?]+$/, "");
  const cut = sentence.slice(0, TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 20 ? cut.slice(0, space) : cut).replace(/[,;:]+$/, "")}…`;
}

const unique = (items: readonly string[]): string[] => {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase();
    if (item === "" || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** The clip kinds' texts gathered into the template; a field with several clips lists them as "– " lines. */
export function draftFromClips(clips: readonly DraftClip[]): PracticeContent {
  const byField = new Map<PracticeField, string[]>();
  for (const clip of clips) {
    const field = (kindToField as Record<string, PracticeField>)[clip.kind] ?? "intervention";
    const text = clip.text.trim();
    if (text === "") continue;
    byField.set(field, [...(byField.get(field) ?? []), text]);
  }
  const joined = (field: PracticeField): string => {
    const texts = byField.get(field) ?? [];
    return texts.length <= 1 ? (texts[0] ?? "") : texts.map((t) => `– ${t}`).join("\n");
  };
  const first = (byField.get("intervention") ?? byField.get("problemStatement") ?? [clips[0]?.text ?? ""])[0];
  const sessions = unique(clips.map((c) => c.session.trim()));
  const ids = clips.map((c) => c.clipId);
  return {
    title: titleFrom(first ?? ""),
    problemStatement: joined("problemStatement"),
    intervention: joined("intervention"),
    outcomeMetric: "",
    outcomeBaseline: "",
    outcomeResult: "",
    implementationTips: joined("implementationTips"),
    potentialBarriers: joined("potentialBarriers"),
    requiredAdaptations: "",
    didNotWork: joined("didNotWork"),
    sourceSite: unique(clips.map((c) => c.siteLabel.trim())).join(", "),
    evidence: `Drafted from ${ids.length} clip${ids.length === 1 ? "" : "s"}${sessions.length > 0 ? ` (${sessions.join("; ")})` : ""}.`,
    tags: unique(clips.flatMap((c) => c.tags.split(",").map((t) => t.trim()))).join(", "),
    status: "draft",
    sourceClips: ids.join(", "),
  };
}

/** A list cell (Source clips, Tags, Source site) with the other's items added once. */
export function mergeList(into: string, add: string): string {
  return unique([...into.split(","), ...add.split(",")].map((s) => s.trim())).join(", ");
}

const LIST_FIELDS: ReadonlySet<PracticeField> = new Set(["sourceClips", "tags", "sourceSite"]);
const KEEP_FIELDS: ReadonlySet<PracticeField> = new Set([
  "title",
  "status",
  "outcomeBaseline",
  "outcomeResult",
]);

/**
 * An existing summary with a new one merged in: lists gain the new items, text fields gain the new text
 * on its own line when it is not already there; title, status and the numbers of the existing one stay
 * (an empty one takes the new value).
 */
export function mergePractice(existing: PracticeContent, incoming: PracticeContent): PracticeContent {
  const out = { ...existing };
  for (const field of practiceFields) {
    const mine = existing[field].trim();
    const theirs = incoming[field].trim();
    if (theirs === "" || mine === theirs) continue;
    if (mine === "") out[field] = theirs;
    else if (LIST_FIELDS.has(field)) out[field] = mergeList(mine, theirs);
    else if (!KEEP_FIELDS.has(field) && !mine.includes(theirs)) out[field] = `${mine}\n${theirs}`;
  }
  return out;
}

/** The fields whose text differs (ignoring surrounding spaces), in template order. */
export function changedFields(before: PracticeContent, after: PracticeContent): PracticeField[] {
  return practiceFields.filter((f) => (before[f] ?? "").trim() !== (after[f] ?? "").trim());
}

/** The next id after the existing ones: BP-001, BP-002, … (ids of other shapes are skipped). */
export function nextPracticeId(existing: readonly string[]): string {
  let max = 0;
  for (const id of existing) {
    const m = /^BP-(\d+)$/i.exec(id.trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `BP-${String(max + 1).padStart(3, "0")}`;
}
