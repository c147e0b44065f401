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

/** Each site as clips should name it; only the selected peer group once one is selected. */
function siteList(workbook: Spreadsheet): SiteInfo[] {
  const peers = records(workbook, "Peers").filter(
    (p) => p.pseudonym.trim() !== "" || p.siteName.trim() !== "",
  );
  const selected = peers.filter((p) => p.selected);
  return (selected.length > 0 ? selected : peers).map((p) => {
    const pseudonym = p.pseudonym.trim();
    const identified = p.permissionToIdentify && p.siteName.trim() !== "";
    return { label: identified ? p.siteName.trim() : pseudonym, pseudonym, identified };
  });
}

/**
 * Sessions starting on `today` in the workbook's time zone, in start order. Breaks and Build agenda's
 * end-of-slot marker are left out: nobody is clipped there.
 */
function todaysSessions(
  workbook: Spreadsheet,
  today: string,
  timeZone: string,
  sites: SiteInfo[],
): SessionInfo[] {
  const day = (date: Date) => Utilities.formatDate(date, timeZone, "yyyy-MM-dd");
  // A presenting site is shown as hello lists it: its pseudonym unless the site permits its name.
  const labelOf = (text: string): string => {
    const site = sites.find((s) => s.pseudonym === text || s.label === text);
    return site ? site.label : text;
  };
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
  const sites = siteList(workbook);
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
    sites,
    limits: CLIP_LIMITS,
  };
}
