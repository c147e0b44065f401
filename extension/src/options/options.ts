// Options: paste the connection code, see the workbook and scribe, refresh lists, PHI mode, defaults,
// and grant meeting sites (then the background registers caption scripts for those sites only).
import browser from "webextension-polyfill";
import { CLIP_KINDS, type ClipKind } from "../../../shared/clip/protocol";
import { decodeConnectionCode } from "../../../shared/clip/tokens";
import { meetingHostPermissions } from "../../manifest/manifest";
import { maxRecentSeconds } from "../captions/messages";
import { ask } from "../clipper/ask";
import { byId, el, fillDatalist } from "../clipper/dom";
import { sendQueueWhenOnline } from "../clipper/online";
import { type ClipperSettings, defaultSettings } from "../clipper/settings";
import type { Answer, StateView } from "../messages";
import { parseTags } from "../popup/tags";

const status = byId("status");
const hostLabels: Record<string, string> = {
  "https://meet.google.com/*": "Google Meet",
  "https://teams.microsoft.com/*": "Microsoft Teams (work)",
  "https://teams.live.com/*": "Microsoft Teams (personal)",
  "https://app.zoom.us/*": "Zoom web client",
  "https://*.zoom.us/*": "Zoom (company sites)",
  "https://*.webex.com/*": "Webex",
};

function say(message: string, tone: boolean | "warning" = false): void {
  status.textContent = message;
  status.className = tone === "warning" ? "warning" : tone ? "error" : "";
}

/** Marks the connection code field as wrong (or right again) for screen readers and the eye. */
function markCode(invalid: boolean): void {
  const field = byId<HTMLTextAreaElement>("code");
  if (invalid) {
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", "code-help status");
    field.focus();
  } else {
    field.removeAttribute("aria-invalid");
    field.setAttribute("aria-describedby", "code-help");
  }
}

/** A definition row with nothing to say is hidden rather than shown empty. */
function showRow(id: string, text: string): void {
  byId(id).textContent = text;
  byId(id).hidden = text === "";
  const term = document.querySelector<HTMLElement>(`dt[data-for="${id}"]`);
  if (term) term.hidden = text === "";
}

async function show(): Promise<StateView> {
  const state = await ask<StateView & { ok: true }>({ type: "state.get" });
  const { connection, workbook, settings } = state;
  byId("connection").hidden = !connection;
  byId("refresh").hidden = !connection;
  byId("forget").hidden = !connection;
  byId("workbook-title").textContent = workbook?.workbook.title ?? "(not reached yet)";
  byId("scribe-name").textContent = workbook?.scribe.name ?? connection?.scribe ?? "";
  byId("endpoint-url").textContent = connection?.url ?? "";
  showRow("fetched-at", workbook ? new Date(workbook.fetchedAt).toLocaleString() : "");
  showRow(
    "list-sizes",
    workbook
      ? `${workbook.tags.length} tags, ${workbook.kinds.length} kinds, ${workbook.sessions.length} sessions today, ${workbook.sites.length} sites`
      : "",
  );
  if (connection) byId<HTMLInputElement>("with-credentials").checked = connection.withCredentials;
  const kinds = workbook?.kinds?.length ? workbook.kinds : CLIP_KINDS;
  const kindSelect = byId<HTMLSelectElement>("default-kind");
  kindSelect.replaceChildren(...kinds.map((kind) => el("option", { value: kind }, kind)));
  kindSelect.value = settings.defaultKind;
  fillDatalist(byId<HTMLDataListElement>("tag-options"), workbook?.tags.map((t) => t.tag) ?? []);
  byId<HTMLInputElement>("default-tags").value = settings.defaultTags.join(", ");
  byId<HTMLInputElement>(settings.phi === "block" ? "phi-block" : "phi-warn").checked = true;
  byId<HTMLInputElement>("caption-seconds").value = String(settings.captionSeconds);
  byId("caption-hosts").textContent = state.captionHosts.length
    ? `Reading captions on: ${state.captionHosts.map((h) => hostLabels[h] ?? h).join(", ")}.`
    : "No meeting sites allowed yet.";
  const fieldset = byId("meeting-hosts");
  for (const label of fieldset.querySelectorAll("label")) label.remove();
  for (const host of meetingHostPermissions) {
    const box = el("input", { type: "checkbox", value: host });
    (box as HTMLInputElement).checked = state.captionHosts.includes(host);
    fieldset.append(el("label", {}, box, ` ${hostLabels[host] ?? host}`));
  }
  return state;
}

