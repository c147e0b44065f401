// One manifest source; the Chromium and Firefox variants differ only where the browsers do.
export const browsers = ["chromium", "firefox"] as const;
export type Browser = (typeof browsers)[number];

export const extensionVersion = "0.1.0";

/** Meeting hosts: optional, granted from the options page, then caption scripts are registered. */
export const meetingHostPermissions = [
  "https://meet.google.com/*",
  "https://teams.microsoft.com/*",
  "https://teams.live.com/*",
  "https://app.zoom.us/*",
  "https://*.zoom.us/*",
  "https://*.webex.com/*",
] as const;

/** The endpoint: the workbook's web app on Google, or the local sandbox. */
export const endpointHostPermissions = [
  "https://script.google.com/*",
  "https://script.googleusercontent.com/*",
  "http://127.0.0.1/*",
  "http://localhost/*",
] as const;

export function extensionManifest(browser: Browser): Record<string, unknown> {
  const base: Record<string, unknown> = {
    manifest_version: 3,
    name: "Peer Exchange Clipper",
    short_name: "PX Clipper",
    version: extensionVersion,
    description: "Clip selections and live captions from web meetings into your Peer Exchange workbook.",
    permissions: ["storage", "unlimitedStorage", "alarms", "contextMenus", "activeTab", "scripting"],
    host_permissions: [...endpointHostPermissions],
    optional_host_permissions: [...meetingHostPermissions],
    action: { default_title: "Peer Exchange Clipper", default_popup: "popup.html" },
    options_ui: { page: "options.html", open_in_tab: true },
  };
  if (browser === "chromium") {
    return { ...base, background: { service_worker: "background.js" }, minimum_chrome_version: "120" };
  }
  return {
    ...base,
    background: { scripts: ["background.js"] },
    browser_specific_settings: {
      gecko: { id: "clipper@peer-exchange.example", strict_min_version: "128.0" },
    },
  };
}
