// Exact tags in a comma-separated Tags cell, and how many clips carry each tag of the taxonomy. The Tags
// tab's "Use count" formula computes the same numbers in the sheet; tagUseCounts is its reference.
//
// Text is compared as the formula compares it: lower case, spaces trimmed and inner runs of spaces made
// one (Sheets' TRIM trims only the space character), nothing treated as a wildcard.

/** Synonyms per tag that fold into its count (the formula reads this many items of the Synonyms cell). */
export const SYNONYM_SLOTS = 3;

/** As Sheets' LOWER(TRIM(text)): spaces trimmed, inner runs of spaces made one, lower case. */
export function normalizeTag(text: string): string {
  return text
    .replace(/^ +| +$/g, "")
    .replace(/ {2,}/g, " ")
    .toLowerCase();
}

/** The tags of a Tags cell, normalized, empty items dropped, each once. */
export function splitTags(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(",")
        .map(normalizeTag)
        .filter((t) => t !== ""),
    ),
  ];
}

export interface TaxonomyEntry {
  tag: string;
  /** Comma-separated, as on the Tags tab. */
  synonyms: string;
}

/** The tag and the synonyms that count for it (the first SYNONYM_SLOTS, as the formula reads them). */
export function tagNames(entry: TaxonomyEntry): string[] {
  const tag = normalizeTag(entry.tag);
  if (tag === "") return [];
  const synonyms = entry.synonyms
    .split(",")
    .slice(0, SYNONYM_SLOTS)
    .map(normalizeTag)
    .filter((s) => s !== "");
  return [...new Set([tag, ...synonyms])];
}

/** Whether a Tags cell carries the tag itself or one of its synonyms, exactly. */
export function carriesTag(cell: string, names: readonly string[]): boolean {
  if (names.length === 0) return false;
  return splitTags(cell).some((t) => names.includes(t));
}

/**
 * For each taxonomy entry, the number of Tags cells carrying it (or a synonym) exactly: "care" does not
 * count "patient care", and *, ?, ~ are plain characters. A blank tag counts as "" (as its formula shows).
 */
export function tagUseCounts(
  taxonomy: readonly TaxonomyEntry[],
  tagCells: readonly string[],
): (number | "")[] {
  const cells = tagCells.map(splitTags);
  return taxonomy.map((entry) => {
    if (normalizeTag(entry.tag) === "") return "";
    const names = tagNames(entry);
    return cells.filter((tags) => tags.some((t) => names.includes(t))).length;
  });
}
