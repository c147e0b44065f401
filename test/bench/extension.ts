// Clipper figures: the size of each built extension script, and the bytes the queue writes to
// storage per clip (clipped, then sent; and clipped during an outage, retried, then sent).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { RetrySchedule } from "../../extension/src/background/backoff.ts";
import { deliverPending, type SendBatch } from "../../extension/src/background/delivery.ts";
import { ClipQueue } from "../../extension/src/background/queue.ts";
import { MemoryStore } from "../../extension/src/background/store.ts";
import type { ClipInput, ClipResult } from "../../shared/clip/protocol.ts";

const dist = join(import.meta.dirname, "../../dist/extension");

export interface ScriptSize {
  browser: string;
  file: string;
  bytes: number;
  gzipped: number;
}

/** Every .js file of each built extension (empty when not built). */
export function extensionScriptSizes(): ScriptSize[] {
  const sizes: ScriptSize[] = [];
  for (const browser of ["chromium", "firefox"]) {
    const dir = join(dist, browser);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith(".js"))
      .sort()) {
      const path = join(dir, file);
      sizes.push({ browser, file, bytes: statSync(path).size, gzipped: gzipSync(readFileSync(path)).length });
    }
  }
  return sizes;
}

export interface StorageCost {
  clips: number;
  textChars: number;
  failedAttempts: number;
  /** Bytes (keys + JSON values) written to storage, per clip. */
  bytesPerClip: number;
  /** bytesPerClip over the clip's text length. */
  perTextByte: number;
}

function sampleClip(i: number, textChars: number): ClipInput {
  const text =
    `Clip ${i}: ${"Riverside calls every heart failure patient within 48 hours. ".repeat(Math.ceil(textChars / 60))}`.slice(
      0,
      textChars,
    );
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    capturedAt: "2026-03-04T14:00:00Z",
    kind: "insight",
    text,
    tags: ["readmissions", "heart failure"],
    source: { platform: "meet", url: "https://meet.google.com/abc-defg-hij", title: "Peer exchange, day 1" },
    speaker: "Dana Lee (Riverside)",
    session: "Readmissions panel",
    confidential: false,
    phi: { checked: true, findings: 0, types: [], action: "none" },
  };
}

/** Queues `clips` clips while the endpoint fails `failedAttempts` times, then sends them all. */
export async function storageBytesPerClip(
  clips = 200,
  textChars = 300,
  failedAttempts = 0,
): Promise<StorageCost> {
  const store = new MemoryStore();
  let t = 0;
  const clock = { now: () => t };
  const queue = new ClipQueue(store, clock);
  const retry = new RetrySchedule(store, clock, () => 0.5);
  let failures = failedAttempts;
  const send: SendBatch = async (batch) => {
    if (failures > 0) {
      failures--;
      return { ok: false, error: { code: "network", message: "offline", retryable: true } };
    }
    const results: ClipResult[] = batch.map((c, index) => ({
      index,
      id: c.id,
      status: "added",
      row: index + 2,
      truncated: false,
    }));
    return { ok: true, response: { ok: true, v: 1, op: "clip", results, newTags: [] } };
  };
  for (let i = 0; i < clips; i++) await queue.enqueue(sampleClip(i, textChars));
  for (let guard = 0; guard < failedAttempts + 5; guard++) {
    t = (await retry.state()).nextAt;
    const outcome = await deliverPending({
      queue,
      retry,
      send,
      limits: { maxBatch: 50, maxRequestChars: 5_000_000 },
    });
    if (outcome.status === "delivered" || outcome.status === "idle") break;
  }
  const bytesPerClip = store.bytesWritten / clips;
  return { clips, textChars, failedAttempts, bytesPerClip, perTextByte: bytesPerClip / textChars };
}
