import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffDelay, defaultBackoff, RetrySchedule } from "../../extension/src/background/backoff.ts";
import { deliverPending, type SendBatch } from "../../extension/src/background/delivery.ts";
import { ClipQueue, SENT_HISTORY } from "../../extension/src/background/queue.ts";
import { MemoryStore } from "../../extension/src/background/store.ts";
import type { ClipInput, ClipResult } from "../../shared/clip/protocol.ts";

class FakeClock {
  constructor(public t = Date.UTC(2026, 2, 4, 14, 0, 0)) {}
  now = () => this.t;
  advance(ms: number) {
    this.t += ms;
  }
}

let counter = 0;
function clip(text = "Door-to-balloon fell to 62 minutes", tags = ["cardiology"]): ClipInput {
  counter++;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    capturedAt: "2026-03-04T14:00:00Z",
    kind: "insight",
    text,
    tags,
    source: { platform: "web", url: "https://example.org/", title: "Example" },
    confidential: false,
    phi: { checked: true, findings: 0, types: [], action: "none" },
  };
}

/** An endpoint that stores each clip once by id, can be switched off, and can reject chosen texts. */
class FakeEndpoint {
  rows = new Map<string, string>();
  up = true;
  requests = 0;
  rejectText = new Set<string>();
  send: SendBatch = async (clips) => {
    this.requests++;
    if (!this.up) return { ok: false, error: { code: "network", message: "offline", retryable: true } };
    const results: ClipResult[] = clips.map((c, index) => {
      if (this.rejectText.has(c.text)) return { index, id: c.id, status: "rejected", reason: "kind unknown" };
      if (this.rows.has(c.id)) return { index, id: c.id, status: "duplicate" };
      this.rows.set(c.id, c.text);
      return { index, id: c.id, status: "added", row: this.rows.size + 1, truncated: false };
    });
    return { ok: true, response: { ok: true, v: 1, op: "clip", results, newTags: [] } };
  };
}

function setup(random = () => 0.5) {
  const store = new MemoryStore();
  const clock = new FakeClock();
  const queue = new ClipQueue(store, clock);
  const retry = new RetrySchedule(store, clock, random);
  const endpoint = new FakeEndpoint();
  return { store, clock, queue, retry, endpoint };
}

