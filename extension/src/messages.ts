// Messages between the popup, the options page, content scripts and the background service worker.
import type { PhiFinding } from "../../shared/clip/phi";
import type { ClipInput } from "../../shared/clip/protocol";
import type { RetryState } from "./background/backoff";
import type { QueuedClip, SentClip } from "./background/queue";
import type { CaptionsRecentRequest } from "./captions/messages";
import type { ClipperSettings, ConnectionSummary, WorkbookInfo } from "./clipper/settings";

/** What the popup or a shortcut hands the background: a clip before it gets its id and capture time. */
export type ClipDraft = Omit<ClipInput, "id" | "capturedAt">;

export type BackgroundRequest =
  | { type: "clip.submit"; draft: ClipDraft; speakers?: string[] }
  | { type: "clip.release"; id: string; text: string; action: "redacted" | "attested" }
  | { type: "queue.list" }
  | { type: "queue.dismiss"; id: string }
  | { type: "queue.requeue"; id: string }
  | { type: "queue.flush" }
  | { type: "connection.connect"; code: string; withCredentials?: boolean }
  | { type: "connection.refresh" }
  | { type: "connection.forget" }
  | { type: "state.get" }
  | { type: "settings.save"; settings: ClipperSettings }
  | { type: "captions.sync" };

export type Answer<T = unknown> = ({ ok: true } & T) | { ok: false; message: string };

export interface QueueView {
  pending: QueuedClip[];
  held: QueuedClip[];
  rejected: QueuedClip[];
  sent: SentClip[];
  retry: RetryState;
}

export interface StateView {
  connection: ConnectionSummary | null;
  workbook: WorkbookInfo | null;
  settings: ClipperSettings;
  /** Meeting hosts whose caption script is registered. */
  captionHosts: string[];
}

/** Content scripts answer these. */
export type ContentRequest = CaptionsRecentRequest;

export interface SelectionAnswer {
  text: string;
  title: string;
  url: string;
}

// The caption content script's answer to "captions.recent" (extension/src/captions/messages.ts).
export type { CaptionLine } from "./captions/engine";
export type { CaptionsRecentResponse as CaptionsAnswer } from "./captions/messages";

export type { PhiFinding };
