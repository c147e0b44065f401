import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignPseudonyms, pseudonym, pseudonymIndex } from "../../../shared/methods/pseudonyms.ts";

describe("pseudonyms", () => {
  it("runs Site A … Site Z, then Site AA, AB …", () => {
    expect(pseudonym(0)).toBe("Site A");
    expect(pseudonym(25)).toBe("Site Z");
    expect(pseudonym(26)).toBe("Site AA");
    expect(pseudonym(27)).toBe("Site AB");
    expect(pseudonym(51)).toBe("Site AZ");
    expect(pseudonym(52)).toBe("Site BA");
    expect(pseudonym(701)).toBe("Site ZZ");
    expect(pseudonym(702)).toBe("Site AAA");
  });

  it("round-trips through pseudonymIndex", () => {
    fc.assert(fc.property(fc.nat(100_000), (i) => pseudonymIndex(pseudonym(i)) === i));
    expect(pseudonymIndex("Hospital A")).toBeUndefined();
  });

  it("keeps existing pseudonyms and fills blanks with the lowest unused", () => {
    expect(assignPseudonyms(["", "Site A", "", null, "Site C"])).toEqual([
      "Site B",
      "Site A",
      "Site D",
      "Site E",
      "Site C",
    ]);
  });

  it("never gives two rows the same pseudonym", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(""), fc.nat(40).map(pseudonym)), { maxLength: 60 }),
        (existing) => {
          const out = assignPseudonyms(existing);
          return new Set(out).size === out.length;
        },
      ),
    );
  });
});
