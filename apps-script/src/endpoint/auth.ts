// Step 2 of doPost: who is asking. The token's scribe id finds the scribe; the secret's SHA-256 is
// compared with the stored hash in constant time; a revoked scribe or one over its rate is refused.
import { type ErrorResponse, errorResponse } from "../../../shared/clip/protocol";
import { constantTimeEqual, splitToken } from "../../../shared/clip/tokens";
import { hashSecret, readScribe, type ScribeRecord } from "./scribeStore";

/** Requests per scribe per minute; a scribe's extension sends far fewer (batches, backoff). */
const RATE_LIMIT_PER_MINUTE = 120;

export type AuthResult = { ok: true; scribe: ScribeRecord } | { ok: false; response: ErrorResponse };

const refused = (): AuthResult => ({
  ok: false,
  response: errorResponse(
    "unauthorized",
    "This scribe token is not valid for this workbook. Ask the coordinator for a new connection code (Peer Exchange → Connect a scribe…) and paste it into the extension's options.",
    false,
  ),
});

// A fixed hash to compare against when the scribe is unknown, so both paths do the same work.
const NO_SCRIBE_HASH = "0".repeat(64);

export function authenticate(token: string, now = new Date()): AuthResult {
  const parts = splitToken(token);
  if (!parts) return refused();
  const scribe = readScribe(parts.scribeId);
  const computed = hashSecret(parts.secret);
  const matches = constantTimeEqual(computed, scribe?.hash ?? NO_SCRIBE_HASH);
  if (!scribe || !matches) return refused();
  if (scribe.revoked) {
    return {
      ok: false,
      response: errorResponse(
        "revoked",
        `The coordinator revoked the connection for ${scribe.name}. Ask them to re-issue it (Peer Exchange → Re-issue a scribe's code…) and paste the new code into the extension's options.`,
        false,
      ),
    };
  }
  const limited = overRateLimit(scribe.id, now);
  return limited ? { ok: false, response: limited } : { ok: true, scribe };
}

/**
 * A fixed one-minute window per scribe in the script cache. Not atomic across executions, so a burst
 * may pass a few requests over the limit: it bounds abuse, it is not an exact quota.
 */
function overRateLimit(scribeId: string, now: Date): ErrorResponse | null {
  const cache = CacheService.getScriptCache();
  const minute = Math.floor(now.getTime() / 60_000);
  const key = `rate.${scribeId}.${minute}`;
  const used = Number(cache.get(key) ?? "0") || 0;
  if (used >= RATE_LIMIT_PER_MINUTE) {
    const wait = 60 - Math.floor((now.getTime() % 60_000) / 1000);
    return errorResponse(
      "rate_limited",
      `Too many requests from this scribe (more than ${RATE_LIMIT_PER_MINUTE} a minute). The extension will try again in ${wait} seconds.`,
      true,
      wait,
    );
  }
  cache.put(key, String(used + 1), 120);
  return null;
}