byId<HTMLFormElement>("connect-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  say("Connecting…");
  const code = byId<HTMLTextAreaElement>("code").value;
  const decoded = decodeConnectionCode(code);
  if (!decoded.ok) {
    say(decoded.message, true);
    markCode(true);
    return;
  }
  const withCredentials = byId<HTMLInputElement>("with-credentials").checked;
  const answer = await ask<Answer>({ type: "connection.connect", code, withCredentials });
  const state = await show();
  // Saved even when the workbook did not answer yet (it is down): a warning, not a wrong code.
  const saved =
    state.connection?.url === decoded.value.url && state.connection.scribe === decoded.value.scribe;
  if (answer.ok || saved) byId<HTMLTextAreaElement>("code").value = "";
  markCode(!answer.ok && !saved);
  if (answer.ok) say("Connected.");
  else say(answer.message, saved ? "warning" : true);
});

byId("refresh").addEventListener("click", async () => {
  say("Refreshing…");
  const answer = await ask<Answer>({ type: "connection.refresh" });
  say(answer.ok ? "Tags, kinds, sessions and sites are up to date." : answer.message, !answer.ok);
  await show();
});

byId("forget").addEventListener("click", async () => {
  await ask<Answer>({ type: "connection.forget" });
  say("Disconnected. Clips you make stay queued until you connect again.");
  await show();
});

byId<HTMLFormElement>("settings-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const seconds = Number(byId<HTMLInputElement>("caption-seconds").value);
  const settings: ClipperSettings = {
    phi: byId<HTMLInputElement>("phi-block").checked ? "block" : "warn",
    defaultKind: byId<HTMLSelectElement>("default-kind").value as ClipKind,
    defaultTags: parseTags(byId<HTMLInputElement>("default-tags").value),
    captionSeconds:
      Number.isFinite(seconds) && seconds >= 5
        ? Math.min(maxRecentSeconds, Math.round(seconds))
        : defaultSettings.captionSeconds,
  };
  const answer = await ask<Answer>({ type: "settings.save", settings });
  say(answer.ok ? "Saved." : answer.message, !answer.ok);
  await show();
});

byId("grant").addEventListener("click", async () => {
  const chosen = [...byId("meeting-hosts").querySelectorAll<HTMLInputElement>("input:checked")].map(
    (b) => b.value,
  );
  // permissions.request must run in the click's user gesture, before any other await.
  const granted = chosen.length ? await browser.permissions.request({ origins: chosen }) : true;
  // Revoke only unticked sites that are granted now: removing a wider pattern that was never granted
  // ("https://*.zoom.us/*") also revoked the narrower one just granted ("https://app.zoom.us/*").
  const { origins: held = [] } = await browser.permissions.getAll();
  const unchosen = meetingHostPermissions.filter((h) => !chosen.includes(h) && held.includes(h));
  if (unchosen.length) await browser.permissions.remove({ origins: [...unchosen] });
  const answer = await ask<Answer<{ hosts: string[] }>>({ type: "captions.sync" });
  if (!granted) say("The browser did not grant access to those sites.", true);
  else say(answer.ok ? "Caption capture is set for the chosen sites." : answer.message, !answer.ok);
  await show();
});

sendQueueWhenOnline();
void show().catch((error: unknown) => say(`Something went wrong: ${String(error)}`, true));
