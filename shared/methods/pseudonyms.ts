// Pseudonyms for sites: Site A … Site Z, then Site AA, AB, … (bijective base-26, like spreadsheet columns).

const PREFIX = "Site ";

/** 0 → "Site A", 25 → "Site Z", 26 → "Site AA". */
export function pseudonym(index: number): string {
  if (!Number.isInteger(index) || index < 0)
    throw new RangeError(`pseudonym index must be a whole number ≥ 0`);
  let letters = "";
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return PREFIX + letters;
}

/** The index of a pseudonym ("Site AA" → 26), or undefined when the text is not one. */
export function pseudonymIndex(text: string): number | undefined {
  const match = /^Site ([A-Z]+)$/.exec(text.trim());
  if (!match?.[1]) return undefined;
  let n = 0;
  for (const ch of match[1]) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Keeps every pseudonym already given and gives each blank the lowest unused one, top to bottom,
 * so re-running never renames a site. Duplicates are kept for the first row and reassigned after.
 */
export function assignPseudonyms(existing: readonly (string | null | undefined)[]): string[] {
  const used = new Set<string>();
  const result: (string | undefined)[] = existing.map((value) => {
    const text = (value ?? "").trim();
    if (text === "" || used.has(text)) return undefined;
    used.add(text);
    return text;
  });
  let next = 0;
  return result.map((value) => {
    if (value !== undefined) return value;
    while (used.has(pseudonym(next))) next += 1;
    const name = pseudonym(next);
    used.add(name);
    return name;
  });
}
