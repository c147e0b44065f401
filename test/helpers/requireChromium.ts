// Without a Chromium the browser tests can only fail, each with a launch error, so `npm test` stops at once
// with the one line that says what to do. Run before the build (npm's pretest) and as vitest's global set-up.
import { accessSync, constants } from "node:fs";
import { chromiumPath, missingChromium } from "./chromium.ts";

export default function requireChromium(): void {
  try {
    accessSync(chromiumPath, constants.X_OK);
  } catch {
    console.error(missingChromium);
    process.exit(1);
  }
}

if (process.argv[1]?.endsWith("requireChromium.ts")) requireChromium();
