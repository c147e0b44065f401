// The fixture meeting pages under the platforms' real host names: an HTTPS server on 127.0.0.1 with a
// throwaway self-signed certificate, and Chromium told to send those hosts to it (--host-rules) and to
// accept the certificate, so the extension's host matching and permissions meet real origins.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { type BrowserContext, chromium, type Worker } from "playwright-core";
import { chromiumArgs, extensionArgs } from "../helpers/chromium.ts";
import { meetingFixture } from "../helpers/meetingFixtures.ts";
import { type Clipper, chromiumPath, extensionDir, newUserDataDir, unpackedExtensionId } from "./browser.ts";

export interface MeetingHost {
  platform: "meet" | "teams" | "zoom" | "webex";
  /** The name the options page shows for the site. */
  siteName: string;
  host: string;
  /** A meeting URL's path as the platform spells it. */
  path: string;
  /** The optional host permission (manifest) that covers the host. */
  permission: string;
  fixture: string;
}

export const meetingHosts: readonly MeetingHost[] = [
  {
    platform: "meet",
    siteName: "Google Meet",
    host: "meet.google.com",
    path: "/abc-defg-hij",
    permission: "https://meet.google.com/*",
    fixture: "meet.html",
  },
  {
    platform: "teams",
    siteName: "Microsoft Teams (work)",
    host: "teams.microsoft.com",
    path: "/v2/",
    permission: "https://teams.microsoft.com/*",
    fixture: "teams.html",
  },
  {
    platform: "zoom",
    siteName: "Zoom web client",
    host: "app.zoom.us",
    path: "/wc/84512345678/join",
    permission: "https://app.zoom.us/*",
    fixture: "zoom.html",
  },
  {
    platform: "webex",
    siteName: "Webex",
    host: "riverside.webex.com",
    path: "/meet/dana.lee",
    permission: "https://*.webex.com/*",
    fixture: "webex.html",
  },
];

export const meetingUrl = (meeting: MeetingHost) => `https://${meeting.host}${meeting.path}`;

/** A certificate for the meeting hosts, made now with the openssl CLI; valid two days, for tests only. */
export function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), "px-tls-"));
  const names = meetingHosts.map((m) => `DNS:${m.host}`).join(",");
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=Peer Exchange test meetings",
        "-addext",
        `subjectAltName=${names}`,
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
      { stdio: "pipe" },
    );
  } catch (error) {
    throw new Error(`Could not make a test certificate with openssl (is it installed?): ${String(error)}`);
  }
  return { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) };
}

export interface MeetingServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves each host's fixture page at its meeting path, and the fixtures' scripts and images (relative
 * links, so found by file name under any path).
 */
export async function startMeetingServer(): Promise<MeetingServer> {
  const server: Server = createServer(selfSignedCertificate(), (request, response) => {
    const host = (request.headers.host ?? "").replace(/:\d+$/, "");
    const path = new URL(request.url ?? "/", "https://x").pathname;
    const meeting = meetingHosts.find((m) => m.host === host);
    const asset = basename(path);
    let file: string | undefined;
    if (meeting && path === meeting.path) file = meeting.fixture;
    // Scripts, images and the harder huddle pages (and their meeting frames) by file name.
    else if (meeting && [".js", ".svg", ".html"].includes(extname(asset))) file = asset;
    const fixture = file ? meetingFixture(file) : null;
    if (!fixture) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": fixture.type });
    response.end(fixture.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Chromium's HostMappingRules: each meeting host (any port) goes to the loopback server's port. */
export function hostRules(port: number): string {
  return meetingHosts.map((m) => `MAP ${m.host} 127.0.0.1:${port}`).join(", ");
}

async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith("chrome-extension://");
  const running = context.serviceWorkers().find(isOurs);
  if (running) return running;
  const started = context.waitForEvent("serviceworker", { predicate: isOurs, timeout: 30_000 });
  // A fresh profile sometimes starts the worker only once an extension page opens.
  const page = await context.newPage();
  await page
    .goto(`chrome-extension://${unpackedExtensionId(extensionDir)}/options.html`)
    .catch(() => undefined);
  const worker = context.serviceWorkers().find(isOurs) ?? (await started);
  await page.close();
  return worker;
}

/** Debian's Chromium with the built extension, the meeting hosts mapped to `port`, any certificate accepted. */
export async function launchOnMeetingHosts(port: number): Promise<Clipper> {
  const userDataDir = newUserDataDir();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      ...extensionArgs(extensionDir),
      ...chromiumArgs,
      `--host-rules=${hostRules(port)}`,
      "--ignore-certificate-errors",
    ],
  });
  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, userDataDir, close: () => context.close() };
}

/**
 * The scribe's approval of the meeting sites, as the browser records it. Headless Chromium cannot show
 * the permission prompt that chrome.permissions.request opens, so the approval is given where a user
 * can also give it: the browser's own extension settings (chrome://extensions, through the
 * developerPrivate API that page uses). A later chrome.permissions.request for those sites then
 * resolves at once, without a prompt, as it does for sites a user already approved.
 */
export async function approveSitesInBrowserSettings(
  clipper: Clipper,
  permissions: readonly string[],
): Promise<void> {
  const page = await clipper.context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${clipper.extensionId}`);
    const failures = await page.evaluate(
      async ([id, patterns]) => {
        const failed: string[] = [];
        for (const pattern of patterns) {
          try {
            await chrome.developerPrivate.addHostPermission(id, pattern);
          } catch (error) {
            failed.push(`${pattern}: ${String(error)}`);
          }
        }
        return failed;
      },
      [clipper.extensionId, [...permissions]] as const,
    );
    if (failures.length) throw new Error(`The browser refused site access: ${failures.join("; ")}`);
  } finally {
    await page.close();
  }
}

declare global {
  // chrome://extensions' private API (not in @types/chrome); only what the tests use.
  namespace chrome.developerPrivate {
    function addHostPermission(extensionId: string, host: string): Promise<void>;
  }
}

/** Connects the scribe and allows every meeting site from the options page, as the scribe would. */
export async function connectAndAllowMeetingSites(clipper: Clipper, code: string): Promise<void> {
  const options = await clipper.context.newPage();
  try {
    await options.goto(`chrome-extension://${clipper.extensionId}/options.html`);
    await options.getByLabel("Connection code").fill(code);
    await options.getByRole("button", { name: "Connect" }).click();
    await options.locator("#scribe-name").filter({ hasText: /\S/ }).waitFor();
    await approveSitesInBrowserSettings(
      clipper,
      meetingHosts.map((m) => m.permission),
    );
    for (const meeting of meetingHosts) await options.getByLabel(meeting.siteName, { exact: true }).check();
    await options.getByRole("button", { name: "Allow the chosen sites" }).click();
    await options.getByText("Caption capture is set for the chosen sites.").waitFor();
  } finally {
    await options.close();
  }
}
