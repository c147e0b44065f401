// The toolbar popup: what will be clipped, how it is labelled, the PHI review, and the queue's lists.
import browser from "webextension-polyfill";
import { type PhiFinding, phiTypeLabels, summarizeFindings, warmUpPhi } from "../../../shared/clip/phi";
import { CLIP_KINDS, type ClipKind, type PhiCheck } from "../../../shared/clip/protocol";
import type { DeliveryOutcome } from "../background/delivery";
import type { QueuedClip } from "../background/queue";
import { emptyCaptionsMessage } from "../captions/messages";
import { ask } from "../clipper/ask";
import { byId, el, fillDatalist, highlighted, when } from "../clipper/dom";
import { sendQueueWhenOnline } from "../clipper/online";
import { detectClipPhi, phiCheck, redactClip } from "../clipper/phiPolicy";
import {
  captionText,
  clipSource,
  mainSpeaker,
  platformOf,
  sessionAt,
  siteForSpeaker,
} from "../clipper/prefill";
import { readCaptions, readSelection } from "../clipper/tabs";
import type { Answer, ClipDraft, QueueView, StateView } from "../messages";
import { reasonForScribe, retryStatus, sendNowResult } from "./statusText";
import { TagPicker } from "./tags";

const form = byId<HTMLFormElement>("clip-form");
const textArea = byId<HTMLTextAreaElement>("text");
const status = byId("status");
const kindSelect = byId<HTMLSelectElement>("kind");
const speakerInput = byId<HTMLInputElement>("speaker");
const siteInput = byId<HTMLInputElement>("site");
const sessionInput = byId<HTMLInputElement>("session");
const confidential = byId<HTMLInputElement>("confidential");
const seconds = byId<HTMLInputElement>("seconds");
const attest = byId<HTMLInputElement>("attest");
const clipButton = byId<HTMLButtonElement>("clip-button");
const tags = new TagPicker(byId<HTMLUListElement>("tag-chips"), byId<HTMLInputElement>("tag-input"));

let state: StateView | null = null;
let tab: { id: number; url: string; title: string } | null = null;
let source = { url: "", title: "" };
let findings: PhiFinding[] = [];
/** What the detector found before the scribe redacted, for the clip's record. */
let redactedFrom: PhiFinding[] | null = null;
/** The speakers of the loaded captions: their labels in the text are not PHI. */
let captionSpeakers: string[] = [];

function say(message: string, isError = false): void {
  status.textContent = message;
  status.className = isError ? "error" : "";
}

/** The tab to clip from: ?tab=ID when the popup is opened in its own tab, else the active tab. */
async function targetTab(): Promise<typeof tab> {
  const param = new URLSearchParams(location.search).get("tab");
  const found = param
    ? await browser.tabs.get(Number(param))
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return found?.id === undefined ? null : { id: found.id, url: found.url ?? "", title: found.title ?? "" };
}

async function loadSelection(): Promise<void> {
  if (!tab) return;
  const answer = await readSelection(tab.id);
  captionSpeakers = [];
  if (!answer) say("This page cannot be read. You can type or paste the text to clip.");
  source = { url: answer?.url || tab.url, title: answer?.title || tab.title };
  textArea.value = answer?.text?.trim() ?? "";
  if (!textArea.value && answer) say("Nothing is selected. Select text on the page, or type it here.");
  checkPhi();
  announcePhi();
}

/** Says so in the status line (a live region) when loaded text has findings: the section alone is silent. */
function announcePhi(before = ""): void {
  if (findings.length === 0) return;
  const found = findings.length === 1 ? "1 possible identifier" : `${findings.length} possible identifiers`;
  say(`${before}Possible PHI: ${found} highlighted. Redact, or confirm it is not PHI, before clipping.`);
}

async function loadCaptions(): Promise<void> {
  if (!tab) return;
  const answer = await readCaptions(tab.id, Number(seconds.value) || 30);
  source = { url: tab.url, title: tab.title };
  captionSpeakers = answer ? [...new Set(answer.lines.map((line) => line.speaker))] : [];
  if (!answer) {
    textArea.value = "";
    say(
      "No captions here. Turn on captions in the meeting, and allow this meeting site in the options.",
      true,
    );
    checkPhi();
    return;
  }
  textArea.value = answer.text || captionText(answer.lines);
  const speaker = mainSpeaker(answer.lines);
  if (speaker) speakerInput.value = speaker;
  const site = state?.workbook ? siteForSpeaker(speaker, state.workbook.sites) : undefined;
  if (site) siteInput.value = site.label;
  // Lines read earlier may be there while the platform's page changed under the reader: say so too.
  const unreadable = answer.health === "unreadable" ? ` ${emptyCaptionsMessage(answer)}` : "";
  say(
    answer.lines.length ? `${answer.lines.length} caption lines.${unreadable}` : emptyCaptionsMessage(answer),
    unreadable !== "",
  );
  checkPhi();
  if (answer.lines.length) announcePhi(`${answer.lines.length} caption lines. `);
}

