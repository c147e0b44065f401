// `npm test` on a machine without Chromium stops at once with one line that says what to do.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const check = (chromium: string) =>
  spawnSync(
    process.execPath,
    [join(root, "node_modules/tsx/dist/cli.mjs"), "test/helpers/requireChromium.ts"],
    {
      cwd: root,
      env: { ...process.env, CHROMIUM_PATH: chromium },
      encoding: "utf8",
    },
  );

describe("the Chromium check before the tests", () => {
  it("stops with one line naming the install command and the variable", () => {
    const result = check("/nonexistent/chromium");
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/apt-get install -y chromium/);
    expect(lines[0]).toMatch(/CHROMIUM_PATH/);
  });

  it("passes quietly where Chromium is", () => {
    const result = check("/usr/bin/chromium");
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
  });
});
