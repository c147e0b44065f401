import { describe, expect, it } from "vitest";
import { siteLabel } from "../../../shared/methods/pseudonyms.ts";
import { siteNames } from "../../../shared/methods/siteNames.ts";

describe("site naming rule", () => {
  it("names a site only with permission, else by pseudonym", () => {
    expect(siteLabel({ siteName: "Lakeside", pseudonym: "Site A", permissionToIdentify: true })).toBe(
      "Lakeside",
    );
    expect(siteLabel({ siteName: "Hilltop", pseudonym: "Site B", permissionToIdentify: false })).toBe(
      "Site B",
    );
    expect(siteLabel({ siteName: " ", pseudonym: "Site C", permissionToIdentify: true })).toBe("Site C");
  });

  it("recognizes a site by name, pseudonym or label, whatever the case, and lists the selected", () => {
    const names = siteNames([
      { siteName: "Lakeside", pseudonym: "Site A", permissionToIdentify: true, selected: true },
      { siteName: "Hilltop", pseudonym: "Site B", permissionToIdentify: false, selected: true },
      { siteName: "Valley", pseudonym: "Site C", permissionToIdentify: false, selected: false },
      { siteName: "Unnamed yet", pseudonym: "", permissionToIdentify: false, selected: true },
    ]);
    expect(names.labelOf("hilltop")).toBe("Site B");
    expect(names.labelOf("Site A")).toBe("Lakeside");
    expect(names.labelOf("Elsewhere")).toBeUndefined();
    // A site with nothing to show yet (no pseudonym, no permission) is left out.
    expect(names.labelOf("Unnamed yet")).toBeUndefined();
    expect(names.selected).toEqual(["Lakeside", "Site B"]);
  });
});
