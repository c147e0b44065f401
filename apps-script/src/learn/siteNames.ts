// The one naming rule for sites in shared outputs: the real name only where the site granted permission
// to identify it (Peers › Permission to identify), else its pseudonym.
import { openTable } from "../sheets/table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Site text as clips carry it (a name or a pseudonym, any case) → how a summary may name it. */
export type SiteNamer = (site: string) => { label: string; known: boolean };

/** Reads the Peers tab once; without it, every site is unknown and named by nothing. */
export function siteNamer(spreadsheet: Spreadsheet): SiteNamer {
  const labels = new Map<string, string>();
  const peers = openTable(spreadsheet, "Peers", {
    require: ["siteName", "pseudonym", "permissionToIdentify"],
  });
  if (peers.ok) {
    for (const { record } of peers.value.read({ keys: ["siteName", "pseudonym", "permissionToIdentify"] })) {
      const name = record.siteName.trim();
      const pseudonym = record.pseudonym.trim();
      const label = record.permissionToIdentify && name !== "" ? name : pseudonym;
      if (label === "") continue;
      if (name !== "") labels.set(name.toLowerCase(), label);
      if (pseudonym !== "") labels.set(pseudonym.toLowerCase(), label);
    }
  }
  return (site) => {
    const text = site.trim();
    if (text === "") return { label: "", known: true };
    const label = labels.get(text.toLowerCase());
    // A site the Peers tab does not know may be a real name given without permission: it is left out.
    return label === undefined ? { label: "", known: false } : { label, known: true };
  };
}
