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

/** At most four shortcuts, each with Ctrl or Alt (CLIPPER.md); ids match background/commands.ts. */
export const commands = {
  "clip-selection": {
    suggested_key: { default: "Alt+Shift+C" },
    description: "Clip the selected text to Peer Exchange",
  },
  "clip-captions": {
    suggested_key: { default: "Alt+Shift+L" },
    description: "Clip the last 30 seconds of meeting captions",
  },
  _execute_action: {
    suggested_key: { default: "Alt+Shift+P" },
    description: "Open the Peer Exchange Clipper",
  },
} as const;

export const icons = {
  "16": "icons/icon-16.png",
  "32": "icons/icon-32.png",
  "48": "icons/icon-48.png",
  "128": "icons/icon-128.png",
};

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
    icons,
    action: { default_title: "Peer Exchange Clipper", default_popup: "popup.html", default_icon: icons },
    commands,
    options_ui: { page: "options.html", open_in_tab: true },
  };
  if (browser === "chromium") {
    return { ...base, background: { service_worker: "background.js" }, minimum_chrome_version: "120" };
  }
  return {
    ...base,
    background: { scripts: ["background.js"] },
    browser_specific_settings: {
      gecko: {
        id: "clipper@peer-exchange.example",
        strict_min_version: "128.0",
        // Firefox's built-in consent (Extension Workshop, "Firefox built-in consent for data collection
        // and transmission"): clips carry what the page or meeting shows, who said it and where it came from,
        // sent to the coordinator's own workbook and nowhere else (PRIVACY.md).
        data_collection_permissions: {
          required: [
            "websiteContent",
            "personalCommunications",
            "personallyIdentifyingInfo",
            "browsingActivity",
          ],
        },
      },
    },
  };
}
