import { describe, expect, it } from "vitest";
import { correctDrift, type DriftInput } from "./drift";

const FRAME = 1 / 24;
const at = (followerSeconds: number, over: Partial<DriftInput> = {}): DriftInput => ({
  masterSeconds: 4,
  followerSeconds,
  fps: 24,
  speed: 1,
  currentRate: 1,
  sinceSeek: 5,
  ...over,
});

describe("correctDrift", () => {
  it("leaves a follower within a quarter frame alone", () => {
    expect(correctDrift(at(4 + 0.2 * FRAME))).toEqual({ kind: "keep" });
    expect(correctDrift(at(4 - 0.2 * FRAME))).toEqual({ kind: "keep" });
  });

  it("slows a follower more than half a frame ahead and speeds one behind, by 3 %", () => {
    expect(correctDrift(at(4 + 0.6 * FRAME))).toEqual({ kind: "rate", playbackRate: 0.97 });
    expect(correctDrift(at(4 - 0.6 * FRAME))).toEqual({ kind: "rate", playbackRate: 1.03 });
  });

  it("nudges by 5 % past a frame and a half", () => {
    expect(correctDrift(at(4 + 1.6 * FRAME, { currentRate: 0.97 }))).toEqual({ kind: "rate", playbackRate: 0.95 });
    expect(correctDrift(at(4 - 2.9 * FRAME))).toEqual({ kind: "rate", playbackRate: 1.05 });
  });

  it("nudges around the chosen speed", () => {
    expect(correctDrift(at(4 - FRAME, { speed: 2, currentRate: 2 }))).toEqual({ kind: "rate", playbackRate: 2.06 });
    expect(correctDrift(at(4 + 2 * FRAME, { speed: 0.5, currentRate: 0.5 }))).toEqual({ kind: "rate", playbackRate: 0.475 });
  });

  it("keeps nudging until the follower is within a quarter frame, then returns to the speed", () => {
    expect(correctDrift(at(4 - 0.4 * FRAME, { currentRate: 1.03 }))).toEqual({ kind: "keep" });
    expect(correctDrift(at(4 - 0.4 * FRAME, { currentRate: 1.05 }))).toEqual({ kind: "keep" });
    expect(correctDrift(at(4 - 0.1 * FRAME, { currentRate: 1.03 }))).toEqual({ kind: "rate", playbackRate: 1 });
  });

  it("drops a nudge made for another speed", () => {
    expect(correctDrift(at(4 - 0.4 * FRAME, { speed: 2, currentRate: 1.03 }))).toEqual({ kind: "rate", playbackRate: 2 });
  });

  it("seeks to the master's time past three frames apart, either way", () => {
    expect(correctDrift(at(4 + 3.5 * FRAME))).toEqual({ kind: "seek", toSeconds: 4 });
    expect(correctDrift(at(4 - 3.5 * FRAME))).toEqual({ kind: "seek", toSeconds: 4 });
  });

  it("nudges instead of seeking again within a second of the last seek", () => {
    expect(correctDrift(at(4 - 5 * FRAME, { sinceSeek: 0.4 }))).toEqual({ kind: "rate", playbackRate: 1.05 });
  });
});
