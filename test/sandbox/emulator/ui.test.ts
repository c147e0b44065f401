// The Ui recorder: menus, scripted answers to alerts and prompts, sidebars, dialogs, web-app refusal.
import { describe, expect, it } from "vitest";
import { EmulatorEnv } from "../../../sandbox/emulator/env.ts";
import { HtmlEmulator } from "../../../sandbox/emulator/html.ts";
import { UiRecorder } from "../../../sandbox/emulator/ui.ts";

// The emulator's HtmlOutput implements the part of the interface the add-on uses.
const shown = (output: unknown) => output as GoogleAppsScript.HTML.HtmlOutput;

function setup() {
  const env = new EmulatorEnv();
  const recorder = new UiRecorder(env);
  return { env, recorder, ui: recorder.getUi(), html: new HtmlEmulator(env).service };
}

describe("UiRecorder", () => {
  it("answers alerts and prompts in the scripted order, then CLOSE", () => {
    const { recorder, ui } = setup();
    recorder.respondWith(["YES", { button: "OK", text: "Site A" }]);
    expect(ui.alert("Replace peers?", "This clears the list.", ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    const answer = ui.prompt("Scribe name", ui.ButtonSet.OK_CANCEL);
    expect(answer.getSelectedButton()).toBe(ui.Button.OK);
    expect(answer.getResponseText()).toBe("Site A");
    expect(ui.alert("Done")).toBe(ui.Button.CLOSE);
    const unanswered = ui.prompt("Anything else?");
    expect(unanswered.getSelectedButton()).toBe(ui.Button.CLOSE);
    expect(unanswered.getResponseText()).toBe("");
    expect(recorder.events.map((e) => [e.type, e.title ?? "", e.message, e.response])).toEqual([
      ["alert", "Replace peers?", "This clears the list.", "YES"],
      ["prompt", "", "Scribe name", "OK"],
      ["alert", "", "Done", "CLOSE"],
      ["prompt", "", "Anything else?", "CLOSE"],
    ]);
  });

  it("refuses a scripted button the dialog does not have", () => {
    const { recorder, ui } = setup();
    recorder.respondWith(["YES"]);
    expect(() => ui.alert("Saved")).toThrow('Scripted response "YES" is not a button of this alert (OK).');
  });

  it("accepts loosely written answers and rejects unknown buttons", () => {
    const { recorder, ui } = setup();
    recorder.respondWith(["yes", { text: "Ward 3" }, "maybe"]);
    expect(ui.alert("Go?", ui.ButtonSet.YES_NO)).toBe("YES");
    expect(ui.prompt("Site?", ui.ButtonSet.OK_CANCEL).getResponseText()).toBe("Ward 3");
    expect(recorder.events[1]?.response).toBe("OK");
    expect(() => ui.alert("Again?")).toThrow('Scripted response "maybe" is not a button');
    recorder.respondWith(["OK", "OK"]);
    expect(recorder.pendingResponses()).toEqual(["OK", "OK"]);
    recorder.clearResponses();
    expect(ui.alert("Fresh run")).toBe("CLOSE");
  });

  it("records menus with separators and submenus; the same menu built again replaces it", () => {
    const { recorder, ui } = setup();
    const sub = ui.createMenu("Reports").addItem("Dashboard", "refreshDashboard");
    ui.createAddonMenu().addItem("Set up", "setUpWorkbook").addSeparator().addSubMenu(sub).addToUi();
    ui.createAddonMenu().addItem("Set up", "setUpWorkbook").addToUi();
    expect(recorder.menus).toEqual([
      { name: "Peer Exchange", addon: true, items: [{ label: "Set up", fn: "setUpWorkbook" }] },
    ]);
    const first = recorder.events[0];
    expect(first?.items).toEqual([
      { label: "Set up", fn: "setUpWorkbook" },
      "separator",
      { label: "Reports", fn: "", items: [{ label: "Dashboard", fn: "refreshDashboard" }] },
    ]);
  });

  it("records sidebars and dialogs with their HTML, and toasts", () => {
    const { recorder, ui, html } = setup();
    ui.showSidebar(shown(html.createHtmlOutput("<p>Peers</p>").setTitle("Select peers").setWidth(300)));
    ui.showModalDialog(
      shown(html.createHtmlOutput("<p>Code</p>").setWidth(400).setHeight(200)),
      "Connect a scribe",
    );
    recorder.toast("Saved 3 rows", "Peer Exchange", 5);
    const events = recorder.takeEvents();
    expect(events).toEqual([
      { type: "sidebar", title: "Select peers", html: "<p>Peers</p>", width: 300 },
      {
        type: "dialog",
        modal: true,
        html: "<p>Code</p>",
        title: "Connect a scribe",
        width: 400,
        height: 200,
      },
      { type: "toast", message: "Saved 3 rows", title: "Peer Exchange", timeoutSeconds: 5 },
    ]);
    expect(recorder.events).toEqual([]);
  });

  it("is not available to a web app", () => {
    const { env, recorder } = setup();
    env.context = "webapp";
    expect(() => recorder.getUi()).toThrow("Cannot call SpreadsheetApp.getUi() from this context.");
  });
});
