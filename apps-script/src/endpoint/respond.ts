// The endpoint's only way out: every answer, success or error, is JSON served by ContentService.
import { type EndpointResponse, errorResponse } from "../../../shared/clip/protocol";

export function respond(response: EndpointResponse): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(response)).setMimeType(ContentService.MimeType.JSON);
}

/** A bug or a Google service failure: retryable, since the request itself was fine. */
export function serverError(error: unknown): EndpointResponse {
  const detail = error instanceof Error ? error.message : String(error);
  return errorResponse(
    "server_error",
    `The workbook could not take the request (${detail}). The extension will try again; if this keeps happening, tell the coordinator.`,
    true,
    30,
  );
}
