// Step 1 of doPost: the text/plain body, parsed once into a checked envelope (version, token, op, batch).
import { checkEnvelope, type EnvelopeResult, parseBody } from "../../../shared/clip/validate";

export function parseRequest(event: GoogleAppsScript.Events.DoPost | undefined): EnvelopeResult {
  const parsed = parseBody(event?.postData?.contents);
  return parsed.ok ? checkEnvelope(parsed.value) : parsed;
}
