// Check installation's report: what was found, each with ok / warning / problem and what to do, and the
// live checks of the behaviours the add-on relies on, as plain text a coordinator can read or send.

export type Level = "ok" | "warning" | "problem";

export interface CheckItem {
  topic: string;
  level: Level;
  /** What was found, in plain words. */
  finding: string;
  /** What to do about it; empty when nothing is to be done. */
  todo: string;
}

export interface LiveCheck {
  name: string;
  /** What the add-on (and the offline sandbox it is tested on) assumes Google does. */
  assumption: string;
  /** What this Google did. */
  observed: string;
  /** Whether this Google matches the assumption; null when the check could not run. */
  matches: boolean | null;
  /** Whether the add-on's results depend on it (else a difference only makes the sandbox less faithful). */
  relied: boolean;
  level: Level;
  todo: string;
}

export interface InstallationReport {
  at: string;
  workbook: string;
  items: CheckItem[];
  live: LiveCheck[];
  /** The web app address the dialog tests from the browser ("" when none is set). */
  webAppUrl: string;
  text: string;
}

const LABEL: Record<Level, string> = { ok: "OK", warning: "Warning", problem: "Problem" };

/** The level of a live check from its outcome. */
export function liveLevel(matches: boolean | null, relied: boolean): Level {
  if (matches === true) return "ok";
  if (matches === null) return "warning";
  return relied ? "problem" : "warning";
}

export function renderReport(report: Omit<InstallationReport, "text">): string {
  const lines = [`Peer Exchange installation check, ${report.at}`, `Workbook: ${report.workbook}`, ""];
  for (const item of report.items) {
    lines.push(`[${LABEL[item.level]}] ${item.topic}: ${item.finding}`);
    if (item.todo) lines.push(`    What to do: ${item.todo}`);
  }
  lines.push("", "Live checks, on a temporary tab removed afterwards:");
  for (const check of report.live) {
    const verdict = check.matches === null ? "could not be checked" : check.matches ? "matches" : "differs";
    lines.push(`[${LABEL[check.level]}] ${check.name}: ${verdict}.`);
    lines.push(`    Assumed: ${check.assumption}`);
    lines.push(`    This Google: ${check.observed}`);
    if (check.todo) lines.push(`    What to do: ${check.todo}`);
  }
  const problems = [...report.items, ...report.live].filter((i) => i.level === "problem").length;
  const warnings = [...report.items, ...report.live].filter((i) => i.level === "warning").length;
  lines.push(
    "",
    problems + warnings === 0
      ? "Everything checked is as the add-on expects."
      : `${problems} problem${problems === 1 ? "" : "s"} and ${warnings} warning${warnings === 1 ? "" : "s"}: see "What to do" above. When asking for help, send this whole report.`,
  );
  return lines.join("\n");
}
