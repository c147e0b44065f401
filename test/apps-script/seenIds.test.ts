// The endpoint's filter of written clip ids (pure): never a false "not seen", a cache text that survives
// the round trip, and text it did not write refused (then the filter is rebuilt from the column).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  addSeen,
  decodeSeen,
  emptySeenIds,
  encodeSeen,
  maybeSeen,
  overfull,
} from "../../apps-script/src/endpoint/seenIds.ts";

describe("the filter of written clip ids", () => {
  it("answers 'maybe' for every id it took in, any case, and rarely for others", () => {
    const seen = emptySeenIds(5_000);
    const ids = Array.from({ length: 5_000 }, () => randomUUID());
    for (const id of ids) addSeen(seen, id);
    expect(ids.every((id) => maybeSeen(seen, id.toUpperCase()))).toBe(true);
    const others = Array.from({ length: 5_000 }, () => randomUUID());
    const falsePositives = others.filter((id) => maybeSeen(seen, id)).length;
    expect(falsePositives / others.length).toBeLessThan(0.02);
  });

  it("spreads sequential ids as well as random ones", () => {
    const seen = emptySeenIds(1_000);
    const id = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
    for (let i = 0; i < 1_000; i += 1) addSeen(seen, id(i));
    let falsePositives = 0;
    for (let i = 1_000; i < 6_000; i += 1) if (maybeSeen(seen, id(i))) falsePositives += 1;
    expect(falsePositives / 5_000).toBeLessThan(0.02);
  });

  it("survives its cache text and refuses text it did not write", () => {
    const seen = emptySeenIds(100);
    addSeen(seen, "3f2b8c1e-5a7d-4e2f-9c1b-000000000001");
    seen.through = 42;
    const back = decodeSeen(encodeSeen(seen));
    expect(back?.through).toBe(42);
    expect(back && maybeSeen(back, "3f2b8c1e-5a7d-4e2f-9c1b-000000000001")).toBe(true);
    expect(encodeSeen(emptySeenIds(1_000_000)).length).toBeLessThan(100 * 1024);
    for (const text of [null, "", "x", "42:1024:", "42:1000:AAAA", "0:1024:AAAA", "42:1024:!!!!"])
      expect(decodeSeen(text), String(text)).toBeNull();
  });

  it("asks to be rebuilt bigger once it holds more ids than it was sized for", () => {
    const seen = emptySeenIds(100);
    expect(overfull(seen)).toBe(false);
    seen.through = 10_000;
    expect(overfull(seen)).toBe(true);
  });
});
