// Session and Logger: who runs the script, its time zone, and logged lines.
import { describe, expect, it } from "vitest";
import { EmulatorEnv } from "../../../sandbox/emulator/env.ts";
import { LogRecorder } from "../../../sandbox/emulator/logger.ts";
import { SessionEmulator } from "../../../sandbox/emulator/session.ts";

describe("Session", () => {
  it("knows the active and effective users; a web app visitor is anonymous", () => {
    const env = new EmulatorEnv({ user: "coordinator@example.org" });
    const session = new SessionEmulator(env).service;
    expect(session.getActiveUser().getEmail()).toBe("coordinator@example.org");
    env.context = "webapp";
    expect(session.getActiveUser().getEmail()).toBe("");
    expect(session.getEffectiveUser().getEmail()).toBe("coordinator@example.org");
  });

  it("reports the script time zone and a stable temporary key", () => {
    const env = new EmulatorEnv();
    const session = new SessionEmulator(env, { timeZone: "Europe/Berlin" }).service;
    expect(session.getScriptTimeZone()).toBe("Europe/Berlin");
    const key = session.getTemporaryActiveUserKey();
    expect(key).toBe(session.getTemporaryActiveUserKey());
    expect(key).not.toContain("coordinator");
  });
});

describe("Logger", () => {
  it("records lines with %s substitution", () => {
    const env = new EmulatorEnv();
    const logs = new LogRecorder(env);
    logs.service.log("Added %s rows to %s", 3, "Insights").log({ ok: true });
    expect(logs.lines).toEqual(["Added 3 rows to Insights", '{"ok":true}']);
    expect(logs.service.getLog()).toBe('Added 3 rows to Insights\n{"ok":true}');
    expect(env.calls.get("Logger.log")).toBe(2);
  });
});
