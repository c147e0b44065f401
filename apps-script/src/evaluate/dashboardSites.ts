// The naming rule on the Dashboard: a site appears by its real name only where the Peers tab records its
// permission to identify, else by its pseudonym; a site written elsewhere that the Peers tab does not know
// is never shown as written (it may be a real name): it becomes "Unlisted site 1", "Unlisted site 2", ….
import { assignPseudonyms, pseudonymIndex, siteLabel } from "../../../shared/methods/pseudonyms";
import type { TableRow } from "../sheets/table";

export interface SiteNamer {
  /** The label a site may be shown under, for a site as written on any tab. */
  label(site: string): string;
}

const key = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

export function siteNamer(peers: readonly TableRow<"Peers">[]): SiteNamer {
  const named = peers.filter((r) => String(r.record.siteName).trim() !== "");
  // The pseudonyms Select peer group would give: the same ones, without writing them.
  const pseudonyms = assignPseudonyms(named.map((r) => String(r.record.pseudonym)));
  const labels = new Map<string, string>();
  named.forEach((r, i) => {
    const pseudonym = pseudonyms[i] as string;
    const label = siteLabel({ ...r.record, pseudonym });
    labels.set(key(pseudonym), label);
    if (!labels.has(key(String(r.record.siteName)))) labels.set(key(String(r.record.siteName)), label);
  });
  const unlisted = new Map<string, string>();
  return {
    label(site) {
      const k = key(site);
      const known = labels.get(k);
      if (known) return known;
      if (pseudonymIndex(site) !== undefined) return site.trim();
      let label = unlisted.get(k);
      if (!label) {
        label = `Unlisted site ${unlisted.size + 1}`;
        unlisted.set(k, label);
      }
      return label;
    },
  };
}
