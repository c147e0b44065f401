import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/requireChromium.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: browser and server tests run one file per worker.
    maxWorkers: 2,
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
  },
});
