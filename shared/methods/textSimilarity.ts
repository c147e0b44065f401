// How alike two short texts are, for spotting a best-practice summary that repeats an existing one.
// Trigram similarity as PostgreSQL's pg_trgm defines it (https://www.postgresql.org/docs/current/pgtrgm.html):
// each word, lower-cased and padded with two spaces before and one after, gives its 3-character
// substrings; the score is |A ∩ B| / |A ∪ B| over the two sets of trigrams (Jaccard), from 0 to 1.

/** The words of a text: lower case, letters and digits only (punctuation separates words). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

/** The set of pg_trgm trigrams of a text. */
export function trigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (const word of words(text)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) set.add(padded.slice(i, i + 3));
  }
  return set;
}

/** Jaccard similarity of two sets: 1 for two empty sets is avoided; two empty texts score 0. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** pg_trgm's similarity(a, b): 0 (nothing shared) to 1 (the same words). */
export function textSimilarity(a: string, b: string): number {
  return jaccard(trigrams(a), trigrams(b));
}

export interface PracticeText {
  id: string;
  title: string;
  problemStatement: string;
}

export interface DuplicateCandidate {
  id: string;
  title: string;
  /** 0–1, rounded to two decimals. */
  score: number;
}

/** Weight of the title when both problem statements are filled in; the rest is the problem statement's. */
const TITLE_WEIGHT = 0.6;

/** How alike two practices are: their titles, and their problem statements when both have one. */
export function practiceSimilarity(a: Omit<PracticeText, "id">, b: Omit<PracticeText, "id">): number {
  const title = textSimilarity(a.title, b.title);
  if (words(a.problemStatement).length === 0 || words(b.problemStatement).length === 0) return title;
  return TITLE_WEIGHT * title + (1 - TITLE_WEIGHT) * textSimilarity(a.problemStatement, b.problemStatement);
}

/** Existing practices at least `threshold` alike to the candidate, most alike first. */
export function likelyDuplicates(
  candidate: Omit<PracticeText, "id">,
  existing: readonly PracticeText[],
  threshold: number,
): DuplicateCandidate[] {
  return existing
    .map((p) => ({
      id: p.id,
      title: p.title,
      score: Math.round(practiceSimilarity(candidate, p) * 100) / 100,
    }))
    .filter((d) => d.score >= threshold && d.score > 0)
    .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
}
