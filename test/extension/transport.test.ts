import { describe, expect, it } from "vitest";
import { badgeFor } from "../../extension/src/background/badge.ts";
import { type FetchLike, hello, sendClips } from "../../extension/src/background/transport.ts";
import {
  captionText,
  mainSpeaker,
  platformOf,
  sessionAt,
  siteForSpeaker,
} from "../../extension/src/clipper/prefill.ts";
import { parseTags } from "../../extension/src/popup/tags.ts";

const connection = {
  url: "https://script.google.com/macros/s/abc/exec",
  token: "abcdefgh.secret",
  scribe: "Dana",
};

function fakeFetch(answer: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return answer();
  };
  return { calls, fetchImpl };
}

describe("transport", () => {
  it("posts the request as text/plain JSON (no CORS preflight) and returns the endpoint's answer", async () => {
    const { calls, fetchImpl } = fakeFetch(
      () => new Response(JSON.stringify({ ok: true, v: 1, op: "clip", results: [], newTags: [] })),
    );
    const sent = await sendClips(connection, [], fetchImpl);
    expect(sent).toEqual({ ok: true, response: { ok: true, v: 1, op: "clip", results: [], newTags: [] } });
    expect(calls[0]!.url).toBe(connection.url);
    expect(calls[0]!.init.method).toBe("POST");
    expect((calls[0]!.init.headers as Record<string, string>)["Content-Type"]).toMatch(/^text\/plain/);
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      v: 1,
      token: connection.token,
      op: "clip",
      clips: [],
    });
  });

  it("sends the browser's Google session only for organisation-only web apps", async () => {
    const { calls, fetchImpl } = fakeFetch(() => new Response("{}"));
    await hello(connection, fetchImpl);
    await hello({ ...connection, withCredentials: true }, fetchImpl);
    expect(calls.map((c) => c.init.credentials)).toEqual(["omit", "include"]);
  });

  it("turns a network failure into a retryable error", async () => {
    const { fetchImpl } = fakeFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    const sent = await hello(connection, fetchImpl);
    expect(sent.ok).toBe(false);
    if (!sent.ok) expect(sent.error).toMatchObject({ code: "network", retryable: true });
  });

  it("passes the endpoint's own error through, retryable or not", async () => {
    const error = { code: "revoked", message: "Ask the coordinator for a new code.", retryable: false };
    const { fetchImpl } = fakeFetch(() => new Response(JSON.stringify({ ok: false, v: 1, error })));
    expect(await hello(connection, fetchImpl)).toEqual({ ok: false, error });
  });

  it("explains a Google sign-in page instead of JSON and does not retry it", async () => {
    const { fetchImpl } = fakeFetch(
      () =>
        new Response("<html>accounts.google.com sign in</html>", {
          status: 200,
          headers: { "Content-Type": "text/html" },
        }),
    );
    const sent = await hello(connection, fetchImpl);
    expect(sent.ok).toBe(false);
    if (!sent.ok) {
      expect(sent.error.code).toBe("bad_response");
      expect(sent.error.retryable).toBe(false);
      expect(sent.error.message).toContain("sign in to Google");
    }
  });

  it("retries an answer cut off mid-way (HTTP 200, not JSON)", async () => {
    const { fetchImpl } = fakeFetch(() => new Response('{"ok": true, "v": 1, "op": "he', { status: 200 }));
    const sent = await hello(connection, fetchImpl);
    expect(sent.ok ? null : [sent.error.code, sent.error.retryable]).toEqual(["bad_response", true]);
  });

  it("goes again after Apps Script's error page for a limit that passes, and names the error", async () => {
    const page =
      "<!DOCTYPE html><html><head><title>Error</title></head><body><div>Exception: There are too many scripts running.</div></body></html>";
    const { fetchImpl } = fakeFetch(
      () => new Response(page, { status: 200, headers: { "Content-Type": "text/html" } }),
    );
    const sent = await hello(connection, fetchImpl);
    expect(sent.ok ? null : [sent.error.retryable, sent.error.message]).toEqual([
      true,
      "The workbook was too busy to answer (Google said: There are too many scripts running.). Clips stay queued and go again shortly.",
    ]);
  });

  it("points the scribe to the coordinator for a script error that does not pass on its own", async () => {
    const page =
      "<html><body><div>TypeError: Cannot read properties of null (reading &#39;getRange&#39;) (line 12, file &quot;Code&quot;)</div></body></html>";
    const { fetchImpl } = fakeFetch(() => new Response(page, { status: 200 }));
    const sent = await hello(connection, fetchImpl);
    expect(sent.ok ? null : [sent.error.retryable, sent.error.message]).toEqual([
      false,
      "The workbook's script stopped with an error (Google said: Cannot read properties of null (reading 'getRange')). Clips stay queued; ask the coordinator to run Peer Exchange › Check installation.",
    ]);
  });

  it("retries a server error page", async () => {
    const { fetchImpl } = fakeFetch(() => new Response("Service unavailable", { status: 503 }));
    const sent = await hello(connection, fetchImpl);
    expect(sent.ok ? null : sent.error.retryable).toBe(true);
  });
});

