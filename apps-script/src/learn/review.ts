// Peer Exchange › Review insights: a sidebar listing the Insights tab's sessions, sites, tags, kinds and
// review statuses with their counts, which applies them as a real sheet filter (Range.createFilter with
// hidden values, so text is matched exactly and nothing acts as a wildcard), and sets the review status
// of the selected clips. A tag matches whole tags of the comma-separated Tags cell, synonyms folded in.
import { carriesTag, normalizeTag, splitTags, tagNames } from "../../../shared/methods/tags";
import { type ColumnKey, reviewStatuses } from "../../../shared/schema";
import { guardMenuAction } from "../menuGuard";
import { fail, ok, type Result } from "../sheets/result";
import { openTable, type Table } from "../sheets/table";
import { openWorkbook } from "../sheets/workbook";
import { selectedClips } from "./insightSelection";
import { showStateSidebar } from "./sidebar";
import { unexpected } from "./unexpected";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The dimensions the coordinator filters by, with the Insights column each reads. */
export const FILTER_KEYS = ["session", "site", "tag", "kind", "reviewStatus"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
const COLUMN_OF: Record<FilterKey, ColumnKey<"Insights">> = {
  session: "session",
  site: "site",
  tag: "tags",
  kind: "kind",
  reviewStatus: "reviewStatus",
};
const READ_KEYS = ["session", "site", "tags", "kind", "reviewStatus", "promotedTo", "clipId"] as const;
/** Review statuses a person sets here; "promoted" comes only with a practice (Promote to best practice). */
const SETTABLE = reviewStatuses.filter((s) => s !== "promoted");
const PROPERTY = "peerExchange.insightFilter";

export type FilterChoice = Partial<Record<FilterKey, string>>;

export interface FacetValue {
  value: string;
  count: number;
}

export interface ReviewView {
  total: number;
  facets: Record<FilterKey, FacetValue[]>;
  /** The filter applied now (from this sidebar), "" where a dimension is not filtered. */
  applied: Record<FilterKey, string>;
  statuses: string[];
}

interface InsightLine {
  session: string;
  site: string;
  tags: string;
  kind: string;
  reviewStatus: string;
}

/** Blank review status counts as "new": a row typed in by hand has not been reviewed. */
const statusOf = (line: InsightLine): string => line.reviewStatus.trim().toLowerCase() || "new";

function readLines(insights: Table<"Insights">): InsightLine[] {
  return insights.read({ keys: READ_KEYS }).map(({ record }) => ({
    session: record.session,
    site: record.site,
    tags: record.tags,
    kind: record.kind,
    reviewStatus: record.reviewStatus,
  }));
}

interface Taxonomy {
  /** A tag or synonym (normalized) → the tag and synonyms that count with it. */
  namesOf: Map<string, string[]>;
  /** Taxonomy tags as written, in tab order. */
  tags: string[];
}

function readTaxonomy(spreadsheet: Spreadsheet): Taxonomy {
  const namesOf = new Map<string, string[]>();
  const tags: string[] = [];
  const opened = openTable(spreadsheet, "Tags", { require: ["tag", "synonyms"] });
  if (!opened.ok) return { namesOf, tags };
  for (const { record } of opened.value.read({ keys: ["tag", "synonyms"] })) {
    const names = tagNames(record);
    const tag = names[0];
    if (!tag || namesOf.has(tag)) continue;
    tags.push(tag);
    for (const name of names) if (!namesOf.has(name)) namesOf.set(name, names);
  }
  return { namesOf, tags };
}

/** The tag a filter value stands for, with its synonyms when the taxonomy knows it. */
const namesFor = (taxonomy: Taxonomy, tag: string): string[] =>
  taxonomy.namesOf.get(normalizeTag(tag)) ?? [normalizeTag(tag)];

function matches(line: InsightLine, key: FilterKey, value: string, taxonomy: Taxonomy): boolean {
  if (key === "tag") return carriesTag(line.tags, namesFor(taxonomy, value));
  if (key === "reviewStatus") return statusOf(line) === value.toLowerCase();
  return line[key].trim() === value;
}

function count(values: string[]): FacetValue[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== "") counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([value, n]) => ({ value, count: n }))
    .sort((a, b) => a.value.localeCompare(b.value));
}

