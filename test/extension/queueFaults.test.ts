// The queue's never-lose guarantee against endpoints that answer badly: a sign-in page instead of JSON,
// broken JSON, JSON that is not a Peer Exchange answer, or an answer missing some clips' results.
// Through the real transport (a fake fetch) and the real delivery loop: no clip is dropped or rejected
// for something the workbook never said, and each waiting clip says why.
import { describe, expect, it } from "vitest";
import { RetrySchedule } from "../../extension/src/background/backoff.ts";
import { deliverPending, type SendBatch } from "../../extension/src/background/delivery.ts";
import { ClipQueue } from "../../extension/src/background/queue.ts";
import { MemoryStore } from "../../extension/src/background/store.ts";
import { type FetchLike, sendClips } from "../../extension/src/background/transport.ts";
import type { ClipInput } from "../../shared/clip/protocol.ts";

const connection = { url: "https://script.google.com/macros/s/abc/exec", token: "t.secret", scribe: "Dana" };

let counter = 0;
function clip(text: string): ClipInput {
  counter++;
  return {
    id: `00000000-0000-4000-9000-${String(counter).padStart(12, "0")}`,
    capturedAt: "2026-03-04T14:00:00Z",
    kind: "insight",
    text,
    tags: [],
    source: { platform: "web", url: "", title: "" },
    confidential: false,
    phi: { checked: true, findings: 0, types: [], action: "none" },
  };
}

function setup() {
  const store = new MemoryStore();
  let t = Date.UTC(2026, 2, 4, 14);
  const clock = { now: () => t, advance: (ms: number) => (t += ms) };
  return {
    store,
    clock,
    queue: new ClipQueue(store, clock),
    retry: new RetrySchedule(store, clock, () => 0.5),
  };
}

/** A send that goes through the real transport to an endpoint answering with `body`. */
function answering(body: string | ((clips: ClipInput[]) => string), init: ResponseInit = {}): SendBatch {
  return (clips) => {
    const fetchImpl: FetchLike = async () =>
      new Response(typeof body === "string" ? body : body(clips), { status: 200, ...init });
    return sendClips(connection, clips, fetchImpl);
  };
}

const signInPage =
  '<!doctype html><html><head><title>Sign in - Google Accounts</title></head><body><form action="https://accounts.google.com/signin/v2/identifier"></form></body></html>';

