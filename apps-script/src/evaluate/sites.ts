// Sites as every evaluate output names them: the Peers tab read once, through the one naming rule.
import { type SiteNames, siteNames } from "../../../shared/methods/siteNames";
import type { Result } from "../sheets/result";
import { openTable } from "../sheets/table";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const KEYS = ["siteName", "pseudonym", "permissionToIdentify", "selected"] as const;

export function readSiteNames(spreadsheet: Spreadsheet): Result<SiteNames> {
  const peers = openTable(spreadsheet, "Peers", { require: KEYS });
  if (!peers.ok) return peers;
  return { ok: true, value: siteNames(peers.value.read({ keys: KEYS }).map(({ record }) => record)) };
}
