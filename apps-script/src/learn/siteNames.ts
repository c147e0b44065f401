// Sites in practices by the one naming rule (shared/methods/siteNames.ts): the real name only where the
// site granted permission to identify it (Peers › Permission to identify), else its pseudonym.
import { siteNames } from "../../../shared/methods/siteNames";
import { openTable } from "../sheets/table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Site text as clips carry it (a name or a pseudonym, any case) → how a summary may name it. */
export type SiteNamer = (site: string) => { label: string; known: boolean };

/** Reads the Peers tab once; without it, every site is unknown and named by nothing. */
export function siteNamer(spreadsheet: Spreadsheet): SiteNamer {
  const peers = openTable(spreadsheet, "Peers", {
    require: ["siteName", "pseudonym", "permissionToIdentify"],
  });
  const names = siteNames(
    peers.ok
      ? peers.value.read({ keys: ["siteName", "pseudonym", "permissionToIdentify"] }).map((r) => r.record)
      : [],
  );
  return (site) => {
    if (site.trim() === "") return { label: "", known: true };
    const label = names.labelOf(site);
    // A site the Peers tab does not know may be a real name given without permission: it is left out.
    return label === undefined ? { label: "", known: false } : { label, known: true };
  };
}
