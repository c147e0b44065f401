// ScriptApp: triggers recorded with Apps Script's add-on limits, web-app URL, authorization.
import { describe, expect, it } from "vitest";
import { EmulatorEnv } from "../../../sandbox/emulator/env.ts";
import { ScriptEmulator, TriggerRegistry } from "../../../sandbox/emulator/script.ts";

function setup(authMode: "NONE" | "FULL" = "FULL") {
  const env = new EmulatorEnv({ authMode });
  let documentId = "doc-1";
  const triggers = new TriggerRegistry();
  const script = new ScriptEmulator(env, triggers, () => documentId, { scriptId: "script-1" });
  const spreadsheet = { getId: () => documentId };
  return { env, triggers, script, app: script.service, spreadsheet, open: (id: string) => (documentId = id) };
}

describe("ScriptApp triggers", () => {
  it("creates a daily time-driven trigger and a spreadsheet edit trigger", () => {
    const { app, triggers, spreadsheet } = setup();
    const clock = app.newTrigger("sendReminders").timeBased().everyDays(1).atHour(8).create();
    app.newTrigger("onEditInstalled").forSpreadsheet(spreadsheet).onEdit().create();
    expect(clock.getHandlerFunction()).toBe("sendReminders");
    expect(clock.getEventType()).toBe(app.EventType.CLOCK);
    expect(triggers.list()).toMatchObject([
      {
        handler: "sendReminders",
        eventType: "CLOCK",
        schedule: { everyDays: 1, atHour: 8 },
        documentId: "doc-1",
      },
      { handler: "onEditInstalled", eventType: "ON_EDIT", source: "SPREADSHEETS", sourceId: "doc-1" },
    ]);
    expect(app.getUserTriggers(spreadsheet as never)).toHaveLength(2);
  });

  it("allows one time-driven trigger per document per user in an add-on", () => {
    const { app, open } = setup();
    app.newTrigger("sendReminders").timeBased().everyHours(1).create();
    expect(() => app.newTrigger("other").timeBased().everyDays(1).create()).toThrow(
      "This add-on has created too many time-based triggers in this document for this Google user account.",
    );
    open("doc-2");
    app.newTrigger("sendReminders").timeBased().everyHours(1).create();
    expect(app.getProjectTriggers()).toHaveLength(2);
  });

  it("refuses add-on triggers more often than hourly and invalid intervals", () => {
    const { app } = setup();
    expect(() => app.newTrigger("f").timeBased().everyMinutes(30).create()).toThrow("once per hour");
    expect(() => app.newTrigger("f").timeBased().everyHours(3)).toThrow("everyHours(3)");
    expect(() => app.newTrigger("f").timeBased().atHour(24)).toThrow("atHour(24)");
    expect(() => app.newTrigger("f").timeBased().create()).toThrow("before create()");
  });

  it("caps a user at 20 triggers per script", () => {
    const { app, triggers } = setup();
    triggers.addon = false;
    for (let i = 0; i < 20; i++) app.newTrigger(`f${i}`).timeBased().everyMinutes(5).create();
    expect(() => app.newTrigger("f20").timeBased().everyHours(1).create()).toThrow(
      "This script has too many triggers.",
    );
  });

  it("deletes a trigger", () => {
    const { app, triggers } = setup();
    const trigger = app.newTrigger("sendReminders").timeBased().everyHours(2).create();
    app.deleteTrigger(trigger as never);
    expect(triggers.list()).toEqual([]);
    app.newTrigger("sendReminders").timeBased().everyHours(2).create();
    expect(triggers.list()).toHaveLength(1);
  });

  it("refuses trigger work in AuthMode.NONE", () => {
    const { app, triggers } = setup("NONE");
    expect(() => app.newTrigger("f").timeBased().everyHours(1).create()).toThrow(
      "You do not have permission to call ScriptApp.newTrigger",
    );
    expect(() => app.getProjectTriggers()).toThrow("You do not have permission");
    expect(triggers.list()).toEqual([]);
  });

  it("round-trips the registry", () => {
    const { app, triggers } = setup();
    app.newTrigger("sendReminders").timeBased().everyHours(1).create();
    const restored = new TriggerRegistry(JSON.parse(JSON.stringify(triggers.toJSON())));
    expect(restored.list()).toEqual(triggers.list());
    expect(() => restored.add({ ...triggers.list()[0]!, handler: "again" })).toThrow("too many time-based");
  });
});

describe("ScriptApp", () => {
  it("reports the script id, the web app URL and authorization", () => {
    const { app, env, script } = setup();
    expect(app.getScriptId()).toBe("script-1");
    expect(app.getService().getUrl()).toMatch(/^https:\/\/script\.google\.com\/macros\/s\/.+\/exec$/);
    script.webAppUrl = "http://127.0.0.1:8080/exec";
    expect(app.getService().getUrl()).toBe("http://127.0.0.1:8080/exec");
    // "Returns the URL of the web app, if it has been deployed; otherwise returns null": https://developers.google.com/apps-script/reference/script/service#getUrl()
    script.webAppUrl = null;
    expect(app.getService().getUrl()).toBeNull();
    expect(app.getService().isEnabled()).toBe(false);
    const info = app.getAuthorizationInfo(app.AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe(app.AuthorizationStatus.NOT_REQUIRED);
    env.authMode = "LIMITED";
    expect(app.getAuthorizationInfo(app.AuthMode.FULL).getAuthorizationStatus()).toBe("REQUIRED");
  });
});
