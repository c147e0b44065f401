import { describe, expect, it } from "vitest";
import { isConfidential, isSharedSetting, shareableInsights } from "../../../shared/methods/shareable.ts";

describe("what may reach a shared output", () => {
  it("leaves confidential clips out, keeping the others in order", () => {
    const rows = [
      { clipId: "a", confidential: false },
      { clipId: "b", confidential: true },
      { clipId: "c", confidential: "" },
      { clipId: "d", confidential: "yes" },
      { clipId: "e", confidential: " FALSE " },
      { clipId: "f", confidential: "TRUE" },
      { clipId: "g" },
    ];
    expect(shareableInsights(rows).map((r) => r.clipId)).toEqual(["a", "c", "e"]);
  });

  it("counts anything but a clearly unticked cell as confidential", () => {
    for (const value of [true, "x", 1, "ticked", null, undefined, "confidential"])
      expect(isConfidential(value)).toBe(true);
    for (const value of [false, "", 0, "no", "No", "false"]) expect(isConfidential(value)).toBe(false);
  });

  it("shares only on yes", () => {
    expect(isSharedSetting(" Yes")).toBe(true);
    for (const value of ["no", "", "y", true, undefined]) expect(isSharedSetting(value)).toBe(false);
  });
});
