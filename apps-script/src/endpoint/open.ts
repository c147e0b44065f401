// The exchange workbook for the web app (sheets/workbook.ts: by the id set-up stored), as a protocol error
// when it cannot be opened.
import { type ErrorResponse, errorResponse } from "../../../shared/clip/protocol";
import { openWorkbook } from "../sheets/workbook";

export type Opened =
  | { ok: true; workbook: GoogleAppsScript.Spreadsheet.Spreadsheet }
  | { ok: false; response: ErrorResponse };

/**
 * A message written for the coordinator ("Run Set up / repair…"), as the scribe who reads it in the
 * extension can act on it: by passing it on.
 */
export function forCoordinator(message: string): string {
  return `The workbook cannot take clips yet. Ask the coordinator to fix this: ${message} The extension keeps your clips until then.`;
}

export function openExchange(): Opened {
  const opened = openWorkbook();
  if (opened.ok) return { ok: true, workbook: opened.value };
  const { code, message, retryable } = opened.error;
  return {
    ok: false,
    response: errorResponse(
      code === "no_workbook" ? "not_set_up" : "server_error",
      forCoordinator(message),
      retryable,
    ),
  };
}
