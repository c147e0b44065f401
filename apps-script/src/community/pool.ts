// Resource Pool: the current balance (contributions minus expenses), read in one block.
import { poolBalance } from "../../../shared/methods/community";
import { openTable } from "../sheets/table";

export interface PoolBalance {
  balance: number;
  entries: number;
}

/** The pool's balance, or null without a Resource Pool tab in shape (set-up repairs it). */
export function readPoolBalance(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): PoolBalance | null {
  const opened = openTable(spreadsheet, "Resource Pool", { require: ["kind", "amount"] });
  if (!opened.ok) return null;
  const rows = opened.value.read({ keys: ["kind", "amount"] }).map((r) => ({
    kind: String(r.record.kind),
    amount: r.record.amount as number | "",
  }));
  return { balance: poolBalance(rows), entries: rows.filter((r) => r.amount !== "").length };
}

export function formatAmount(x: number): string {
  return x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** "Resource pool balance: 1,250.00 (4 entries)." */
export function poolLine(pool: PoolBalance | null): string {
  if (!pool)
    return "The Resource Pool tab is missing a column: run Peer Exchange › Set up / repair workbook.";
  if (pool.entries === 0) return "Resource pool: no contributions or expenses yet.";
  return `Resource pool balance: ${formatAmount(pool.balance)} (contributions minus expenses, ${pool.entries} ${pool.entries === 1 ? "entry" : "entries"}).`;
}
