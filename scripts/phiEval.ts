// `npm run phi:eval [dev|test] [--misses]`: the PHI guard's recall, precision and clean-line rate on the
// QI-meeting corpus, per identifier type. Rules and lists are tuned on the dev part only.
import { detectPhi } from "../shared/clip/phi.ts";
import { loadPart, type Part, report, score } from "../test/fixtures/phi-qi.ts";

const args = process.argv.slice(2);
const parts = (args.filter((a) => a === "dev" || a === "test") as Part[]).length
  ? (args.filter((a) => a === "dev" || a === "test") as Part[])
  : (["dev", "test"] as Part[]);
for (const part of parts) {
  const lines = loadPart(part);
  const started = performance.now();
  const s = score(lines, detectPhi);
  const ms = performance.now() - started;
  console.log(
    `\n== ${part} part: ${lines.length} lines, ${((ms / lines.length) * 1000).toFixed(0)} ms per 1,000 lines`,
  );
  console.log(report(s));
  // Misses are printed for the development part only, so the frozen part is never tuned on.
  if (args.includes("--misses") && part === "dev") {
    for (const list of ["misses", "partial", "falseAlarms"] as const)
      if (s[list].length) console.log(`\n${list}:\n  ${s[list].join("\n  ")}`);
  }
}
