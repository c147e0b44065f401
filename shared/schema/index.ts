// The workbook schema: one source of truth for set-up, the trackers, the clip endpoint and the sandbox.
import { type AnyTab, type TabByName, type TabName, tabs } from "./tabs";
import type { ColumnSpec, RowOf } from "./types";

export * from "./charter";
export * from "./formulaContext";
export * from "./formulaParts";
export * from "./settings";
export * from "./tabs";
export * from "./types";
export * from "./vocabulary";

const byName = new Map<string, AnyTab>(tabs.map((t) => [t.name, t]));

/** The schema of a tab by its name. */
export function tab<N extends TabName>(name: N): TabByName<N> {
  const spec = byName.get(name);
  if (!spec) throw new Error(`No tab named ${name} in the schema.`);
  return spec as TabByName<N>;
}

export function isTabName(name: string): name is TabName {
  return byName.has(name);
}

/** Column keys per tab, in schema order. */
export const columnKeys = Object.fromEntries(
  tabs.map((t) => [t.name, t.columns.map((c) => c.key)]),
) as unknown as {
  readonly [N in TabName]: readonly TabByName<N>["columns"][number]["key"][];
};

export type ColumnKey<N extends TabName> = TabByName<N>["columns"][number]["key"];

/** A column's schema by key, or throws (a bug: keys are typed). */
export function column<N extends TabName>(tabName: N, key: ColumnKey<N>): ColumnSpec {
  const spec = (tab(tabName).columns as readonly ColumnSpec[]).find((c) => c.key === key);
  if (!spec) throw new Error(`The ${tabName} tab has no column “${key}” in the schema.`);
  return spec;
}

/** Header text → canonical form used to match headers (case, spacing and quote style do not matter). */
export function normalizeHeader(text: unknown): string {
  return String(text ?? "")
    .normalize("NFC")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

export type RowFor<N extends TabName> = RowOf<TabByName<N>>;
export type TargetRow = RowFor<"Targets">;
export type PeerRow = RowFor<"Peers">;
export type ParticipantRow = RowFor<"Participants">;
export type AgendaRow = RowFor<"Agenda">;
export type SpeakingRow = RowFor<"Speaking">;
export type InsightRow = RowFor<"Insights">;
export type TagRow = RowFor<"Tags">;
export type PracticeRow = RowFor<"Practices">;
export type PracticeHistoryRow = RowFor<"Practice History">;
export type ActionRow = RowFor<"Actions">;
export type MeasureRow = RowFor<"Measures">;
export type MeasureAnalysisRow = RowFor<"Measure Analysis">;
export type AdoptionRow = RowFor<"Adoption">;
export type SurveyResponseRow = RowFor<"Survey Responses">;
export type EvaluationRow = RowFor<"Evaluation">;
export type FollowUpRow = RowFor<"Follow-up 30d">;
export type ImpactRow = RowFor<"Impact 12m">;
export type MemberRow = RowFor<"Community">;
export type SteeringRow = RowFor<"Steering Committee">;
export type CalendarRow = RowFor<"Exchange Calendar">;
export type ResourceRow = RowFor<"Resource Pool">;
