// Site text as any tab holds it (a real name or a pseudonym, any case) → how an output may name it, by the
// one naming rule (siteLabel in pseudonyms.ts). Shared by every output that names a site.
import { type SiteNaming, siteKey, siteLabel } from "./pseudonyms";

/** A Peers row as the namer reads it. */
export interface PeerNaming extends SiteNaming {
  selected?: unknown;
}

export interface SiteNames {
  /** How outputs name the site a text refers to (its name, pseudonym or either label); undefined if unknown. */
  labelOf(text: string): string | undefined;
  /** The selected peers' labels, in Peers order (sites with nothing to show yet are left out). */
  readonly selected: readonly string[];
}

export function siteNames(peers: readonly PeerNaming[]): SiteNames {
  const byKey = new Map<string, string>();
  const selected: string[] = [];
  for (const peer of peers) {
    const label = siteLabel(peer);
    if (label === "") continue;
    for (const key of [peer.siteName, peer.pseudonym, label]) {
      const k = siteKey(String(key ?? ""));
      if (k !== "" && !byKey.has(k)) byKey.set(k, label);
    }
    if (peer.selected === true && !selected.includes(label)) selected.push(label);
  }
  return {
    labelOf: (text) => byKey.get(siteKey(text)),
    selected,
  };
}
