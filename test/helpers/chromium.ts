// Debian's Chromium for every browser test: one path and one set of flags for this closed network.
import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium, or another one named by CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** The one line `npm test` prints, and stops on, when there is no Chromium to run the browser tests. */
export const missingChromium = `No Chromium at ${chromiumPath}: install Debian's (sudo apt-get install -y chromium) or set CHROMIUM_PATH to another Chromium, then run npm test again.`;

/** Without the background-networking flags Chromium keeps dialling Google, which this network refuses. */
export const chromiumArgs: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Flags that load one unpacked extension and no other. */
export function extensionArgs(dir: string): string[] {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}

export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, ...extraArgs],
  });
}
