// The durable clip queue. A clip is written to storage before any network call, one key per clip (so
// a write costs the clip's size, not the queue's), and leaves the queue only when the endpoint reports
// it added or duplicate. Rejected clips stay, with the reason, until the scribe dismisses them.
import type { PhiFinding } from "../../../shared/clip/phi";
import { CLIP_LIMITS, type ClipInput, type ClipResult } from "../../../shared/clip/protocol";
import type { Clock, KeyValueStore } from "./store";

export type QueueState = "pending" | "rejected" | "held";

export interface QueuedClip {
  clip: ClipInput;
  state: QueueState;
  /** When the scribe pressed Clip (ms since epoch): the queue's order. */
  queuedAt: number;
  /** Why the endpoint rejected it, or why it is held. */
  reason?: string;
  /** For a held clip: the PHI findings the scribe must review before it can be sent. */
  findings?: PhiFinding[];
  /** For a held caption clip: its speakers, whose labels in the text are not PHI. */
  speakers?: string[];
}

export interface SentClip {
  id: string;
  kind: string;
  /** The first characters of the text, for the popup's list. */
  preview: string;
  tags: string[];
  status: "added" | "duplicate";
  row?: number;
  truncated?: boolean;
  /** What the workbook said about how it landed (e.g. a site not in the exchange). */
  note?: string;
  queuedAt: number;
  sentAt: number;
}

export interface QueueCounts {
  pending: number;
  rejected: number;
  held: number;
}

const CLIP_PREFIX = "clip:";
const SENT_PREFIX = "sent:";
/** The popup shows this many recently sent clips; older records are dropped. */
export const SENT_HISTORY = 50;
const PREVIEW_CHARS = 160;
/** Why a pending clip is still here after the workbook answered a request that carried it. */
export const UNCONFIRMED = "The workbook did not confirm this clip. It stays queued and is sent again.";

export interface BatchLimits {
  maxBatch: number;
  maxRequestChars: number;
}

