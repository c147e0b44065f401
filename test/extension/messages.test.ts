import { describe, expect, it } from "vitest";
import { TranscriptEngine } from "../../extension/src/captions/engine.ts";
import {
  captionsRecentResponse,
  captionsRecentType,
  isCaptionsRecentRequest,
} from "../../extension/src/captions/messages.ts";
import { benchCaptionEngine } from "../bench/captions.ts";

describe("captions.recent messages", () => {
  it("recognizes only well-formed requests", () => {
    expect(isCaptionsRecentRequest({ type: captionsRecentType, seconds: 30 })).toBe(true);
    expect(isCaptionsRecentRequest({ type: captionsRecentType, seconds: "30" })).toBe(false);
    expect(isCaptionsRecentRequest({ type: captionsRecentType, seconds: Number.NaN })).toBe(false);
    expect(isCaptionsRecentRequest({ type: "clip.selection" })).toBe(false);
    expect(isCaptionsRecentRequest(null)).toBe(false);
  });

  it("answers with the window's lines, their text with speakers, and the platform", () => {
    const engine = new TranscriptEngine();
    engine.update({ rowKey: "r1", speaker: "Ana Ruiz", text: "Said long ago", at: 0 });
    engine.update({ rowKey: "r2", speaker: "Ben Cole", text: "We cut falls by half", at: 100_000 });
    engine.update({ rowKey: "r3", speaker: "Ana Ruiz", text: "How?", at: 110_000 });
    const response = captionsRecentResponse(engine, "meet", 30, 120_000);
    expect(response.platform).toBe("meet");
    expect(response.lines.map((line) => line.text)).toEqual(["We cut falls by half", "How?"]);
    expect(response.text).toBe("Ben Cole: We cut falls by half\nAna Ruiz: How?");
  });
});

describe("caption engine bench workload", () => {
  it("feeds at least 20,000 updates over 60 minutes and reports the transcript size", () => {
    const bench = benchCaptionEngine();
    expect(bench.updates).toBeGreaterThanOrEqual(20_000);
    expect(bench.transcriptBytes).toBeGreaterThan(10_000);
    expect(bench.lines).toBeGreaterThan(100);
  });
});