function selectedSource(): "selection" | "captions" {
  return byId<HTMLInputElement>("what-captions").checked ? "captions" : "selection";
}

/** Runs the detector on the text as it is now and shows its findings. */
function checkPhi(): void {
  findings = detectClipPhi(textArea.value, captionSpeakers);
  const block = state?.settings.phi === "block";
  const section = byId("phi");
  section.hidden = findings.length === 0;
  byId("phi-preview").replaceChildren(highlighted(textArea.value, findings));
  const counts = summarizeFindings(findings);
  byId("phi-list").replaceChildren(
    ...Object.entries(counts).map(([type, n]) =>
      el("li", {}, `${phiTypeLabels[type as keyof typeof phiTypeLabels]}: ${n}`),
    ),
  );
  byId("phi-blocked").hidden = !block;
  byId("attest-label").hidden = block;
  if (findings.length === 0) attest.checked = false;
  clipButton.disabled = findings.length > 0 && (block || !attest.checked);
}

function phiRecord(): PhiCheck {
  if (findings.length) return phiCheck(findings, "attested");
  if (redactedFrom?.length) return phiCheck(redactedFrom, "redacted");
  return phiCheck([], "none");
}

async function submit(event: Event): Promise<void> {
  event.preventDefault();
  tags.commit();
  checkPhi();
  if (clipButton.disabled) {
    say("Redact the highlighted text, or confirm it is not PHI, before clipping.", true);
    return;
  }
  const draft: ClipDraft = {
    kind: kindSelect.value as ClipKind,
    text: textArea.value.trim(),
    tags: tags.tags,
    source: clipSource(source.url, source.title),
    confidential: confidential.checked,
    phi: phiRecord(),
  };
  if (speakerInput.value.trim()) draft.speaker = speakerInput.value.trim();
  if (siteInput.value.trim()) draft.site = siteInput.value.trim();
  if (sessionInput.value.trim()) draft.session = sessionInput.value.trim();
  const answer = await ask<Answer<{ id: string }>>({
    type: "clip.submit",
    draft,
    speakers: captionSpeakers,
  });
  if (!answer.ok) {
    say(answer.message, true);
    return;
  }
  say("Clipped. It is saved and will be sent to the workbook.");
  textArea.value = "";
  redactedFrom = null;
  checkPhi();
  await showQueue();
}

/** The id of the element holding a clip's preview, so its buttons can say which clip they act on. */
function previewId(record: QueuedClip): string {
  return `preview-${record.clip.id}`;
}

function clipItem(record: QueuedClip, ...extra: Node[]): HTMLLIElement {
  const item = el("li", {}, el("strong", {}, record.clip.kind), ` · ${when(record.queuedAt)} · `);
  item.append(el("span", { id: previewId(record) }, record.clip.text.slice(0, 160)));
  if (record.clip.tags.length)
    item.append(el("span", { class: "muted" }, ` [${record.clip.tags.join(", ")}]`));
  item.append(...extra);
  return item;
}

/** A button whose accessible description is the clip it acts on (its name stays the visible label). */
function button(label: string, onClick: () => Promise<void>, describedBy?: string): HTMLButtonElement {
  const b = el(
    "button",
    describedBy ? { type: "button", "aria-describedby": describedBy } : { type: "button" },
    label,
  );
  b.addEventListener("click", () => void onClick());
  return b;
}

function heldItem(record: QueuedClip): HTMLLIElement {
  const found = record.findings ?? detectClipPhi(record.clip.text, record.speakers);
  const preview = el("div", { class: "preview", id: previewId(record) });
  preview.append(highlighted(record.clip.text, found));
  const block = state?.settings.phi === "block";
  const act = async (text: string, action: "redacted" | "attested") => {
    const answer = await ask<Answer>({ type: "clip.release", id: record.clip.id, text, action });
    say(answer.ok ? "Sent for delivery." : answer.message, !answer.ok);
    await showQueue();
  };
  const controls = el("div", { class: "row" });
  const about = previewId(record);
  controls.append(
    button("Redact and send", () => act(redactClip(record.clip.text, record.speakers), "redacted"), about),
  );
  if (!block) controls.append(button("Send as is (not PHI)", () => act(record.clip.text, "attested"), about));
  controls.append(
    button(
      "Discard",
      async () => {
        await ask<Answer>({ type: "queue.dismiss", id: record.clip.id });
        await showQueue();
      },
      about,
    ),
  );
  return el("li", {}, el("p", { class: "warning" }, record.reason ?? "Possible PHI"), preview, controls);
}

