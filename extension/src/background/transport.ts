// Requests to the workbook's endpoint: JSON as text/plain (no CORS preflight), from the service worker only.

import type {
  ClipRequest,
  ClipResponse,
  EndpointError,
  EndpointResponse,
  ErrorCode,
  HelloRequest,
  HelloResponse,
} from "../../../shared/clip/protocol";
import { PROTOCOL_VERSION } from "../../../shared/clip/protocol";
import type { ConnectionDetails } from "../../../shared/clip/tokens";
import { scriptErrorPage } from "./scriptErrorPage";

/** What the connection code carries, plus how requests go. */
export interface Connection extends ConnectionDetails {
  /** DOMAIN-only deployments: send the browser's Google session with each request. */
  withCredentials?: boolean;
}

/** The endpoint's own errors, plus the two the network adds. */
export interface TransportError extends Omit<EndpointError, "code"> {
  code: ErrorCode | "network" | "bad_response";
}

export type Sent<T> = { ok: true; response: T } | { ok: false; error: TransportError };

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

function failure(
  code: TransportError["code"],
  message: string,
  retryable: boolean,
): { ok: false; error: TransportError } {
  return { ok: false, error: { code, message, retryable } };
}

/** Posts one request and reads the endpoint's JSON answer; never throws. */
export async function postToEndpoint<T extends EndpointResponse>(
  connection: Connection,
  body: HelloRequest | ClipRequest,
  fetchImpl: FetchLike = fetch,
): Promise<Sent<Exclude<T, { ok: false }>>> {
  let response: Response;
  try {
    response = await fetchImpl(connection.url, {
      method: "POST",
      headers: { "Content-Type": "text/plain;charset=utf-8" },
      body: JSON.stringify(body),
      credentials: connection.withCredentials ? "include" : "omit",
      redirect: "follow",
    });
  } catch {
    // Signed out, an organisation-only web app redirects to Google's sign-in page, which the extension
    // may not fetch: that too arrives here, so say what to check.
    const signIn = connection.withCredentials
      ? " If this keeps happening, check that you are signed in to Google in this browser."
      : "";
    return failure(
      "network",
      `Could not reach the workbook. Clips stay queued and are sent when it answers.${signIn}`,
      true,
    );
  }
  let text = "";
  try {
    text = await response.text();
  } catch {
    return failure("network", "The connection dropped while the workbook answered. Clips stay queued.", true);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const retryable = response.status >= 500 || response.status === 429 || response.ok;
    // A DOMAIN-only web app answers a signed-out browser with Google's sign-in page (ARCHITECTURE.md).
    if (/accounts\.google\.com|ServiceLogin|Sign in - Google Accounts/i.test(text)) {
      return failure(
        "bad_response",
        "Google asked for a sign-in before letting the Clipper reach the workbook. The web app only allows your organisation: sign in to Google in this browser. Clips stay queued.",
        false,
      );
    }
    const thrown = response.ok ? scriptErrorPage(text) : null;
    if (thrown) {
      return failure(
        "bad_response",
        thrown.transient
          ? `The workbook was too busy to answer (Google said: ${thrown.error}). Clips stay queued and go again shortly.`
          : `The workbook's script stopped with an error (Google said: ${thrown.error}). Clips stay queued; ask the coordinator to run Peer Exchange › Check installation.`,
        thrown.transient,
      );
    }
    const hint =
      response.status === 401 || response.status === 403 || /<html/i.test(text)
        ? " If the web app only allows your organisation, sign in to Google in this browser."
        : "";
    return failure(
      "bad_response",
      `The workbook's address answered with something other than Peer Exchange (HTTP ${response.status}).${hint}`,
      retryable && !hint,
    );
  }
  const answer = parsed as EndpointResponse;
  if (typeof answer !== "object" || answer === null || typeof answer.ok !== "boolean") {
    return failure("bad_response", "The workbook's answer was not understood. Update the extension.", false);
  }
  if (!answer.ok) {
    const error = answer.error ?? {
      code: "server_error",
      message: "The workbook reported an error.",
      retryable: true,
    };
    return { ok: false, error };
  }
  return { ok: true, response: answer as Exclude<T, { ok: false }> };
}

export function hello(connection: Connection, fetchImpl?: FetchLike): Promise<Sent<HelloResponse>> {
  return postToEndpoint<HelloResponse>(
    connection,
    { v: PROTOCOL_VERSION, token: connection.token, op: "hello" },
    fetchImpl,
  );
}

export async function sendClips(
  connection: Connection,
  clips: ClipRequest["clips"],
  fetchImpl?: FetchLike,
): Promise<Sent<ClipResponse>> {
  const sent = await postToEndpoint<ClipResponse>(
    connection,
    { v: PROTOCOL_VERSION, token: connection.token, op: "clip", clips },
    fetchImpl,
  );
  // An "ok" without a list of results confirms nothing: the clips stay queued and go again.
  if (sent.ok && !Array.isArray(sent.response.results)) {
    return failure(
      "bad_response",
      "The workbook's answer did not list the clips it received. Clips stay queued and are sent again.",
      true,
    );
  }
  return sent;
}
