// `npx tsx scripts/phiAblate.ts`: what each word list adds to the PHI guard, on both corpus parts: the census
// name lists, the US place gazetteer, both, or neither (the rules and cue words alone).

import { words } from "../shared/clip/phi/words.ts";
import { detectPhi } from "../shared/clip/phi.ts";
import { loadPart, precision, recall, score } from "../test/fixtures/phi-qi.ts";

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const lex = words();
const saved = { ...lex };
const none = { has: () => false };
const noNames = { namePlain: none, nameWordy: none, firstNames: none };
const noPlaces = { placePlain: none, placeWordy: none, counties: none };
const variants: [string, object][] = [
  ["rules and cue words only", { ...noNames, ...noPlaces }],
  ["+ name lists", noPlaces],
  ["+ gazetteer", noNames],
  ["+ name lists + gazetteer (shipped)", {}],
];
for (const [name, without] of variants) {
  Object.assign(lex, saved, without);
  const row = [name];
  for (const part of ["dev", "test"] as const) {
    const lines = loadPart(part);
    const started = cpu();
    const s = score(lines, detectPhi);
    const ms = ((cpu() - started) / lines.length) * 1000;
    const n = s.perType.get("name")!;
    const a = s.perType.get("address")!;
    row.push(
      `${part}: recall ${recall(s.total).toFixed(3)} precision ${precision(s.total).toFixed(3)} clean flagged ${(s.cleanFlagged / s.cleanLines).toFixed(3)}; name ${recall(n).toFixed(2)}/${precision(n).toFixed(2)}; address ${recall(a).toFixed(2)}/${precision(a).toFixed(2)}; ${ms.toFixed(0)} ms CPU per 1,000 lines`,
    );
  }
  console.log(row.join("\n  "));
}
Object.assign(lex, saved);
