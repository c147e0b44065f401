// Check commitments (seed: every site leaves with at least one owned action due within 30 days and a
// check-in within 4 weeks): names the sites that are missing either, and marks their Actions rows in the
// Commitment check column (red until fixed; rewritten on every run, so a fixed site is cleared).
import {
  CHECK_IN_DAYS,
  COMMITMENT_DAYS,
  commitmentGaps,
  dayText,
  gapText,
  isEmail,
} from "../../../shared/methods/followUps";
import { FIRST_DATA_ROW } from "../../../shared/schema";
import { guardMenuResult } from "../menuGuard";
import { openTable } from "../sheets/table";
import { openWorkbook } from "../sheets/workbook";
import { ACTION_KEYS, actionItems, dayClock, exchangeOf, selectedSites } from "./context";

const TITLE = "Check commitments";
const SHOWN = 20;

export interface CommitmentReport {
  ok: boolean;
  message: string;
  /** Sites still missing a commitment, with what they miss. */
  gaps: { site: string; missing: string }[];
  /** Owners named without a valid email. */
  ownersWithoutEmail: string[];
}

/** Peer Exchange › Check commitments. */
export function checkCommitments(): CommitmentReport {
  return guardMenuResult(TITLE, check, (message) => ({
    ok: false,
    message,
    gaps: [],
    ownersWithoutEmail: [],
  }));
}

function check(): CommitmentReport {
  const ui = SpreadsheetApp.getUi();
  const say = (message: string, rest: Partial<CommitmentReport> = {}): CommitmentReport => {
    ui.alert(TITLE, message, ui.ButtonSet.OK);
    return { ok: false, message, gaps: [], ownersWithoutEmail: [], ...rest };
  };
  const workbook = openWorkbook();
  if (!workbook.ok) return say(workbook.error.message);
  const spreadsheet = workbook.value;
  const clock = dayClock(spreadsheet);
  const exchange = exchangeOf(spreadsheet, clock);
  if (!exchange.ok) return say(exchange.error.message);
  const sites = selectedSites(spreadsheet);
  if (!sites.ok) return say(sites.error.message);
  const table = openTable(spreadsheet, "Actions", { require: [...ACTION_KEYS, "commitmentCheck"] });
  if (!table.ok) return say(table.error.message);
  const rows = table.value.read({ keys: [...ACTION_KEYS, "commitmentCheck"] });
  const items = actionItems(rows, clock);
  const gaps = commitmentGaps(sites.value, items, exchange.value.day);
  const bySite = new Map(gaps.map((g) => [g.site, g]));

  // The whole column is rewritten in one block, and only when a mark changes: a second run with
  // nothing fixed writes nothing, and a fixed site's marks are cleared.
  const marks = rows.map((r) => ({
    row: r.row,
    before: r.record.commitmentCheck,
    after: gapText(bySite.get(r.record.site.trim())),
  }));
  const column = table.value.columnOf("commitmentCheck") as number;
  if (marks.some((m) => m.before !== m.after)) {
    const block: string[][] = Array.from({ length: table.value.lastRow() - FIRST_DATA_ROW + 1 }, () => [""]);
    for (const m of marks) block[m.row - FIRST_DATA_ROW] = [m.after];
    table.value.sheet.getRange(FIRST_DATA_ROW, column, block.length, 1).setValues(block);
  }

  const ownersWithoutEmail = [
    ...new Set(
      items
        .filter((a) => a.owner.trim() !== "" && !isEmail(a.ownerEmail))
        .map((a) => `${a.owner.trim()} (${a.site}, row ${a.row})`),
    ),
  ];
  const due = dayText(exchange.value.day + COMMITMENT_DAYS);
  const checkIn = dayText(exchange.value.day + CHECK_IN_DAYS);
  const withRows = new Set(items.map((a) => a.site));
  const lines: string[] = [];
  if (gaps.length === 0) {
    lines.push(
      `All ${sites.value.length} selected sites have an owned action (owner and email) due by ${due} and a check-in by ${checkIn}.`,
    );
  } else {
    lines.push(
      `${gaps.length} of ${sites.value.length} selected sites still have to commit (an owned action due by ${due}, a check-in by ${checkIn}):`,
      gaps
        .slice(0, SHOWN)
        .map(
          (g) =>
            `• ${g.site}: ${withRows.has(g.site) ? gapText(g) : "no rows on the Actions tab yet (run Peer Exchange › Plan actions)"}.`,
        )
        .join("\n") + (gaps.length > SHOWN ? `\n…and ${gaps.length - SHOWN} more.` : ""),
      "Their rows on the Actions tab are marked in red, with what is missing in the Commitment check column, until you fill it in and run Check commitments again.",
    );
  }
  if (ownersWithoutEmail.length > 0)
    lines.push(
      `These owners have no valid email, so their actions do not count and they get no reminders: ${ownersWithoutEmail.slice(0, SHOWN).join(", ")}${ownersWithoutEmail.length > SHOWN ? ` and ${ownersWithoutEmail.length - SHOWN} more` : ""}. Add it in the Owner email column.`,
    );
  ui.alert(TITLE, lines.join("\n\n"), ui.ButtonSet.OK);
  return {
    ok: true,
    message: lines.join("\n\n"),
    gaps: gaps.map((g) => ({ site: g.site, missing: gapText(g) })),
    ownersWithoutEmail,
  };
}