function facetsOf(lines: InsightLine[], taxonomy: Taxonomy): Record<FilterKey, FacetValue[]> {
  // Tags of the taxonomy count with their synonyms; other tags count as written (lower case).
  const tagCounts = new Map<string, number>();
  for (const line of lines) {
    const seen = new Set<string>();
    for (const tag of splitTags(line.tags)) seen.add(taxonomy.namesOf.get(tag)?.[0] ?? tag);
    for (const tag of seen) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  }
  return {
    session: count(lines.map((l) => l.session.trim())),
    site: count(lines.map((l) => l.site.trim())),
    tag: [...tagCounts]
      .map(([value, n]) => ({ value, count: n }))
      .sort((a, b) => a.value.localeCompare(b.value)),
    kind: count(lines.map((l) => l.kind.trim())),
    reviewStatus: count(lines.map(statusOf)),
  };
}

const noChoice = (): Record<FilterKey, string> => ({
  session: "",
  site: "",
  tag: "",
  kind: "",
  reviewStatus: "",
});

function storedChoice(): Record<FilterKey, string> {
  const out = noChoice();
  try {
    const parsed = JSON.parse(
      PropertiesService.getDocumentProperties().getProperty(PROPERTY) ?? "{}",
    ) as FilterChoice;
    for (const key of FILTER_KEYS) if (typeof parsed[key] === "string") out[key] = parsed[key] as string;
  } catch {
    // A damaged entry means no filter remembered.
  }
  return out;
}

function viewOf(spreadsheet: Spreadsheet, insights: Table<"Insights">): ReviewView {
  const lines = readLines(insights);
  const filter = insights.sheet.getFilter();
  return {
    total: lines.length,
    facets: facetsOf(lines, readTaxonomy(spreadsheet)),
    // The remembered choice holds only while the sheet still has a filter (a person may have removed it).
    applied: filter ? storedChoice() : noChoice(),
    statuses: [...SETTABLE],
  };
}

function openInsights(spreadsheet: Spreadsheet): Result<Table<"Insights">> {
  return openTable(spreadsheet, "Insights", { require: [...READ_KEYS] });
}

/** Peer Exchange › Review insights: the sidebar. */
export function showReviewInsights(): void {
  guardMenuAction("Review insights", () =>
    showStateSidebar("Review insights", "review", (spreadsheet) => {
      const insights = openInsights(spreadsheet);
      return insights.ok ? ok(viewOf(spreadsheet, insights.value)) : insights;
    }),
  );
}

/** Runs with the Insights tab open; any unexpected error becomes a message. */
function withInsights<T>(
  what: string,
  fn: (spreadsheet: Spreadsheet, insights: Table<"Insights">) => Result<T>,
): Result<T> {
  try {
    const workbook = openWorkbook();
    if (!workbook.ok) return workbook;
    const insights = openInsights(workbook.value);
    if (!insights.ok) return insights;
    return fn(workbook.value, insights.value);
  } catch (error) {
    return unexpected(what, error);
  }
}

/** google.script.run: the counts and the filter applied now. */
export function getInsightFacets(): Result<ReviewView> {
  return withInsights("The clips could not be read", (spreadsheet, insights) =>
    ok(viewOf(spreadsheet, insights)),
  );
}

function parseChoice(payload: unknown): Result<Record<FilterKey, string>> {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload))
    return fail("invalid_payload", "The filter could not be read. Reload the sidebar and try again.");
  const out = noChoice();
  for (const key of FILTER_KEYS) {
    const value = (payload as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string" || value.length > 1000)
      return fail("invalid_payload", "The filter could not be read. Reload the sidebar and try again.");
    out[key] = value.trim();
  }
  return ok(out);
}

/** The sheet's filter, made over the whole tab when there is none; refused when one leaves columns out. */
function sheetFilter(insights: Table<"Insights">): Result<GoogleAppsScript.Spreadsheet.Filter> {
  const sheet = insights.sheet;
  const existing = sheet.getFilter();
  const columns = FILTER_KEYS.map((k) => insights.columnOf(COLUMN_OF[k]) as number);
  if (existing) {
    const range = existing.getRange();
    const left = range.getColumn();
    const right = range.getLastColumn();
    if (range.getRow() !== 1 || columns.some((c) => c < left || c > right)) {
      return fail(
        "foreign_filter",
        `The Insights tab already has a filter on ${range.getA1Notation()} that leaves out columns this filter needs. Remove it (Data › Remove filter), then apply again.`,
      );
    }
    return ok(existing);
  }
  const width = Math.max(sheet.getLastColumn(), ...columns);
  return ok(sheet.getRange(1, 1, sheet.getMaxRows(), width).createFilter());
}

/**
 * google.script.run: filters Insights to the chosen session, site, tag, kind and review status (any left
 * empty is not filtered). Each column hides every value of the tab that does not match, so a new value
 * arriving later shows until the filter is applied again.
 */
