import { describe, expect, it } from "vitest";
import { emptyCaptionsMessage } from "../../extension/src/captions/messages.ts";
import { captionPlatforms } from "../../extension/src/captions/platforms/index.ts";

describe("what the scribe is told when a caption clip is empty", () => {
  it("says how to turn captions on, in the platform's own words, when none are showing", () => {
    expect(emptyCaptionsMessage({ platform: "teams", health: "off" })).toContain("Turn on live captions");
    expect(emptyCaptionsMessage({ platform: "zoom", health: "off" })).toContain("In Zoom");
    for (const platform of captionPlatforms) {
      expect(emptyCaptionsMessage({ platform: platform.id, health: "off" })).toContain(
        platform.turnOnCaptions,
      );
    }
  });

  it("says captions cannot be read when the platform shows them and no row is found", () => {
    expect(emptyCaptionsMessage({ platform: "meet", health: "unreadable" })).toMatch(
      /^Captions are on but Peer Exchange can't read them.*clip a selection/i,
    );
  });

  it("says nothing was said yet while captions are read", () => {
    expect(emptyCaptionsMessage({ platform: "webex", health: "reading" })).toBe(
      "No captions in that window yet.",
    );
  });
});
