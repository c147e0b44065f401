// The exchange workbook for the web app (sheets/workbook.ts: by the id set-up stored), as a protocol error
// when it cannot be opened.
import { type ErrorResponse, errorResponse } from "../../../shared/clip/protocol";
import { openWorkbook } from "../sheets/workbook";

export type Opened =
  | { ok: true; workbook: GoogleAppsScript.Spreadsheet.Spreadsheet }
  | { ok: false; response: ErrorResponse };

export function openExchange(): Opened {
  const opened = openWorkbook();
  if (opened.ok) return { ok: true, workbook: opened.value };
  const { code, message, retryable } = opened.error;
  return {
    ok: false,
    response: errorResponse(code === "no_workbook" ? "not_set_up" : "server_error", message, retryable),
  };
}