describe("clip queue", () => {
  it("stores a clip before any network call", async () => {
    const { store, queue, retry } = setup();
    const c = clip();
    await queue.enqueue(c);
    let storedWhenSent = false;
    const send: SendBatch = async (clips) => {
      storedWhenSent = store.data.has(`clip:${c.id}`);
      return {
        ok: true,
        response: {
          ok: true,
          v: 1,
          op: "clip",
          results: [{ index: 0, id: clips[0]!.id, status: "added", row: 2, truncated: false }],
          newTags: [],
        },
      };
    };
    await deliverPending({ queue, retry, send });
    expect(storedWhenSent).toBe(true);
    expect(store.data.has(`clip:${c.id}`)).toBe(false);
  });

  it("removes added and duplicate clips, keeps rejected ones with the reason and unanswered ones pending", async () => {
    const { queue } = setup();
    const [a, b, c, d] = [clip("a"), clip("b"), clip("c"), clip("d")];
    for (const x of [a, b, c, d]) await queue.enqueue(x);
    await queue.applyResults(
      [a, b, c, d],
      [
        { index: 0, id: a.id, status: "added", row: 5, truncated: false },
        { index: 1, id: b.id, status: "duplicate", row: 4 },
        { index: 2, id: c.id, status: "rejected", reason: "clips[2].kind: not a kind" },
      ],
    );
    expect((await queue.list("pending")).map((r) => r.clip.id)).toEqual([d.id]);
    const rejected = await queue.list("rejected");
    expect(rejected.map((r) => [r.clip.id, r.reason])).toEqual([[c.id, "clips[2].kind: not a kind"]]);
    expect((await queue.sent()).map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect(await queue.dismiss(d.id)).toBe(false);
    expect(await queue.dismiss(c.id)).toBe(true);
    expect(await queue.counts()).toEqual({ pending: 1, rejected: 0, held: 0 });
  });

  it("keeps the workbook's note on a sent clip, for the popup's list", async () => {
    const { queue } = setup();
    const [a, b] = [clip("a"), clip("b")];
    for (const x of [a, b]) await queue.enqueue(x);
    const note = "Site not in the exchange: “Elsewhere”.";
    await queue.applyResults(
      [a, b],
      [
        { index: 0, id: a.id, status: "added", row: 5, truncated: false, note },
        { index: 1, id: b.id, status: "added", row: 6, truncated: false },
      ],
    );
    const sent = await queue.sent();
    expect(sent.find((s) => s.id === a.id)?.note).toBe(note);
    expect(sent.find((s) => s.id === b.id)).not.toHaveProperty("note");
  });

  it("sends in batches no larger than the limit, oldest first", async () => {
    const { queue, retry, endpoint, clock } = setup();
    const sizes: number[] = [];
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await queue.enqueue(clip(`clip ${i}`));
      clock.advance(1);
    }
    const send: SendBatch = async (clips) => {
      sizes.push(clips.length);
      order.push(...clips.map((c) => c.text));
      return endpoint.send(clips);
    };
    const outcome = await deliverPending({
      queue,
      retry,
      send,
      limits: { maxBatch: 3, maxRequestChars: 1e6 },
    });
    expect(outcome).toEqual({ status: "delivered", requests: 3 });
    expect(sizes).toEqual([3, 3, 1]);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `clip ${i}`));
  });

  it("backs off while the endpoint is down and lands every clip once when it is back", async () => {
    const { queue, retry, endpoint, clock } = setup();
    endpoint.up = false;
    const clips = [clip("one"), clip("two"), clip("three")];
    for (const c of clips) await queue.enqueue(c);
    const first = await deliverPending({ queue, retry, send: endpoint.send });
    expect(first.status).toBe("waiting");
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const state = await retry.state();
      waits.push(state.nextAt - clock.now());
      // Not due yet: no request is made.
      const before = endpoint.requests;
      expect((await deliverPending({ queue, retry, send: endpoint.send })).status).toBe("waiting");
      expect(endpoint.requests).toBe(before);
      clock.advance(state.nextAt - clock.now());
      await deliverPending({ queue, retry, send: endpoint.send });
    }
    expect(waits).toEqual([1500, 3000, 6000, 12000]);
    expect(await queue.counts()).toEqual({ pending: 3, rejected: 0, held: 0 });
    endpoint.up = true;
    clock.advance((await retry.state()).nextAt - clock.now());
    expect((await deliverPending({ queue, retry, send: endpoint.send })).status).toBe("delivered");
    expect([...endpoint.rows.values()].sort()).toEqual(["one", "three", "two"]);
    expect(await queue.counts()).toEqual({ pending: 0, rejected: 0, held: 0 });
    expect((await retry.state()).attempt).toBe(0);
  });

  it("resumes from storage alone after a restart (new queue and schedule objects)", async () => {
    const { store, clock, queue, retry, endpoint } = setup();
    endpoint.up = false;
    await queue.enqueue(clip("kept across restart"));
    await deliverPending({ queue, retry, send: endpoint.send });
    const nextAt = (await retry.state()).nextAt;
    // The service worker stops: only the store survives.
    const queue2 = new ClipQueue(store, clock);
    const retry2 = new RetrySchedule(store, clock, () => 0.5);
    expect((await retry2.state()).nextAt).toBe(nextAt);
    endpoint.up = true;
    clock.advance(nextAt - clock.now());
    await deliverPending({ queue: queue2, retry: retry2, send: endpoint.send });
    expect([...endpoint.rows.values()]).toEqual(["kept across restart"]);
    expect(await queue2.counts()).toEqual({ pending: 0, rejected: 0, held: 0 });
  });

  it("a clip sent twice (answer lost) lands once and leaves the queue on duplicate", async () => {
    const { queue, retry, endpoint } = setup();
    const c = clip("answer lost");
    await queue.enqueue(c);
    let calls = 0;
    const losesFirstAnswer: SendBatch = async (clips) => {
      calls++;
      const answer = await endpoint.send(clips);
      return calls === 1
        ? { ok: false, error: { code: "network", message: "dropped", retryable: true } }
        : answer;
    };
    await deliverPending({ queue, retry, send: losesFirstAnswer });
    expect(await queue.counts()).toEqual({ pending: 1, rejected: 0, held: 0 });
    await deliverPending({ queue, retry, send: losesFirstAnswer }, { force: true });
    expect(endpoint.rows.size).toBe(1);
    expect((await queue.sent())[0]!.status).toBe("duplicate");
    expect(await queue.counts()).toEqual({ pending: 0, rejected: 0, held: 0 });
  });

  it("pauses on a revoked token, keeps the clips, and resumes after a reset (new code or retry now)", async () => {
    const { queue, retry, endpoint, clock } = setup();
    await queue.enqueue(clip("waiting for a new code"));
    const revoked: SendBatch = async () => ({
      ok: false,
      error: { code: "revoked", message: "This scribe's access was revoked.", retryable: false },
    });
    expect((await deliverPending({ queue, retry, send: revoked })).status).toBe("paused");
    clock.advance(3_600_000);
    expect((await deliverPending({ queue, retry, send: endpoint.send }, { force: true })).status).toBe(
      "paused",
    );
    expect(await queue.counts()).toEqual({ pending: 1, rejected: 0, held: 0 });
    await retry.reset();
    expect((await deliverPending({ queue, retry, send: endpoint.send })).status).toBe("delivered");
    expect(endpoint.rows.size).toBe(1);
  });

  it("rejects a batch the endpoint refuses as a whole and carries on with the rest", async () => {
    const { queue, retry } = setup();
    await queue.enqueue(clip("bad"));
    const refused: SendBatch = async () => ({
      ok: false,
      error: { code: "bad_request", message: "Update the extension.", retryable: false },
    });
    await deliverPending({ queue, retry, send: refused });
    const [record] = await queue.list("rejected");
    expect(record!.reason).toBe("Update the extension.");
    expect(await queue.requeue(record!.clip.id)).toBe(true);
    expect(await queue.counts()).toEqual({ pending: 1, rejected: 0, held: 0 });
  });

  it("honours the endpoint's suggested wait", async () => {
    const { queue, retry, clock } = setup();
    await queue.enqueue(clip());
    const busy: SendBatch = async () => ({
      ok: false,
      error: { code: "busy", message: "Busy", retryable: true, retryAfterSeconds: 60 },
    });
    await deliverPending({ queue, retry, send: busy });
    expect((await retry.state()).nextAt - clock.now()).toBe(60_000);
  });

  it("holds a clip for PHI review until it is released", async () => {
    const { queue, retry, endpoint } = setup();
    const c = clip("Patient John Smith");
    await queue.hold(c, [{ type: "name", start: 8, end: 18, text: "John Smith" }], "Possible PHI");
    await deliverPending({ queue, retry, send: endpoint.send }, { force: true });
    expect(endpoint.rows.size).toBe(0);
    expect(await queue.release(c.id, { ...c, text: "Patient [REDACTED-NAME]" })).toBe(true);
    await deliverPending({ queue, retry, send: endpoint.send }, { force: true });
    expect([...endpoint.rows.values()]).toEqual(["Patient [REDACTED-NAME]"]);
  });

  it("keeps a bounded history of sent clips", async () => {
    const { queue, retry, endpoint, clock } = setup();
    for (let i = 0; i < SENT_HISTORY + 5; i++) {
      await queue.enqueue(clip(`n${i}`));
      clock.advance(1);
    }
    await deliverPending({
      queue,
      retry,
      send: endpoint.send,
      limits: { maxBatch: 10, maxRequestChars: 1e6 },
    });
    const sent = await queue.sent();
    expect(sent).toHaveLength(SENT_HISTORY);
    expect(sent[0]!.preview).toBe(`n${SENT_HISTORY + 4}`);
  });
});

describe("backoff", () => {
  it("stays within half to all of the capped exponential ceiling and never shrinks with attempts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, r) => {
          const ceiling = Math.min(defaultBackoff.maxMs, defaultBackoff.baseMs * 2 ** (attempt - 1));
          const delay = backoffDelay(attempt, r);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
          expect(delay).toBeLessThanOrEqual(ceiling);
          expect(backoffDelay(attempt + 1, r)).toBeGreaterThanOrEqual(delay);
        },
      ),
    );
  });

  it("spreads retries: different random draws give different delays", () => {
    expect(backoffDelay(4, 0)).toBe(8000);
    expect(backoffDelay(4, 1)).toBe(16000);
  });
});
