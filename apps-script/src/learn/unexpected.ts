// A sidebar call never throws at the page: an unexpected error becomes a message that says what to try.
import { fail, type Result } from "../sheets/result";

export function unexpected<T>(what: string, error: unknown): Result<T> {
  return fail(
    "unexpected",
    `${what}: ${String((error as Error)?.message ?? error)}. Reload the sidebar and try again.`,
    true,
  );
}
