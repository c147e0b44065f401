// The one naming rule for sites: the real name where the site granted permission to identify, else its
// pseudonym (ARCHITECTURE.md, invariants). Shared by every output that names a site.

export interface PeerNaming {
  name: string;
  pseudonym: string;
  permissionToIdentify: boolean;
  selected?: boolean;
}

export interface SiteNames {
  /** How outputs name the site a text refers to (its name, pseudonym or either label); undefined if unknown. */
  labelOf(text: string): string | undefined;
  /** The selected peers' labels, in Peers order (sites with nothing to show yet are left out). */
  readonly selected: readonly string[];
}

export function siteLabel(peer: PeerNaming): string {
  const name = peer.name.trim();
  return peer.permissionToIdentify && name !== "" ? name : peer.pseudonym.trim();
}

export function siteNames(peers: readonly PeerNaming[]): SiteNames {
  const byKey = new Map<string, string>();
  const selected: string[] = [];
  for (const peer of peers) {
    const label = siteLabel(peer);
    if (label === "") continue;
    for (const key of [peer.name, peer.pseudonym, label]) {
      const k = key.trim().toLowerCase();
      if (k !== "" && !byKey.has(k)) byKey.set(k, label);
    }
    if (peer.selected && !selected.includes(label)) selected.push(label);
  }
  return {
    labelOf: (text) => byKey.get(text.trim().toLowerCase()),
    selected,
  };
}
