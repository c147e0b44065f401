// Prints "N passed, N failed" from vitest's JSON report; exits non-zero when anything failed or nothing ran.
import { existsSync, readFileSync } from "node:fs";

const file = process.argv[2] ?? "reports/vitest.json";
if (!existsSync(file)) {
  console.log("0 passed, 1 failed");
  console.error(`No test report at ${file}: the build, typecheck or lint failed before the tests ran.`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, "utf8"));
const passed = report.numPassedTests ?? 0;
// A test file that failed to load has no assertions but still counts as a failure.
const unloaded = (report.testResults ?? []).filter(
  (suite) => suite.status === "failed" && (suite.assertionResults ?? []).length === 0,
).length;
const failed = (report.numFailedTests ?? 0) + unloaded;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(passed > 0 && failed === 0 ? 0 : 1);
