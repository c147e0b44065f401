import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignPseudonyms,
  currentSiteLabel,
  matchSiteLabel,
  pseudonym,
  pseudonymIndex,
  siteLabel,
  siteLabels,
} from "../../../shared/methods/pseudonyms.ts";

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

describe("the naming rule", () => {
  const valley = { siteName: "Valley General", pseudonym: "Site A", permissionToIdentify: true };
  const hill = { siteName: "Hill Memorial", pseudonym: "Site B", permissionToIdentify: false };

  it("names a site only where it granted permission, else by its pseudonym", () => {
    expect(siteLabels([valley, hill])).toEqual(["Valley General", "Site B"]);
    // Anything but a ticked box (or TRUE / yes typed) is no permission.
    for (const permissionToIdentify of ["", "no", "FALSE", 0, null, undefined, "maybe"])
      expect(siteLabel({ ...valley, permissionToIdentify })).toBe("Site A");
    expect(siteLabel({ ...valley, permissionToIdentify: " Yes " })).toBe("Valley General");
    // Permission without a name falls back to the pseudonym; neither gives "".
    expect(siteLabel({ siteName: " ", pseudonym: "Site C", permissionToIdentify: true })).toBe("Site C");
    expect(siteLabel({ siteName: "Quiet", pseudonym: "", permissionToIdentify: false })).toBe("");
  });

  it("matches typed labels without regard to case or spaces, and nothing else", () => {
    const labels = siteLabels([valley, hill]);
    expect(matchSiteLabel("  site   b", labels)).toBe("Site B");
    expect(matchSiteLabel("VALLEYGENERAL", labels)).toBe("Valley General");
    expect(matchSiteLabel("Hill Memorial", labels)).toBeUndefined();
    expect(matchSiteLabel("Site A", labels)).toBeUndefined();
    expect(matchSiteLabel("  ", labels)).toBeUndefined();
  });

  it("recognizes a site written by name or pseudonym as its current label", () => {
    expect(currentSiteLabel("hill memorial", [valley, hill])).toBe("Site B");
    expect(currentSiteLabel("site a", [valley, hill])).toBe("Valley General");
    expect(currentSiteLabel("Elsewhere", [valley, hill])).toBeUndefined();
    expect(currentSiteLabel("Quiet", [{ siteName: "Quiet", pseudonym: "" }])).toBe("");
  });
});
