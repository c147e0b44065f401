import { describe, expect, it } from "vitest";
import { reasonForScribe, retryStatus, sendNowResult } from "../../extension/src/popup/statusText.ts";

const at = () => "14:05";
const one = [{}] as never[];

describe("the popup's line about waiting clips", () => {
  it("wraps the last error as one sentence, with the next try and what to do", () => {
    const text = retryStatus(
      true,
      { pending: one, retry: { attempt: 2, nextAt: 1, lastError: "Could not reach the workbook." } },
      at,
    );
    expect(text).toBe(
      "The last try failed. Could not reach the workbook. Next try at 14:05, or press Send now.",
    );
    expect(text).not.toMatch(/\.\)|\.\./);
  });

  it("says so when sending is paused, and when there is no connection", () => {
    expect(
      retryStatus(
        true,
        { pending: one, retry: { attempt: 0, nextAt: 0, paused: true, lastError: "Token revoked" } },
        at,
      ),
    ).toBe("Sending is paused. Token revoked.");
    // Not connected: the popup's hint at the top already says so and what to do; no second line.
    expect(retryStatus(false, { pending: one, retry: { attempt: 2, nextAt: 1, lastError: "x" } }, at)).toBe(
      "",
    );
  });

  it("says nothing when nothing is waiting on a failure", () => {
    expect(retryStatus(true, { pending: [], retry: { attempt: 3, nextAt: 1, lastError: "x" } }, at)).toBe("");
    expect(retryStatus(true, { pending: one, retry: { attempt: 0, nextAt: 0 } }, at)).toBe("");
  });
});

describe("what Send now reports", () => {
  it("says what happened in words, never leaves the scribe guessing", () => {
    expect(sendNowResult({ status: "delivered", requests: 1 })).toBe("Sent.");
    expect(sendNowResult({ status: "idle" })).toBe("Nothing to send.");
    expect(sendNowResult({ status: "not-connected" })).toMatch(/connection code/);
    expect(
      sendNowResult({
        status: "waiting",
        retry: { attempt: 1, nextAt: 0, lastError: "Could not reach the workbook." },
      }),
    ).toBe("Not sent yet. Could not reach the workbook.");
    expect(
      sendNowResult({
        status: "paused",
        retry: { attempt: 0, nextAt: 0, paused: true, lastError: "Revoked" },
      }),
    ).toBe("Sending is paused. Revoked.");
  });
});

describe("a rejection's reason as the popup shows it", () => {
  it("drops the batch position, which means nothing to the scribe", () => {
    expect(reasonForScribe("clips[1].kind: expected one of insight, barrier")).toBe(
      "Kind: expected one of insight, barrier",
    );
    expect(reasonForScribe("clips[12].tags[0]: longer than 40 characters")).toBe(
      "Tags[0]: longer than 40 characters",
    );
    expect(reasonForScribe("Update the extension.")).toBe("Update the extension.");
  });
});
