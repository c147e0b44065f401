// A speaking-timer tap on the built bundle: the sidebar notes each tap's totals without touching the
// sheet (at most 3 round trips), and the Speaking tab gets them when the room pauses, no turn lost or
// counted twice, also when the sidebar closed before its background save.
import { describe, expect, it } from "vitest";
import { countCalls } from "../bench/calls.ts";
import { exchangeWithAgenda, records } from "./peerWorkbook.ts";

type Answer = { ok: boolean; value?: { gini: number | null }; error?: { code: string; message: string } };

/** The sidebar's state (totals per session and site) as the page receives it. */
function sidebarState(addon: ReturnType<typeof exchangeWithAgenda>["addon"]): {
  totals: Record<string, Record<string, { seconds: number; turns: number }>>;
} {
  addon.emulator.ui.takeEvents();
  addon.run("showSpeakingTimer");
  const html = addon.emulator.ui.events.find((e) => e.type === "sidebar")?.html ?? "";
  const attribute = /data-state="([^"]*)"/.exec(html)?.[1] ?? "{}";
  return JSON.parse(
    attribute
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&"),
  );
}

describe("Speaking timer taps (built bundle)", () => {
  it("a tap costs at most 3 round trips and no spreadsheet call", () => {
    const { addon, sites, session } = exchangeWithAgenda();
    addon.run("showSpeakingTimer");
    const tap = countCalls(addon, () => {
      const answer = addon.run("noteSpeaking", {
        session,
        totals: [{ site: sites[0], seconds: 12, turns: 1 }],
        sentAt: "2026-12-03T09:00:12.000Z",
      }) as Answer;
      expect(answer.ok).toBe(true);
    });
    expect(tap.roundTrips, JSON.stringify(tap.byMethod)).toBeLessThanOrEqual(3);
    expect(tap.spreadsheet).toBe(0);
  });

  it("quick taps neither lose nor double a turn, also when the sidebar closed before its save", () => {
    const { addon, sites, session } = exchangeWithAgenda();
    const [a, b, c] = sites as [string, string, string];
    addon.run("showSpeakingTimer");
    // Twelve taps a second apart, a → b → c → a …: each sends the session's running totals.
    const totals = new Map(sites.map((site) => [site, { seconds: 0, turns: 0 }]));
    const order = [a, b, c];
    let previous: string | null = null;
    for (let i = 0; i < 12; i += 1) {
      if (previous) (totals.get(previous) as { seconds: number }).seconds += 1;
      const speaker = order[i % 3] as string;
      (totals.get(speaker) as { turns: number }).turns += 1;
      previous = speaker;
      const answer = addon.run("noteSpeaking", {
        session,
        totals: [...totals].map(([site, t]) => ({ site, ...t })),
        sentAt: new Date(Date.UTC(2026, 11, 3, 9, 0, i)).toISOString(),
      }) as Answer;
      expect(answer.ok).toBe(true);
    }
    // The sidebar closed before its background save: reopening it continues from the last tap.
    const reopened = sidebarState(addon).totals[session] ?? {};
    expect(reopened[a]).toEqual({ seconds: 4, turns: 4 });
    expect(reopened[c]).toEqual({ seconds: 3, turns: 4 });
    expect(records(addon, "Speaking")).toHaveLength(0);
    // Pause: the last turn closes and the tab gets the totals once.
    (totals.get(c) as { seconds: number }).seconds += 1;
    const saved = addon.run("recordSpeaking", {
      session,
      totals: [...totals].map(([site, t]) => ({ site, ...t })),
    }) as Answer;
    expect(saved.ok).toBe(true);
    expect(records(addon, "Speaking").map((r) => [r.Site, r.Seconds, r.Turns])).toEqual(
      sites.map((s) => (order.includes(s) ? [s, 4, 4] : [s, 0, 0])),
    );
    // What is on the tab is no longer only noted: reopening reads the tab.
    expect(sidebarState(addon).totals[session]?.[c]).toEqual({ seconds: 4, turns: 4 });
  });

  it("refuses a tap for a site the sidebar does not show, with a message", () => {
    const { addon, session } = exchangeWithAgenda();
    addon.run("showSpeakingTimer");
    const answer = addon.run("noteSpeaking", {
      session,
      totals: [{ site: "Somewhere else", seconds: 5, turns: 1 }],
    }) as Answer;
    expect(answer).toMatchObject({ ok: false, error: { code: "unknown_site" } });
  });

  it("saves to the tab at once when the sidebar was opened without the site list", () => {
    const { addon, sites, session } = exchangeWithAgenda();
    const answer = addon.run("noteSpeaking", {
      session,
      totals: [{ site: sites[0], seconds: 5, turns: 1 }],
    }) as Answer;
    expect(answer.ok).toBe(true);
    expect(records(addon, "Speaking")).toHaveLength(sites.length);
  });
});
