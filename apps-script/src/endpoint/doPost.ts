// The clip endpoint's pipeline: parse → authenticate → (hello | validate → append) → respond.
// Everything that can refuse a request (or every clip of it) runs before the workbook is opened.
import { appendClips, clipResponse, validateBatch } from "./append";
import { authenticate } from "./auth";
import { hello } from "./hello";
import { openExchange } from "./open";
import { parseRequest } from "./parse";
import { respond, serverError } from "./respond";

export function handlePost(
  event: GoogleAppsScript.Events.DoPost | undefined,
): GoogleAppsScript.Content.TextOutput {
  try {
    const parsed = parseRequest(event);
    if (!parsed.ok) return respond(parsed.response);
    const request = parsed.envelope;
    const auth = authenticate(request.token);
    if (!auth.ok) return respond(auth.response);
    if (request.op === "hello") {
      const opened = openExchange();
      return respond(opened.ok ? hello(opened.workbook, auth.scribe) : opened.response);
    }
    const batch = validateBatch(request.clips);
    if (batch.valid.length === 0) return respond(clipResponse(batch));
    const opened = openExchange();
    return respond(opened.ok ? appendClips(opened.workbook, batch, auth.scribe) : opened.response);
  } catch (error) {
    return respond(serverError(error));
  }
}