describe("clips stay pending, with a reason, when the endpoint answers badly", () => {
  const badAnswers: [string, SendBatch][] = [
    [
      "a Google sign-in page (organisation-only web app, scribe signed out)",
      answering(signInPage, { headers: { "Content-Type": "text/html" } }),
    ],
    ["a sign-in page behind a 401", answering("<html>Unauthorized</html>", { status: 401 })],
    ["malformed JSON", answering('{"ok": true, "results": [')],
    ["JSON that is not a Peer Exchange answer", answering('["ok"]')],
    ["JSON null", answering("null")],
    ["ok without a results list", answering('{"ok": true, "v": 1, "op": "clip"}')],
    [
      "results that are not a list",
      answering('{"ok": true, "v": 1, "op": "clip", "results": {"0": "added"}}'),
    ],
    [
      "results of the wrong shape",
      answering('{"ok": true, "v": 1, "op": "clip", "results": [null, 7, {"id": 3}]}'),
    ],
  ];

  for (const [what, send] of badAnswers) {
    it(`${what}: nothing dropped, nothing rejected, a retry is scheduled with the reason`, async () => {
      const { queue, retry } = setup();
      const clips = [clip("one"), clip("two")];
      for (const c of clips) await queue.enqueue(c);
      const outcome = await deliverPending({ queue, retry, send });
      expect(outcome.status).toBe("waiting");
      expect(await queue.counts()).toEqual({ pending: 2, rejected: 0, held: 0 });
      expect(await queue.sent()).toEqual([]);
      const state = await retry.state();
      expect(state.paused).toBeFalsy();
      expect(state.nextAt).toBeGreaterThan(0);
      expect(state.lastError?.length ?? 0).toBeGreaterThan(10);
    });
  }

  it("a sign-in page tells the scribe to sign in to Google, and the clips land once they have", async () => {
    const { queue, retry, clock } = setup();
    const c = clip("kept while signed out");
    await queue.enqueue(c);
    await deliverPending({ queue, retry, send: answering(signInPage) });
    const reason = (await retry.state()).lastError ?? "";
    expect(reason).toContain("sign in to Google");
    // Plain words: no status codes for a page every scribe recognises.
    expect(reason).not.toMatch(/HTTP \d/);
    clock.advance((await retry.state()).nextAt - clock.now());
    const added = answering((clips) =>
      JSON.stringify({
        ok: true,
        v: 1,
        op: "clip",
        results: clips.map((x, index) => ({ index, id: x.id, status: "added", row: 2, truncated: false })),
        newTags: [],
      }),
    );
    expect((await deliverPending({ queue, retry, send: added })).status).toBe("delivered");
    expect((await queue.sent()).map((s) => s.id)).toEqual([c.id]);
  });

  it("a clip the answer leaves out stays pending and says why; the answered ones leave", async () => {
    const { queue, retry } = setup();
    const [a, b] = [clip("answered"), clip("left out")];
    await queue.enqueue(a);
    await queue.enqueue(b);
    const onlyFirst = answering((clips) =>
      JSON.stringify({
        ok: true,
        v: 1,
        op: "clip",
        results: clips
          .filter((x) => x.id === a.id)
          .map((x) => ({ index: 0, id: x.id, status: "added", row: 2, truncated: false })),
        newTags: [],
      }),
    );
    // b is left out of every answer: the run ends waiting, not looping and not dropping it.
    const outcome = await deliverPending({ queue, retry, send: onlyFirst });
    expect(outcome.status).toBe("waiting");
    const pending = await queue.list("pending");
    expect(pending.map((r) => r.clip.id)).toEqual([b.id]);
    expect(pending[0]!.reason).toMatch(/did not confirm/);
    expect((await queue.sent()).map((s) => s.id)).toEqual([a.id]);
  });

  it("a rejection without a reason still shows one", async () => {
    const { queue, retry } = setup();
    const c = clip("refused");
    await queue.enqueue(c);
    const refused = answering((clips) =>
      JSON.stringify({
        ok: true,
        v: 1,
        op: "clip",
        results: [{ index: 0, id: clips[0]!.id, status: "rejected" }],
      }),
    );
    await deliverPending({ queue, retry, send: refused });
    const [record] = await queue.list("rejected");
    expect(record?.reason).toMatch(/\w{5,}/);
  });

  it("a batch refused as too large is sent again in smaller batches; no clip is rejected for it", async () => {
    const { queue, retry } = setup();
    const clips = ["a", "b", "c", "d", "e"].map((text) => clip(text));
    for (const c of clips) await queue.enqueue(c);
    const atMostTwo = answering((batch) =>
      JSON.stringify(
        batch.length > 2
          ? {
              ok: false,
              v: 1,
              error: { code: "too_large", message: "Send fewer clips per request.", retryable: false },
            }
          : {
              ok: true,
              v: 1,
              op: "clip",
              results: batch.map((x, index) => ({
                index,
                id: x.id,
                status: "added",
                row: 2,
                truncated: false,
              })),
              newTags: [],
            },
      ),
    );
    expect((await deliverPending({ queue, retry, send: atMostTwo })).status).toBe("delivered");
    expect(await queue.counts()).toEqual({ pending: 0, rejected: 0, held: 0 });
    expect((await queue.sent()).map((s) => s.id).sort()).toEqual(clips.map((c) => c.id).sort());
  });

  it("a run that reaches its request cap with clips left asks to be woken again, not forgotten", async () => {
    const { queue, retry } = setup();
    for (let i = 0; i < 60; i++) await queue.enqueue(clip(`n${i}`));
    const oneAtATime = answering((clips) =>
      JSON.stringify({
        ok: true,
        v: 1,
        op: "clip",
        results: [{ index: 0, id: clips[0]!.id, status: "added", row: 2, truncated: false }],
        newTags: [],
      }),
    );
    const outcome = await deliverPending({
      queue,
      retry,
      send: oneAtATime,
      limits: { maxBatch: 1, maxRequestChars: 1e6 },
    });
    expect((await queue.counts()).pending).toBeGreaterThan(0);
    expect(outcome.status === "waiting" || (outcome.status === "delivered" && outcome.more === true)).toBe(
      true,
    );
  });

  it("an endpoint newer than the extension pauses sending; it does not reject every clip in turn", async () => {
    const { queue, retry } = setup();
    for (const text of ["first", "second", "third"]) await queue.enqueue(clip(text));
    const newer = answering(
      JSON.stringify({
        ok: false,
        v: 2,
        error: {
          code: "unsupported_version",
          message: "Update the Clipper to send clips.",
          retryable: false,
        },
      }),
    );
    const outcome = await deliverPending({
      queue,
      retry,
      send: newer,
      limits: { maxBatch: 1, maxRequestChars: 1e6 },
    });
    expect(outcome.status).toBe("paused");
    expect(await queue.counts()).toEqual({ pending: 3, rejected: 0, held: 0 });
    expect((await retry.state()).lastError).toBe("Update the Clipper to send clips.");
  });
});

describe("an organisation-only web app and a signed-out browser", () => {
  it("says to check the Google sign-in when the request fails on the way (redirect to sign-in refused)", async () => {
    // Google redirects a signed-out request to accounts.google.com, outside the extension's hosts:
    // fetch fails as a network error, so the hint must come with that error too.
    const failing: FetchLike = async () => {
      throw new TypeError("Failed to fetch");
    };
    const sent = await sendClips({ ...connection, withCredentials: true }, [], failing);
    expect(sent.ok).toBe(false);
    if (!sent.ok) {
      expect(sent.error).toMatchObject({ code: "network", retryable: true });
      expect(sent.error.message).toContain("signed in to Google");
    }
    const anonymous = await sendClips(connection, [], failing);
    if (!anonymous.ok) expect(anonymous.error.message).not.toContain("Google");
  });
});
