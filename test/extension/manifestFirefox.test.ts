// The Firefox build's manifest, against what Firefox 128 (the minimum it declares) understands:
// MV3 event page (background.scripts), a gecko id, optional_host_permissions (Firefox 128+, per MDN's
// browser-compat-data), scripting.registerContentScripts with persistAcrossSessions (Firefox 105+).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extensionManifest, meetingHostPermissions } from "../../extension/manifest/manifest.ts";

const firefox = extensionManifest("firefox");
const chromium = extensionManifest("chromium");

describe("the Firefox manifest", () => {
  it("runs the background as an event page with a gecko id and a minimum of Firefox 128", () => {
    expect(firefox.background).toEqual({ scripts: ["background.js"] });
    const gecko = (firefox.browser_specific_settings as { gecko: { id: string; strict_min_version: string } })
      .gecko;
    expect(gecko.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(128);
  });

  it("declares the data a clip transmits for Firefox's built-in consent, as PRIVACY.md states it", () => {
    const gecko = (firefox.browser_specific_settings as { gecko: { data_collection_permissions: unknown } })
      .gecko;
    const declared = gecko.data_collection_permissions as { required: string[] };
    expect([...declared.required].sort()).toEqual(
      ["browsingActivity", "personalCommunications", "personallyIdentifyingInfo", "websiteContent"].sort(),
    );
    const privacy = readFileSync(join(import.meta.dirname, "../../PRIVACY.md"), "utf8");
    for (const type of declared.required) expect(privacy).toContain(type);
  });

  it("carries no Chromium-only keys and keeps meeting hosts optional", () => {
    expect(firefox).not.toHaveProperty("minimum_chrome_version");
    expect(JSON.stringify(firefox.background)).not.toContain("service_worker");
    expect(firefox.optional_host_permissions).toEqual([...meetingHostPermissions]);
    expect(firefox).not.toHaveProperty("content_scripts");
    expect(chromium).not.toHaveProperty("content_scripts");
  });

  it("differs from the Chromium manifest only in the keys the browsers need", () => {
    const differing = new Set([...Object.keys(firefox), ...Object.keys(chromium)]);
    for (const key of [...differing]) {
      if (JSON.stringify(firefox[key]) === JSON.stringify(chromium[key])) differing.delete(key);
    }
    expect([...differing].sort()).toEqual([
      "background",
      "browser_specific_settings",
      "minimum_chrome_version",
    ]);
  });

  it("is the manifest the build wrote", () => {
    const built = join(import.meta.dirname, "../../dist/extension/firefox/manifest.json");
    expect(JSON.parse(readFileSync(built, "utf8"))).toEqual(firefox);
  });
});
