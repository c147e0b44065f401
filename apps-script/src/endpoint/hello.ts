// The "hello" operation: what the extension shows and offers: workbook title, the scribe's name, the tag
// taxonomy, clip kinds, today's sessions from the Agenda and the sites (pseudonyms unless permitted).
import {
  CLIP_KINDS,
  CLIP_LIMITS,
  type HelloResponse,
  PROTOCOL_VERSION,
  type SessionInfo,
  type SiteInfo,
  type TagInfo,
} from "../../../shared/clip/protocol";
import { isTalkSession } from "../../../shared/methods/agenda";
import { currentSiteLabel, permitsIdentification, siteLabel } from "../../../shared/methods/pseudonyms";
import type { RowFor, TabName } from "../../../shared/schema";
import { isDateValue, openTable } from "../sheets/table";
import type { ScribeRecord } from "./scribeStore";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A small tab's records (taxonomy, agenda, peers); none when the tab is missing or lost columns. */
function records<N extends TabName>(workbook: Spreadsheet, name: N): RowFor<N>[] {
  const opened = openTable(workbook, name, { require: [] });
  return opened.ok ? opened.value.read().map((row) => row.record) : [];
}

function list(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Approved (or not yet classified) tags: tags under review or retired are not offered yet. */
function tagTaxonomy(workbook: Spreadsheet): TagInfo[] {
  return records(workbook, "Tags")
    .filter((t) => t.tag.trim() !== "" && !["review", "retired"].includes(t.status.trim().toLowerCase()))
    .map((t) => ({
      tag: t.tag.trim(),
      category: t.category.trim(),
      description: t.description.trim(),
      synonyms: list(t.synonyms),
    }));
}

/** A Peers row as the naming rule reads it, with its label. */
interface KnownSite {
  info: SiteInfo;
  peer: RowFor<"Peers">;
}

/** Every site of the Peers tab as clips should name it (label "" while it has no pseudonym and no permission). */
function knownSites(workbook: Spreadsheet): KnownSite[] {
  return records(workbook, "Peers").flatMap((peer) => {
    const name = String(peer.siteName ?? "").trim();
    const pseudonym = String(peer.pseudonym ?? "").trim();
    if (name === "" && pseudonym === "") return [];
    const identified = name !== "" && permitsIdentification(peer);
    return [{ info: { label: siteLabel(peer), pseudonym, identified }, peer }];
  });
}

/**
 * The sites hello lists, and the only sites a clip may carry: the selected peer group once one is
 * selected. A site with nothing to show yet (Select peer group assigns pseudonyms) is left out.
 */
function siteList(sites: KnownSite[]): SiteInfo[] {
  const labelled = sites.filter((s) => s.info.label !== "");
  const selected = labelled.filter((s) => s.peer.selected === true);
  return (selected.length > 0 ? selected : labelled).map((s) => s.info);
}

/** The exchange's sites as hello lists them; the clip endpoint accepts exactly these labels. */
export function exchangeSites(workbook: Spreadsheet): SiteInfo[] {
  return siteList(knownSites(workbook));
}

/**
 * Sessions starting on `today` in the workbook's time zone, in start order. Breaks and Build agenda's
 * end-of-slot marker are left out: nobody is clipped there.
 */
function todaysSessions(
  workbook: Spreadsheet,
  today: string,
  timeZone: string,
  sites: KnownSite[],
): SessionInfo[] {
  const day = (date: Date) => Utilities.formatDate(date, timeZone, "yyyy-MM-dd");
  // A presenting site is shown as hello lists it: its pseudonym unless the site permits its name, also
  // when a person typed the site's real name into the Agenda.
  const peers = sites.map((s) => s.peer);
  // Text that names none of the sites is not passed on: it could be a name without permission.
  const labelOf = (text: string): string => currentSiteLabel(text, peers) ?? "";
  const sessions: { start: Date; info: SessionInfo }[] = [];
  for (const a of records(workbook, "Agenda")) {
    const start = a.start;
    if (!isDateValue(start) || a.session.trim() === "" || !isTalkSession(a) || day(start) !== today) continue;
    const minutes = typeof a.duration === "number" ? a.duration : 0;
    const end = isDateValue(a.end)
      ? a.end
      : minutes > 0
        ? new Date(start.getTime() + minutes * 60_000)
        : null;
    sessions.push({
      start,
      info: {
        name: a.session.trim(),
        format: a.format.trim(),
        start: new Date(start.getTime()).toISOString(),
        end: end ? new Date(end.getTime()).toISOString() : "",
        site: labelOf(a.presentingSite.trim()),
      },
    });
  }
  return sessions.sort((a, b) => a.start.getTime() - b.start.getTime()).map((s) => s.info);
}

export function hello(workbook: Spreadsheet, scribe: ScribeRecord, now = new Date()): HelloResponse {
  const timeZone = workbook.getSpreadsheetTimeZone() || "Etc/UTC";
  const today = Utilities.formatDate(now, timeZone, "yyyy-MM-dd");
  const sites = knownSites(workbook);
  return {
    ok: true,
    v: PROTOCOL_VERSION,
    op: "hello",
    workbook: { title: workbook.getName() },
    scribe: { name: scribe.name },
    tags: tagTaxonomy(workbook),
    kinds: [...CLIP_KINDS],
    today,
    sessions: todaysSessions(workbook, today, timeZone, sites),
    sites: siteList(sites),
    limits: CLIP_LIMITS,
  };
}
