// Apps Script answers a web app whose script threw with HTTP 200 and an HTML page naming the error
// (field report: https://openillumi.com/gas-dopost-500-error-workaround). Some of those errors pass on
// their own (Google's limits: time, simultaneous executions, busy services) and the clips should simply
// go again; the rest need the coordinator.

/** Errors that pass on their own: https://developers.google.com/apps-script/guides/services/quotas */
const TRANSIENT =
  /Exceeded maximum execution time|too many scripts running|too many simultaneous invocations|Service invoked too many times in a short time|Service Spreadsheets timed out|Lock timeout|Server error occurred|try again later|temporarily unavailable/i;

export interface ScriptErrorPage {
  /** The error as the page states it, without markup, at most 200 characters. */
  error: string;
  /** The error passes on its own, so the request may go again unchanged. */
  transient: boolean;
}

/** The script's error from an Apps Script error page, or null when the text is not one. */
export function scriptErrorPage(text: string): ScriptErrorPage | null {
  if (!/<html|<!doctype html/i.test(text)) return null;
  const plain = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  const stated = /\b(?:Exception|Error|TypeError|ReferenceError):\s*(.+?)(?:\s*\(line \d+.*)?$/.exec(plain);
  if (!stated?.[1]) return null;
  const error = stated[1].slice(0, 200);
  return { error, transient: TRANSIENT.test(error) };
}