async function showQueue(): Promise<void> {
  const view = await ask<Answer<QueueView>>({ type: "queue.list" });
  if (!view.ok) return;
  byId("review").hidden = view.held.length === 0;
  byId("held-list").replaceChildren(...view.held.map(heldItem));
  byId("pending-count").textContent = String(view.pending.length);
  byId("pending-empty").hidden = view.pending.length > 0;
  byId("send-now").hidden = view.pending.length === 0;
  byId("pending-list").replaceChildren(
    ...view.pending.map((r) =>
      r.reason ? clipItem(r, el("span", { class: "muted wait-reason" }, r.reason)) : clipItem(r),
    ),
  );
  byId("rejected-section").hidden = view.rejected.length === 0;
  byId("rejected-count").textContent = String(view.rejected.length);
  byId("rejected-list").replaceChildren(
    ...view.rejected.map((r) => {
      const dismiss = button(
        "Dismiss",
        async () => {
          await ask<Answer>({ type: "queue.dismiss", id: r.clip.id });
          await showQueue();
        },
        previewId(r),
      );
      dismiss.setAttribute("aria-label", `Dismiss rejected clip: ${r.clip.text.slice(0, 40)}`);
      return clipItem(
        r,
        el("span", { class: "reason" }, reasonForScribe(r.reason ?? "Rejected")),
        button(
          "Try again",
          async () => {
            await ask<Answer>({ type: "queue.requeue", id: r.clip.id });
            await showQueue();
          },
          previewId(r),
        ),
        dismiss,
      );
    }),
  );
  byId("sent-empty").hidden = view.sent.length > 0;
  byId("sent-list").replaceChildren(
    ...view.sent
      .slice(0, 10)
      .map((s) =>
        el(
          "li",
          {},
          el("strong", {}, s.status === "added" ? `Row ${s.row ?? "?"}` : "Already in the workbook"),
          ` · ${when(s.sentAt)} · ${s.preview}`,
          s.truncated
            ? el("span", { class: "muted" }, " (too long for one cell: the workbook kept the start)")
            : "",
          s.note ? el("span", { class: "muted" }, ` ${s.note}`) : "",
        ),
      ),
  );
  byId("retry-status").textContent = retryStatus(Boolean(state?.connection), view, when);
}

async function start(): Promise<void> {
  state = await ask<StateView & { ok: true }>({ type: "state.get" });
  const workbook = state.workbook;
  byId("workbook").textContent = workbook
    ? `${workbook.workbook.title} · scribe: ${workbook.scribe.name}`
    : (state.connection?.scribe ?? "");
  byId("connect-hint").hidden = Boolean(state.connection);
  const kinds = workbook?.kinds?.length ? workbook.kinds : CLIP_KINDS;
  kindSelect.replaceChildren(...kinds.map((kind) => el("option", { value: kind }, kind)));
  kindSelect.value = kinds.includes(state.settings.defaultKind) ? state.settings.defaultKind : kinds[0]!;
  tags.set(state.settings.defaultTags);
  seconds.value = String(state.settings.captionSeconds);
  if (workbook) {
    fillDatalist(
      byId<HTMLDataListElement>("tag-options"),
      workbook.tags.map((t) => t.tag),
    );
    fillDatalist(
      byId<HTMLDataListElement>("site-options"),
      workbook.sites.map((s) => s.label),
    );
    fillDatalist(
      byId<HTMLDataListElement>("session-options"),
      workbook.sessions.map((s) => s.name),
    );
    const session = sessionAt(workbook.sessions, Date.now());
    if (session) {
      sessionInput.value = session.name;
      if (session.site) siteInput.value = session.site;
    }
  }
  tab = await targetTab();
  const platform = platformOf(tab?.url ?? "");
  if (platform !== "web") byId<HTMLInputElement>("what-captions").checked = true;
  await (selectedSource() === "captions" ? loadCaptions() : loadSelection());
  await showQueue();
}

// Compile the PHI patterns while the popup waits for the page's captions, so the first check is quick.
setTimeout(warmUpPhi, 0);
form.addEventListener("submit", (event) => void submit(event));
textArea.addEventListener("input", () => {
  redactedFrom = null;
  checkPhi();
});
attest.addEventListener("change", checkPhi);
byId("redact").addEventListener("click", () => {
  redactedFrom = findings;
  textArea.value = redactClip(textArea.value, captionSpeakers);
  checkPhi();
  say("Redacted. Check the text, then clip.");
  textArea.focus();
});
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="what"]')) {
  radio.addEventListener(
    "change",
    () => void (selectedSource() === "captions" ? loadCaptions() : loadSelection()),
  );
}
seconds.addEventListener("change", () => {
  if (selectedSource() === "captions") void loadCaptions();
});
byId("send-now").addEventListener("click", async () => {
  say("Sending…");
  const answer = await ask<Answer<{ outcome: DeliveryOutcome }>>({ type: "queue.flush" });
  await showQueue();
  if (answer.ok) say(sendNowResult(answer.outcome), answer.outcome.status !== "delivered");
  else say(answer.message, true);
});
byId("open-options").addEventListener("click", () => void browser.runtime.openOptionsPage());
// The lists follow the queue as it drains; batched so a burst of writes redraws once.
let redraw: ReturnType<typeof setTimeout> | undefined;
browser.storage.onChanged.addListener(() => {
  clearTimeout(redraw);
  redraw = setTimeout(() => void showQueue(), 200);
});

sendQueueWhenOnline();
void start().catch((error: unknown) => say(`Something went wrong: ${String(error)}`, true));
