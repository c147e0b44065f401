// The build's outputs: the add-on manifest and both extension builds, generated from one source.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dist = join(import.meta.dirname, "../../dist");
const json = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(dist, path), "utf8"));

describe("dist/apps-script", () => {
  it("has Code.js and an appsscript.json with explicit scopes and a web app", () => {
    expect(existsSync(join(dist, "apps-script/Code.js"))).toBe(true);
    const manifest = json("apps-script/appsscript.json");
    expect(manifest.runtimeVersion).toBe("V8");
    const scopes = manifest.oauthScopes as string[];
    expect(scopes).toContain("https://www.googleapis.com/auth/spreadsheets");
    expect(scopes.every((s) => s.startsWith("https://www.googleapis.com/auth/"))).toBe(true);
    // Broad Drive access is never needed: the workbook is opened by its own id.
    expect(scopes).not.toContain("https://www.googleapis.com/auth/drive");
    expect(manifest.webapp).toEqual({ executeAs: "USER_DEPLOYING", access: "ANYONE_ANONYMOUS" });
    // Set-up batches its changes through the Sheets API: the advanced service, under the spreadsheets scope.
    expect(manifest.dependencies).toEqual({
      enabledAdvancedServices: [{ userSymbol: "Sheets", serviceId: "sheets", version: "v4" }],
    });
  });

  it("ships no HyperFormula (it is for the sandbox and tests only)", () => {
    const code = readFileSync(join(dist, "apps-script/Code.js"), "utf8");
    expect(code).not.toMatch(/hyperformula/i);
  });
});

describe("dist/extension", () => {
  const chromium = json("extension/chromium/manifest.json");
  const firefox = json("extension/firefox/manifest.json");

  it("differs between browsers only where the browsers do", () => {
    expect(chromium.background).toEqual({ service_worker: "background.js" });
    expect(firefox.background).toEqual({ scripts: ["background.js"] });
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: expect.any(String) } });
    const { background: _a, minimum_chrome_version: _b, ...sharedChromium } = chromium;
    const { background: _c, browser_specific_settings: _d, ...sharedFirefox } = firefox;
    expect(sharedChromium).toEqual(sharedFirefox);
  });

  it("asks for the minimum permissions, meeting hosts only as optional", () => {
    expect(chromium.manifest_version).toBe(3);
    expect(chromium.permissions).not.toContain("tabs");
    expect(chromium.permissions).not.toContain("<all_urls>");
    const hosts = chromium.host_permissions as string[];
    expect(hosts.some((h) => h.includes("meet.google.com"))).toBe(false);
    expect(chromium.optional_host_permissions).toEqual(expect.arrayContaining(["https://meet.google.com/*"]));
  });

  it("contains every file its manifest names", () => {
    for (const browser of ["chromium", "firefox"]) {
      const manifest = json(`extension/${browser}/manifest.json`);
      const background = manifest.background as { service_worker?: string; scripts?: string[] };
      const files = [
        ...(background.service_worker ? [background.service_worker] : []),
        ...(background.scripts ?? []),
        (manifest.action as { default_popup?: string } | undefined)?.default_popup,
        (manifest.options_ui as { page?: string } | undefined)?.page,
      ].filter((f): f is string => typeof f === "string");
      for (const file of files)
        expect(existsSync(join(dist, "extension", browser, file)), `${browser}/${file}`).toBe(true);
    }
  });
});