export class ClipQueue {
  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
  ) {}

  /** Stores the clip durably; resolves only once it is in storage. */
  async enqueue(clip: ClipInput): Promise<QueuedClip> {
    const record: QueuedClip = { clip, state: "pending", queuedAt: this.clock.now() };
    await this.store.set({ [CLIP_PREFIX + clip.id]: record });
    return record;
  }

  /** Keeps a clip that needs a PHI review before it may be sent (from a shortcut or the context menu). */
  async hold(
    clip: ClipInput,
    findings: PhiFinding[],
    reason: string,
    speakers: readonly string[] = [],
  ): Promise<QueuedClip> {
    const record: QueuedClip = {
      clip,
      state: "held",
      queuedAt: this.clock.now(),
      reason,
      findings,
    };
    if (speakers.length) record.speakers = [...speakers];
    await this.store.set({ [CLIP_PREFIX + clip.id]: record });
    return record;
  }

  /** A held clip, reviewed (text redacted or attested), joins the pending clips. */
  async release(id: string, clip: ClipInput): Promise<boolean> {
    const record = await this.get(id);
    if (record?.state !== "held" || clip.id !== id) return false;
    await this.store.set({
      [CLIP_PREFIX + id]: { clip, state: "pending", queuedAt: record.queuedAt },
    });
    return true;
  }

  async get(id: string): Promise<QueuedClip | undefined> {
    const got = await this.store.get(CLIP_PREFIX + id);
    return got[CLIP_PREFIX + id] as QueuedClip | undefined;
  }

  async all(): Promise<QueuedClip[]> {
    const everything = await this.store.get(null);
    return Object.entries(everything)
      .filter(([key]) => key.startsWith(CLIP_PREFIX))
      .map(([, value]) => value as QueuedClip)
      .sort((a, b) => a.queuedAt - b.queuedAt || a.clip.id.localeCompare(b.clip.id));
  }

  async list(state: QueueState): Promise<QueuedClip[]> {
    return (await this.all()).filter((record) => record.state === state);
  }

  async counts(): Promise<QueueCounts> {
    const counts: QueueCounts = { pending: 0, rejected: 0, held: 0 };
    for (const record of await this.all()) counts[record.state]++;
    return counts;
  }

  async sent(): Promise<SentClip[]> {
    const everything = await this.store.get(null);
    return Object.entries(everything)
      .filter(([key]) => key.startsWith(SENT_PREFIX))
      .map(([, value]) => value as SentClip)
      .sort((a, b) => b.sentAt - a.sentAt || b.queuedAt - a.queuedAt);
  }

  /** The oldest pending clips that fit one request. */
  async nextBatch(limits: BatchLimits = CLIP_LIMITS): Promise<ClipInput[]> {
    const batch: ClipInput[] = [];
    // Leave room for the envelope and JSON escaping.
    let budget = limits.maxRequestChars * 0.8;
    for (const record of await this.list("pending")) {
      const size = JSON.stringify(record.clip).length;
      if (batch.length >= limits.maxBatch || (batch.length > 0 && size > budget)) break;
      batch.push(record.clip);
      budget -= size;
    }
    return batch;
  }

  /**
   * Applies the endpoint's per-clip answers: added and duplicate clips leave the queue (and join the sent
   * history), rejected ones stay with the reason; a clip without an answer stays pending.
   */
  async applyResults(batch: readonly ClipInput[], results: readonly ClipResult[]): Promise<QueueCounts> {
    // Only well-formed answers count: anything else leaves its clip pending, never dropped.
    const byId = new Map(
      (Array.isArray(results) ? results : [])
        .filter(
          (result): result is ClipResult =>
            typeof result === "object" &&
            result !== null &&
            typeof result.id === "string" &&
            (result.status === "added" || result.status === "duplicate" || result.status === "rejected"),
        )
        .map((result) => [result.id, result]),
    );
    const updates: Record<string, unknown> = {};
    const removals: string[] = [];
    const outcome: QueueCounts = { pending: 0, rejected: 0, held: 0 };
    const now = this.clock.now();
    const records = await this.store.get(batch.map((clip) => CLIP_PREFIX + clip.id));
    for (const clip of batch) {
      const result = byId.get(clip.id);
      const record = records[CLIP_PREFIX + clip.id] as QueuedClip | undefined;
      if (!record) continue;
      if (result && (result.status === "added" || result.status === "duplicate")) {
        removals.push(CLIP_PREFIX + clip.id);
        const sent: SentClip = {
          id: clip.id,
          kind: clip.kind,
          preview: clip.text.slice(0, PREVIEW_CHARS),
          tags: clip.tags,
          status: result.status,
          queuedAt: record.queuedAt,
          sentAt: now,
        };
        if (result.row !== undefined) sent.row = result.row;
        if (result.status === "added" && result.truncated) sent.truncated = true;
        if (result.status === "added" && typeof result.note === "string" && result.note.trim())
          sent.note = result.note.slice(0, 500);
        updates[SENT_PREFIX + clip.id] = sent;
      } else if (result && result.status === "rejected") {
        const reason =
          typeof result.reason === "string" && result.reason.trim()
            ? result.reason
            : "The workbook refused this clip without saying why. Ask the coordinator, then try again.";
        updates[CLIP_PREFIX + clip.id] = { ...record, state: "rejected", reason };
        outcome.rejected++;
      } else {
        // Stays pending as it is; written only to say why the first time.
        if (record.reason !== UNCONFIRMED)
          updates[CLIP_PREFIX + clip.id] = { ...record, reason: UNCONFIRMED };
        outcome.pending++;
      }
    }
    // Write the sent records before removing the clips: a crash in between leaves a duplicate, never a loss.
    if (Object.keys(updates).length) await this.store.set(updates);
    if (removals.length) await this.store.remove(removals);
    await this.pruneSent();
    return outcome;
  }

  /** Marks clips rejected with one reason (a request the endpoint refused as a whole, not retryable). */
  async rejectAll(batch: readonly ClipInput[], reason: string): Promise<void> {
    const records = await this.store.get(batch.map((clip) => CLIP_PREFIX + clip.id));
    const updates: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(records)) {
      updates[key] = { ...(value as QueuedClip), state: "rejected", reason };
    }
    if (Object.keys(updates).length) await this.store.set(updates);
  }

  /** The scribe dismissed a rejected or held clip. Pending clips cannot be dismissed: they are on their way. */
  async dismiss(id: string): Promise<boolean> {
    const record = await this.get(id);
    if (!record || record.state === "pending") return false;
    await this.store.remove(CLIP_PREFIX + id);
    return true;
  }

  /** A rejected clip the scribe wants to try again (e.g. after the coordinator fixed the workbook). */
  async requeue(id: string): Promise<boolean> {
    const record = await this.get(id);
    if (record?.state !== "rejected") return false;
    const { reason: _reason, ...rest } = record;
    await this.store.set({ [CLIP_PREFIX + id]: { ...rest, state: "pending" } });
    return true;
  }

  private async pruneSent(): Promise<void> {
    const sent = await this.sent();
    if (sent.length > SENT_HISTORY)
      await this.store.remove(sent.slice(SENT_HISTORY).map((s) => SENT_PREFIX + s.id));
  }
}
