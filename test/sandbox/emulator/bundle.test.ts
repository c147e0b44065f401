// A script in node:vm, as loadBundle runs the add-on: its values (arrays, objects, Dates) cross into
// the emulator's realm and back.
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { loadBundle } from "../../../sandbox/bundle.ts";
import { createEmulator } from "../../../sandbox/emulator/index.ts";

const code = `
function saveSettings(settings) {
  PropertiesService.getDocumentProperties().setProperties(settings);
  return PropertiesService.getDocumentProperties().getProperties();
}
function stamp() {
  var date = new Date(Date.UTC(2025, 4, 6, 7, 8, 9));
  return Utilities.formatDate(date, Session.getScriptTimeZone(), "yyyy-MM-dd'T'HH:mm:ss");
}
function writeRows() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  sheet.getRange(1, 1, 2, 2).setValues([["When", "Count"], [new Date(Date.UTC(2025, 0, 2)), 3]]);
  return sheet.getRange(1, 1, 2, 2).getValues();
}
function kinds() {
  var values = writeRows();
  return [values instanceof Array, values[1][0] instanceof Date, values[0][0] instanceof Date];
}
function include(name) {
  return "<i>" + name + "</i>";
}
function page() {
  return HtmlService.createTemplate("<head><?!= include('Styles') ?></head>").evaluate().getContent();
}
function lockError() {
  try {
    LockService.getScriptLock().waitLock(1000);
    return "locked";
  } catch (error) {
    return error instanceof Error ? error.message : "not an Error: " + String(error);
  }
}
function openSidebar() {
  var template = HtmlService.createTemplate("<p><?= who ?></p>");
  template.who = "<b>Ana</b>";
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle("Peers"));
  return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, "abc").length;
}
`;

describe("a script in node:vm on the emulator", () => {
  it("passes objects and arrays across the realm", () => {
    const emulator = createEmulator();
    const bundle = loadBundle(emulator, code);
    expect(bundle.functions).toEqual([
      "saveSettings",
      "stamp",
      "writeRows",
      "kinds",
      "include",
      "page",
      "lockError",
      "openSidebar",
    ]);
    expect(bundle.call("saveSettings", { site: "North", size: 12 })).toEqual({ site: "North", size: "12" });
    expect(emulator.env.calls.get("Properties.setProperties")).toBe(1);
  });

  it("formats a Date made in the script's realm", () => {
    const bundle = loadBundle(createEmulator(), code);
    expect(bundle.call("stamp")).toBe("2025-05-06T07:08:09");
  });

  it("writes and reads cells with the script's Dates", () => {
    const bundle = loadBundle(createEmulator(), code);
    const values = bundle.call("writeRows") as unknown[][];
    expect(values[0]).toEqual(["When", "Count"]);
    const when = values[1]?.[0] as Date;
    expect(Object.prototype.toString.call(when)).toBe("[object Date]");
    expect(when.getTime()).toBe(Date.UTC(2025, 0, 2));
  });

  it("lets a template call the script's own include()", () => {
    const bundle = loadBundle(createEmulator(), code);
    expect(bundle.call("page")).toBe("<head><i>Styles</i></head>");
  });

  it("lets the script's catch blocks see service errors as Errors", () => {
    const emulator = createEmulator();
    const bundle = loadBundle(emulator, code);
    emulator.env.faults.lockContention = true;
    expect(bundle.call("lockError")).toBe("Lock timeout: another process was holding the lock for too long.");
    expect(vm.runInContext("[] instanceof Error || ({}) instanceof Error", bundle.context)).toBe(false);
  });

  it("lets the script recognize returned arrays and Dates with instanceof", () => {
    const bundle = loadBundle(createEmulator(), code);
    expect(bundle.call("kinds")).toEqual([true, true, false]);
    expect(vm.runInContext("new TypeError('x') instanceof RangeError", bundle.context)).toBe(false);
  });

  it("shows an escaped sidebar through the Ui", () => {
    const emulator = createEmulator();
    const bundle = loadBundle(emulator, code);
    expect(bundle.call("openSidebar")).toBe(32);
    expect(emulator.ui.events).toEqual([
      { type: "sidebar", title: "Peers", html: "<p>&lt;b&gt;Ana&lt;/b&gt;</p>", width: null },
    ]);
  });
});
