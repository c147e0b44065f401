// Every menu item, on a workbook that was never set up and on one set up but left empty, answers with
// something a person can act on (an alert, prompt, sidebar or dialog), never an exception.
import { describe, expect, it } from "vitest";
import { type Addon, openAddon } from "../helpers/addon.ts";

function menuFunctions(): { label: string; fn: string }[] {
  const addon = openAddon();
  addon.run("onOpen", { authMode: "FULL" });
  const items = addon.emulator.ui.menus[0]?.items ?? [];
  return items.filter((i): i is { label: string; fn: string } => i !== "separator" && "fn" in i);
}

function clickOn(
  addon: Addon,
  fn: string,
): { events: { type: string; message?: string; html?: string }[]; error?: unknown } {
  // No scripted answers: every dialog is closed, and a coordinator closing one must not break anything.
  addon.emulator.ui.respondWith([]);
  let error: unknown;
  try {
    addon.run(fn);
  } catch (caught) {
    error = caught;
  }
  return { events: addon.emulator.ui.takeEvents() as never, error };
}

const stackTrace = /\n\s+at |TypeError|ReferenceError|undefined is not|Cannot read propert/;

describe("every menu item on an empty workbook", () => {
  const items = menuFunctions().filter((i) => i.fn !== "setUpWorkbook");

  for (const { label, fn } of items) {
    it(`“${label}” before set-up says what to do`, () => {
      const addon = openAddon();
      const { events, error } = clickOn(addon, fn);
      expect(error, String(error)).toBeUndefined();
      expect(events.length, `${label} showed nothing`).toBeGreaterThan(0);
      for (const e of events) expect(e.message ?? "").not.toMatch(stackTrace);
    });

    it(`“${label}” after set-up, with nothing filled in, says what to fill in`, () => {
      const addon = openAddon();
      addon.emulator.ui.respondWith(["OK"]);
      addon.run("setUpWorkbook");
      addon.emulator.ui.takeEvents();
      const { events, error } = clickOn(addon, fn);
      expect(error, String(error)).toBeUndefined();
      expect(events.length, `${label} showed nothing`).toBeGreaterThan(0);
      for (const e of events) expect(e.message ?? "").not.toMatch(stackTrace);
    });
  }
});

describe("a service error in the middle of a planning item", () => {
  // Each needs a filled workbook to get as far as writing; the fault hits its first read or write.
  const cases = [
    { fn: "selectPeers", title: "Select peer group" },
    { fn: "suggestPeerSimilarity", title: "Suggest similarity" },
    { fn: "buildAgenda", title: "Build agenda" },
    { fn: "showSpeakingTimer", title: "Speaking timer" },
  ];
  for (const { fn, title } of cases) {
    it(`“${title}” answers in plain words, and never throws`, () => {
      const addon = openAddon();
      addon.emulator.ui.respondWith(["OK"]);
      addon.run("setUpWorkbook");
      addon.emulator.ui.takeEvents();
      addon.emulator.env.faults.throwOn("Range.getValues", 1, "Service Spreadsheets timed out");
      const { events, error } = clickOn(addon, fn);
      expect(error, String(error)).toBeUndefined();
      const alert = events.find((e) => e.type === "alert");
      expect(alert?.message).toMatch(
        /^Something went wrong: Service Spreadsheets timed out\n\nRun Peer Exchange › Set up \/ repair workbook, then try again\./,
      );
    });
  }
});