describe("pre-filling a clip", () => {
  const sessions = [
    {
      name: "Opening",
      format: "plenary",
      start: "2026-03-04T09:00:00Z",
      end: "2026-03-04T09:30:00Z",
      site: "",
    },
    {
      name: "Readmissions panel",
      format: "panel",
      start: "2026-03-04T09:30:00Z",
      end: "2026-03-04T10:30:00Z",
      site: "Site B",
    },
    { name: "Untimed", format: "", start: "", end: "", site: "" },
  ];

  it("picks the session running now, else one starting within 15 minutes", () => {
    expect(sessionAt(sessions, Date.parse("2026-03-04T09:45:00Z"))?.name).toBe("Readmissions panel");
    expect(sessionAt(sessions, Date.parse("2026-03-04T09:30:00Z"))?.name).toBe("Readmissions panel");
    expect(sessionAt(sessions, Date.parse("2026-03-04T08:50:00Z"))?.name).toBe("Opening");
    expect(sessionAt(sessions, Date.parse("2026-03-04T08:00:00Z"))).toBeUndefined();
    expect(sessionAt(sessions, Date.parse("2026-03-04T11:00:00Z"))).toBeUndefined();
  });

  it("finds the site in a speaker's display name, by label or pseudonym", () => {
    const sites = [
      { label: "Riverside", pseudonym: "Site A", identified: true },
      { label: "Site B", pseudonym: "Site B", identified: false },
    ];
    expect(siteForSpeaker("Dana Lee (Riverside)", sites)?.label).toBe("Riverside");
    expect(siteForSpeaker("Sam - site b", sites)?.label).toBe("Site B");
    expect(siteForSpeaker("Alex", sites)).toBeUndefined();
    expect(siteForSpeaker(undefined, sites)).toBeUndefined();
  });

  it("names the meeting platform from the URL", () => {
    expect(platformOf("https://meet.google.com/abc-defg-hij")).toBe("meet");
    expect(platformOf("https://teams.microsoft.com/v2/")).toBe("teams");
    expect(platformOf("https://app.zoom.us/wc/123/join")).toBe("zoom");
    expect(platformOf("https://acme.webex.com/meet/x")).toBe("webex");
    expect(platformOf("https://notzoom.us.example.com/")).toBe("web");
    expect(platformOf("not a url")).toBe("web");
  });

  it("credits the main speaker and writes one line per turn", () => {
    const lines = [
      { speaker: "Dana", text: "We call every patient.", start: 0, end: 1 },
      {
        speaker: "Sam",
        text: "How many nurses does that take, and how long does each call last?",
        start: 1,
        end: 2,
      },
      { speaker: "", text: "[music]", start: 2, end: 3 },
    ];
    expect(mainSpeaker(lines)).toBe("Sam");
    expect(captionText(lines)).toBe(
      "Dana: We call every patient.\nSam: How many nurses does that take, and how long does each call last?\n[music]",
    );
  });

  it("parses tags: trimmed, de-duplicated ignoring case, new ones allowed", () => {
    expect(parseTags(" sepsis, Handoff ,, sepsis,SEPSIS, new  idea", ["Handoff"])).toEqual([
      "Handoff",
      "sepsis",
      "new idea",
    ]);
  });

  it("shows pending and held clips on the badge, and ! for rejected ones only", () => {
    expect(badgeFor({ pending: 3, held: 1, rejected: 2 }).text).toBe("4");
    expect(badgeFor({ pending: 0, held: 0, rejected: 2 }).text).toBe("!");
    expect(badgeFor({ pending: 0, held: 0, rejected: 0 }).text).toBe("");
  });
});
