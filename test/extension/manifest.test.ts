import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { browsers, extensionManifest, icons } from "../../extension/manifest/manifest.ts";

describe("the Clipper's manifest", () => {
  for (const browser of browsers) {
    const manifest = extensionManifest(browser);
    const commands = manifest.commands as Record<
      string,
      { suggested_key: { default: string }; description: string }
    >;

    it(`${browser}: has at most four shortcuts, each with Ctrl or Alt, and one opens the popup`, () => {
      expect(Object.keys(commands).length).toBeLessThanOrEqual(4);
      expect(Object.keys(commands).sort()).toEqual(["_execute_action", "clip-captions", "clip-selection"]);
      for (const [name, command] of Object.entries(commands)) {
        expect(command.suggested_key.default, name).toMatch(/^(Ctrl|Alt)\+/);
        expect(command.description.length, name).toBeGreaterThan(0);
      }
    });

    it(`${browser}: asks for exactly the permissions the design lists`, () => {
      expect([...(manifest.permissions as string[])].sort()).toEqual(
        ["activeTab", "alarms", "contextMenus", "scripting", "storage", "unlimitedStorage"].sort(),
      );
      expect(manifest.host_permissions).toEqual([
        "https://script.google.com/*",
        "https://script.googleusercontent.com/*",
        "http://127.0.0.1/*",
        "http://localhost/*",
      ]);
    });
  }

  it("names icons that exist in extension/static", () => {
    for (const file of Object.values(icons)) {
      expect(existsSync(join(import.meta.dirname, "../../extension/static", file)), file).toBe(true);
    }
  });
});
