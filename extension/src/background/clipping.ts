// Turning a draft into a queued clip: the PHI guard runs here too, whatever the page that sent it.
import browser from "webextension-polyfill";
import type { ClipInput } from "../../../shared/clip/protocol";
import { emptyCaptionsMessage } from "../captions/messages";
import { checkBeforeQueueing, detectClipPhi, phiCheck, phiRefusal } from "../clipper/phiPolicy";
import { captionText, clipSource, mainSpeaker, sessionAt, siteForSpeaker } from "../clipper/prefill";
import { readCaptions, readSelection } from "../clipper/tabs";
import type { Answer, ClipDraft } from "../messages";
import { clipQueue, flushQueue, readSettings, readWorkbook } from "./runtime";

function newClip(draft: ClipDraft): ClipInput {
  const clip: ClipInput = {
    id: crypto.randomUUID(),
    capturedAt: new Date().toISOString(),
    kind: draft.kind,
    text: draft.text,
    tags: draft.tags,
    source: draft.source,
    confidential: draft.confidential,
    phi: draft.phi,
  };
  if (draft.speaker) clip.speaker = draft.speaker;
  if (draft.site) clip.site = draft.site;
  if (draft.session) clip.session = draft.session;
  return clip;
}

/** A clip from the popup: checked again, stored, then sent. */
export async function submitDraft(
  draft: ClipDraft,
  speakers: readonly string[] = [],
): Promise<Answer<{ id: string }>> {
  if (!draft.text.trim())
    return { ok: false, message: "There is no text to clip. Select some text or choose captions." };
  const settings = await readSettings();
  const checked = checkBeforeQueueing(draft.text, draft.phi, settings.phi, speakers);
  if (!checked.ok) return { ok: false, message: checked.message };
  const clip = newClip({ ...draft, phi: checked.phi });
  await clipQueue.enqueue(clip);
  void flushQueue(true);
  return { ok: true, id: clip.id };
}

/** A held clip, reviewed in the popup: its text redacted, or its findings attested. */
export async function releaseHeld(
  id: string,
  text: string,
  action: "redacted" | "attested",
): Promise<Answer> {
  const record = await clipQueue.get(id);
  if (record?.state !== "held") return { ok: false, message: "That clip is no longer waiting for review." };
  const settings = await readSettings();
  // The record counts what was found in the clip as held, before any redaction.
  const checked = checkBeforeQueueing(
    text,
    phiCheck(record.findings ?? [], action),
    settings.phi,
    record.speakers,
  );
  if (!checked.ok) return { ok: false, message: checked.message };
  await clipQueue.release(id, { ...record.clip, text, phi: checked.phi });
  void flushQueue(true);
  return { ok: true };
}

/** Opens the popup so the scribe sees the held clip; action.openPopup is not in every browser version. */
async function openPopupForReview(): Promise<void> {
  const action = browser.action as { openPopup?: () => Promise<void> };
  if (typeof action.openPopup !== "function") return;
  try {
    await action.openPopup();
  } catch {
    // No focused window (or no user gesture in this browser): the badge still shows the held clip.
  }
}

/**
 * A clip made without the popup (shortcut or context menu): pre-filled from the settings and the agenda.
 * Text with PHI findings is held for review in the popup rather than sent.
 */
export async function clipFromTab(
  tab: { id?: number; url?: string; title?: string },
  what: "selection" | "captions",
  options: { seconds?: number; selectionText?: string } = {},
): Promise<Answer<{ id: string; held: boolean }>> {
  if (tab.id === undefined) return { ok: false, message: "No tab to clip from." };
  const settings = await readSettings();
  const workbook = await readWorkbook();
  let text = "";
  let speaker: string | undefined;
  let speakers: string[] = [];
  let url = tab.url ?? "";
  let title = tab.title ?? "";
  if (what === "selection") {
    const selection = await readSelection(tab.id);
    text = selection?.text || options.selectionText || "";
    if (selection) {
      url = selection.url || url;
      title = selection.title || title;
    }
  } else {
    const captions = await readCaptions(tab.id, options.seconds ?? settings.captionSeconds);
    if (!captions) {
      return {
        ok: false,
        message:
          "No captions here. Turn on captions in the meeting and allow this meeting site in the options.",
      };
    }
    text = (captions.text || captionText(captions.lines)).trim();
    if (!text) return { ok: false, message: emptyCaptionsMessage(captions) };
    speaker = mainSpeaker(captions.lines);
    speakers = [...new Set(captions.lines.map((line) => line.speaker))];
  }
  text = text.trim();
  if (!text) return { ok: false, message: "Select some text first." };
  const session = workbook ? sessionAt(workbook.sessions, Date.now()) : undefined;
  const site = workbook
    ? siteForSpeaker(speaker, workbook.sites)?.label || session?.site || undefined
    : undefined;
  const findings = detectClipPhi(text, speakers);
  const draft: ClipDraft = {
    kind: settings.defaultKind,
    text,
    tags: settings.defaultTags,
    source: clipSource(url, title),
    confidential: false,
    phi: phiCheck(findings, "none"),
  };
  if (speaker) draft.speaker = speaker;
  if (site) draft.site = site;
  if (session) draft.session = session.name;
  const clip = newClip(draft);
  if (findings.length) {
    const reason = phiRefusal(findings, "none", settings.phi) ?? "Possible PHI";
    await clipQueue.hold(clip, findings, reason, speakers);
    await flushQueue();
    await openPopupForReview();
    return { ok: true, id: clip.id, held: true };
  }
  await clipQueue.enqueue(clip);
  void flushQueue(true);
  return { ok: true, id: clip.id, held: false };
}
