// The built bundle, loaded as Apps Script loads it: top-level functions and the add-on menu.
import { describe, expect, it } from "vitest";
import { readBundle, topLevelFunctions } from "../../sandbox/bundle.ts";
import { openAddon } from "../helpers/addon.ts";

describe("the built add-on bundle", () => {
  it("declares exactly one top-level function per export of the entry file", () => {
    const addon = openAddon();
    const exported = Object.keys(addon.bundle.context.PeerExchange as object).sort();
    const declared = topLevelFunctions(readBundle()).sort();
    expect(declared).toEqual(exported);
    expect(declared).toEqual(expect.arrayContaining(["onOpen", "onInstall"]));
  });

  it("keeps its top level free of service calls", () => {
    const addon = openAddon({ authMode: "NONE" });
    expect(addon.emulator.env.calls.total()).toBe(0);
  });

  it("is plain ES2019: no class fields or private names reach Apps Script", () => {
    const code = readBundle();
    expect(code).not.toMatch(/#[A-Za-z_]\w*\s*[=;(]/);
    expect(code).not.toMatch(/^\s+static\s+\w+\s*=/m);
  });
});

describe("onOpen", () => {
  for (const authMode of ["NONE", "LIMITED", "FULL"] as const) {
    it(`builds the Peer Exchange add-on menu in AuthMode.${authMode}`, () => {
      const addon = openAddon({ authMode });
      addon.run("onOpen", { authMode });
      const menus = addon.emulator.ui.menus;
      expect(menus).toHaveLength(1);
      const items = menus[0]?.items.filter((item) => item !== "separator") ?? [];
      expect(items.map((item) => item.label)).toContain("Set up / repair workbook");
      // Every item names a function Apps Script can find.
      for (const item of items) expect(addon.bundle.functions).toContain(item.fn);
    });
  }

  it("touches no PropertiesService in AuthMode.NONE", () => {
    const addon = openAddon({ authMode: "NONE" });
    addon.run("onOpen", { authMode: "NONE" });
    expect(addon.emulator.env.calls.total("PropertiesService")).toBe(0);
    expect(addon.emulator.env.calls.total("Properties")).toBe(0);
  });

  // A spreadsheet call in onOpen is a round trip to Google before the menu shows, every time anyone opens
  // the workbook (developers.google.com/apps-script/guides/support/best-practices).
  for (const authMode of ["NONE", "LIMITED", "FULL"] as const) {
    it(`makes no spreadsheet call in AuthMode.${authMode}`, () => {
      const addon = openAddon({ authMode });
      addon.run("onOpen", { authMode });
      const spreadsheetCalls = Object.keys(addon.emulator.env.calls.snapshot()).filter((key) =>
        /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|TextFinder|NamedRange|DeveloperMetadata)\./.test(
          key,
        ),
      );
      // getUi is the menu's own handle: it reads nothing from the workbook.
      expect(spreadsheetCalls.filter((key) => key !== "SpreadsheetApp.getUi")).toEqual([]);
    });
  }

  it("onInstall builds the same menu", () => {
    const addon = openAddon({ authMode: "FULL" });
    addon.run("onInstall", { authMode: "FULL" });
    expect(addon.emulator.ui.menus).toHaveLength(1);
  });
});
