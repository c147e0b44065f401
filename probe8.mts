import { findPeople, findPlaces } from "./shared/clip/phi/people.ts";
import { findSpoken } from "./shared/clip/phi/spoken.ts";
import { detectPhi } from "./shared/clip/phi.ts";
const clip = "okay so thanks omar for pulling the numbers, miss adeyemi was the one who fell on nights last week and her husband dale found her by the bathroom. she's ninety one and staying with her daughter in westfield. the braden was 14, foley out day 2 post op, bp 142 over 88. admit was 3/4, readmit 3/19. call the unit clerk at ext 4471 or five five five oh one four two. policy 7.3.2 covers the restraint renewal in room 4102 bed b.";
for (const [name, fn] of [["people", () => findPeople(clip)], ["places", () => findPlaces(clip, [])], ["spoken", () => findSpoken(clip)], ["all", () => detectPhi(clip)]] as const) {
  let t = performance.now(); fn(); const first = performance.now() - t;
  t = performance.now(); for (let i = 0; i < 50; i++) fn();
  console.log(name, "first", first.toFixed(1), "then", ((performance.now() - t) / 50).toFixed(2));
}
