// What a script may touch in each authorization mode. In AuthMode.NONE (an add-on's onOpen before the
// user authorized it) only the menu may be built; in AuthMode.LIMITED (a simple trigger: onOpen, onEdit)
// the bound document, properties, cache and lock, but no service that needs authorization: "a simple
// trigger cannot send an email", nor open other files.
// https://developers.google.com/apps-script/guides/triggers#restrictions

import type { EmulatorEnv } from "./env.ts";
import { exception } from "./spreadsheet/context.ts";

/** The scope Apps Script names when a call is refused; PropertiesService needs none, so none is named. */
const scopes: Record<string, string> = {
  MailApp: "https://www.googleapis.com/auth/script.send_mail",
  ScriptApp: "https://www.googleapis.com/auth/script.scriptapp",
  FormApp: "https://www.googleapis.com/auth/forms",
  DocumentApp: "https://www.googleapis.com/auth/documents",
};

/**
 * Throws Apps Script's permission error when the script runs without authorization (AuthMode.NONE), or
 * calls a scoped service for a user whose authorization was lost.
 */
export function requireAuthorization(env: EmulatorEnv, service: string, method: string): void {
  const scoped = service in scopes;
  const refused =
    env.authMode === "NONE" ||
    (scoped && env.authMode === "LIMITED") ||
    (scoped && env.authorizationLost.has(env.user));
  if (!refused) return;
  const scope = scopes[service];
  throw exception(
    `You do not have permission to call ${service}.${method}.${scope ? ` Required permissions: ${scope}` : ""}`,
  );
}

/** UTF-8 size of a string, as the Apps Script quotas count it. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
