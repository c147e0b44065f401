// Errors as values at the edges: what went wrong, in words a coordinator can act on.

export interface EdgeError {
  code: string;
  message: string;
  retryable: boolean;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: EdgeError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(code: string, message: string, retryable = false): Result<T> => ({
  ok: false,
  error: { code, message, retryable },
});

/** What to do when the workbook is not in shape: the one menu item that fixes it. */
export const REPAIR_HINT = "Run Peer Exchange › Set up / repair workbook.";
