// ContentService: the JSON a web app returns, and the HTTP type the sandbox serves it with.
import { describe, expect, it } from "vitest";
import { createContentService } from "../../../sandbox/emulator/content.ts";
import { EmulatorEnv } from "../../../sandbox/emulator/env.ts";

describe("ContentService", () => {
  it("creates JSON output", () => {
    const env = new EmulatorEnv();
    const content = createContentService(env);
    const output = content.createTextOutput(JSON.stringify({ ok: true })).setMimeType(content.MimeType.JSON);
    expect(output.getContent()).toBe('{"ok":true}');
    expect(output.getMimeType()).toBe(content.MimeType.JSON);
    expect(output.toHttp()).toEqual({ contentType: "application/json; charset=utf-8", body: '{"ok":true}' });
    expect(env.calls.get("ContentService.createTextOutput")).toBe(1);
  });

  it("defaults to plain text and appends", () => {
    const content = createContentService(new EmulatorEnv());
    const output = content.createTextOutput().append("a").append("b");
    expect(output.getContent()).toBe("ab");
    expect(output.getMimeType()).toBe("TEXT");
    expect(() => output.setMimeType("HTML" as "TEXT")).toThrow("Invalid argument");
  });
});
