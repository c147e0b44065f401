// Speaking timer on the built bundle: the sidebar, totals per site and session on the Speaking tab,
// shares and a Gini coefficient in which silent sites count as 0, with a chart.
import { describe, expect, it } from "vitest";
import { exchangeWithAgenda, exchangeWithPeers, lastAlert, PRIVATE_NAMES, records } from "./peerWorkbook.ts";

type Summary = {
  session: string;
  gini: number | null;
  normalized: number | null;
  shares: { site: string; share: number | null }[];
};
type Answer = { ok: true; value: Summary } | { ok: false; error: { code: string; message: string } };

describe("Speaking timer (built bundle)", () => {
  it("opens a sidebar with one button per selected site, by the naming rule, from local files only", () => {
    const { addon, sites, session } = exchangeWithAgenda();
    addon.run("showSpeakingTimer");
    const sidebar = addon.emulator.ui.events.find((e) => e.type === "sidebar")!;
    expect(sidebar.title).toBe("Speaking timer");
    for (const site of sites) expect(sidebar.html).toContain(`data-site="${site.replace(/'/g, "&#39;")}"`);
    expect(sidebar.html).toContain(`<option value="${session.replace(/'/g, "&#39;")}">`);
    expect(sidebar.html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    expect(sidebar.html).toMatch(/data-state="\{&quot;session&quot;/); // data reaches the page auto-escaped
    expect(sites).toContain("Lakeside University Hospital"); // permission to identify granted
    expect(sidebar.html).not.toMatch(PRIVATE_NAMES);
  });

  it("writes totals per site, silent sites as 0, shares and the hand-computed Gini", () => {
    const { addon, sites, session } = exchangeWithAgenda();
    const [a, b, c, silent] = sites as [string, string, string, string];
    const answer = addon.run("recordSpeaking", {
      session,
      totals: [
        { site: a, seconds: 60, turns: 1 },
        { site: b, seconds: 120, turns: 2 },
        { site: c, seconds: 180, turns: 1 },
      ],
      sentAt: "2026-12-03T09:14:00.000Z",
    }) as Answer;
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    // 0, 60, 120, 180 s: Σ|xi − xj| = 1200, 2n²x̄ = 2 · 16 · 90 = 2880 → G = 5/12; normalized × 4/3 = 5/9.
    expect(answer.value.gini).toBeCloseTo(5 / 12, 12);
    expect(answer.value.normalized).toBeCloseTo(5 / 9, 12);
    const rows = records(addon, "Speaking");
    expect(rows.map((r) => [r.Site, r.Seconds, r.Turns])).toEqual([
      [a, 60, 1],
      [b, 120, 2],
      [c, 180, 1],
      [silent, 0, 0],
    ]);
    expect(rows.map((r) => r["Share of session"] as number)).toEqual([60 / 360, 120 / 360, 180 / 360, 0]);
    expect(rows.every((r) => Math.abs((r["Session Gini"] as number) - 5 / 12) < 1e-12)).toBe(true);
    expect(rows.every((r) => Math.abs((r["Session Gini (normalized)"] as number) - 5 / 9) < 1e-12)).toBe(
      true,
    );

    // A later tap sends the new totals: the same rows are updated, none added.
    const equal = sites.map((site) => ({ site, seconds: 90, turns: 1 }));
    const again = addon.run("recordSpeaking", { session, totals: equal }) as Answer;
    expect(again.ok && again.value.gini).toBe(0);
    const after = records(addon, "Speaking");
    expect(after).toHaveLength(4);
    expect(after.every((r) => r.Seconds === 90 && r["Session Gini"] === 0)).toBe(true);

    const speaking = addon.emulator.spreadsheets
      .describe()
      .sheets.find((s: { name: string }) => s.name === "Speaking")!;
    const charts = speaking.charts as { options: Record<string, unknown> }[];
    expect(charts).toHaveLength(1);
    expect(String(charts[0]!.options.title)).toMatch(/Share of speaking time: .*Gini 0\.00/);
  });

  it("keeps sessions apart and says when nobody has spoken", () => {
    const { addon, sites } = exchangeWithAgenda();
    const silent = addon.run("recordSpeaking", { session: "Breakout 1", totals: [] }) as Answer;
    expect(silent.ok && silent.value.gini).toBe(null);
    const rows = records(addon, "Speaking");
    expect(rows).toHaveLength(sites.length);
    expect(rows.every((r) => r.Seconds === 0 && r["Session Gini"] === "")).toBe(true);
  });

  it("rejects what the timer should never send, with a message", () => {
    const { addon, session } = exchangeWithAgenda();
    const unknown = addon.run("recordSpeaking", {
      session,
      totals: [{ site: "=HYPERLINK(1)", seconds: 5, turns: 1 }],
    }) as Answer;
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toMatch(/not a selected peer/);
    const negative = addon.run("recordSpeaking", {
      session,
      totals: [{ site: "Site A", seconds: -5, turns: 1 }],
    }) as Answer;
    expect(negative.ok).toBe(false);
    expect(addon.run("recordSpeaking", null) as Answer).toMatchObject({ ok: false });
    expect(records(addon, "Speaking")).toHaveLength(0);
  });

  it("answers busy (retryable) and writes nothing while another save holds the lock", () => {
    const { addon, sites, session } = exchangeWithAgenda();
    addon.emulator.env.faults.lockContention = true;
    const busy = addon.run("recordSpeaking", {
      session,
      totals: [{ site: sites[0], seconds: 60, turns: 1 }],
    }) as Answer;
    expect(busy).toMatchObject({ ok: false, error: { code: "busy", retryable: true } });
    expect(records(addon, "Speaking")).toHaveLength(0);
  });

  it("flushes its rows before it lets the lock go, so a quick second tap sees them", () => {
    const { addon, sites, session } = exchangeWithAgenda();
    const app = addon.emulator.globals.SpreadsheetApp as unknown as { flush(): void };
    const flush = app.flush.bind(app);
    const heldAtFlush: number[] = [];
    app.flush = () => {
      heldAtFlush.push(addon.emulator.locks.holding);
      flush();
    };
    const answer = addon.run("recordSpeaking", {
      session,
      totals: [{ site: sites[0], seconds: 30, turns: 1 }],
      sentAt: "2026-12-03T09:14:00.000Z",
    }) as Answer;
    expect(answer.ok).toBe(true);
    expect(heldAtFlush.length).toBeGreaterThanOrEqual(1);
    expect(heldAtFlush.every((held) => held > 0)).toBe(true);
  });

  it("asks for a peer group first", () => {
    const addon = exchangeWithPeers();
    addon.emulator.ui.respondWith(["OK"]);
    addon.run("showSpeakingTimer");
    expect(lastAlert(addon)).toMatch(/at least 2 selected peers/);
    expect(addon.emulator.ui.events.some((e) => e.type === "sidebar")).toBe(false);
  });
});