export function applyInsightFilter(
  payload: unknown,
): Result<{ message: string; shown: number; view: ReviewView }> {
  return withInsights("The filter could not be applied", (spreadsheet, insights) => {
    const choice = parseChoice(payload);
    if (!choice.ok) return choice;
    const lines = readLines(insights);
    const taxonomy = readTaxonomy(spreadsheet);
    const chosen = FILTER_KEYS.filter((k) => choice.value[k] !== "");
    for (const key of chosen) {
      if (!lines.some((l) => matches(l, key, choice.value[key], taxonomy))) {
        return fail(
          "no_match",
          `No clip has ${key === "reviewStatus" ? "review status" : key} “${choice.value[key]}” now. Reload the sidebar and choose again.`,
        );
      }
    }
    const filter = sheetFilter(insights);
    if (!filter.ok) return filter;
    const criteria = (hidden: string[]) => SpreadsheetApp.newFilterCriteria().setHiddenValues(hidden).build();
    for (const key of FILTER_KEYS) {
      const column = insights.columnOf(COLUMN_OF[key]) as number;
      if (choice.value[key] === "") {
        filter.value.removeColumnFilterCriteria(column);
        continue;
      }
      const field = key === "tag" ? "tags" : key;
      const hidden = new Set<string>();
      for (const line of lines) {
        if (!matches(line, key, choice.value[key], taxonomy)) hidden.add(line[field as keyof InsightLine]);
      }
      // Blank cells are hidden too, except blank review statuses when filtering on "new".
      if (!(key === "reviewStatus" && choice.value[key] === "new")) hidden.add("");
      else hidden.delete("");
      filter.value.setColumnFilterCriteria(column, criteria([...hidden]));
    }
    PropertiesService.getDocumentProperties().setProperty(PROPERTY, JSON.stringify(choice.value));
    const shown = lines.filter((l) => chosen.every((k) => matches(l, k, choice.value[k], taxonomy))).length;
    const what = chosen.map((k) => `${k === "reviewStatus" ? "status" : k} “${choice.value[k]}”`).join(", ");
    return ok({
      shown,
      message:
        chosen.length === 0
          ? `Showing all ${lines.length} clips.`
          : `Showing ${shown} of ${lines.length} clips: ${what}. Apply again after new clips arrive.`,
      view: viewOf(spreadsheet, insights),
    });
  });
}

/** google.script.run: removes the filter this sidebar applied (the tab's own filter buttons go too). */
export function clearInsightFilter(): Result<{ message: string; view: ReviewView }> {
  return withInsights("The filter could not be removed", (spreadsheet, insights) => {
    const filter = insights.sheet.getFilter();
    if (filter) {
      for (const key of FILTER_KEYS)
        filter.removeColumnFilterCriteria(insights.columnOf(COLUMN_OF[key]) as number);
    }
    PropertiesService.getDocumentProperties().deleteProperty(PROPERTY);
    return ok({ message: "Showing every clip.", view: viewOf(spreadsheet, insights) });
  });
}

/** google.script.run: sets the review status of the selected clips (not of promoted ones). */
export function setReviewStatus(payload: unknown): Result<{ message: string; view: ReviewView }> {
  return withInsights("The review status could not be set", (spreadsheet, insights) => {
    const status =
      typeof payload === "object" && payload !== null
        ? (payload as Record<string, unknown>).status
        : undefined;
    if (status === "promoted") {
      return fail(
        "use_promote",
        "Use Peer Exchange › Promote to best practice: it marks clips promoted and links them to the practice.",
      );
    }
    if (typeof status !== "string" || !(SETTABLE as readonly string[]).includes(status))
      return fail("invalid_status", `Choose one of: ${SETTABLE.join(", ")}.`);
    const selected = selectedClips(spreadsheet, insights);
    if (!selected.ok) return selected;
    const promoted = selected.value.filter(
      (c) => c.record.promotedTo.trim() !== "" || c.record.reviewStatus.trim().toLowerCase() === "promoted",
    );
    if (promoted.length > 0) {
      return fail(
        "promoted",
        `Nothing was changed: ${promoted.map((c) => `row ${c.row} is promoted to ${c.record.promotedTo.trim() || "a practice"}`).join("; ")}. A promoted clip keeps its status while its practice refers to it; select only clips not yet promoted.`,
      );
    }
    insights.update(
      // A status from the dropdown's own list, checked above: written plain, as the strict dropdown expects.
      selected.value.map((c) => ({ row: c.row, values: { reviewStatus: status } })),
      { neutralize: false },
    );
    SpreadsheetApp.flush();
    const n = selected.value.length;
    return ok({
      message: `Marked ${n} clip${n === 1 ? "" : "s"} “${status}”.`,
      view: viewOf(spreadsheet, insights),
    });
  });
}
