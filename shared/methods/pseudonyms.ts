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

// ---- The naming rule: one place for every tab, chart, sidebar, export and the clip endpoint ----------

/** What the naming rule reads of a Peers row (cells as read: a checkbox, text, or blank). */
export interface SiteNaming {
  siteName?: unknown;
  pseudonym?: unknown;
  permissionToIdentify?: unknown;
}

const cell = (value: unknown): string => (value === null || value === undefined ? "" : String(value).trim());

/** Permission is granted only by a ticked box (or TRUE / yes typed in its place). */
export function permitsIdentification(site: SiteNaming): boolean {
  const value = site.permissionToIdentify;
  return value === true || /^(true|yes)$/i.test(cell(value));
}

/**
 * How a site is named everywhere: its real name where it granted permission to identify, else its
 * pseudonym; "" while it has neither (Select peer group assigns pseudonyms).
 */
export function siteLabel(site: SiteNaming): string {
  const name = cell(site.siteName);
  return permitsIdentification(site) && name !== "" ? name : cell(site.pseudonym);
}

export function siteLabels(sites: readonly SiteNaming[]): string[] {
  return sites.map(siteLabel);
}

/** Typed site text compared without regard to case or spaces ("site  b" is "Site B"). */
export function siteKey(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** The label a typed site stands for, matched case- and space-insensitively, or undefined for none. */
export function matchSiteLabel(typed: string, labels: readonly string[]): string | undefined {
  const key = siteKey(typed);
  return key === "" ? undefined : labels.find((label) => siteKey(label) === key);
}

/**
 * The current label of a site written any way a person or an earlier run may have written it (its name,
 * its pseudonym, or its label): "" for a site with no label yet, undefined when it is none of the sites.
 * Used to recognize sites on tabs people edit (the Agenda's presenting site), never to accept a clip's site.
 */
export function currentSiteLabel(text: string, sites: readonly SiteNaming[]): string | undefined {
  const key = siteKey(text);
  if (key === "") return undefined;
  const site = sites.find((s) =>
    [cell(s.siteName), cell(s.pseudonym)].some((known) => known !== "" && siteKey(known) === key),
  );
  return site ? siteLabel(site) : undefined;
}
