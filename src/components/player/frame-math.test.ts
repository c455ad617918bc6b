import { describe, expect, it } from "vitest";
import { frameAt, frameLabel, frameStart, lastFrameOf, seekTimeOf } from "./frame-math";

describe("frame arithmetic at 24 fps", () => {
  it("puts a time a rounding error short of a frame's start on that frame", () => {
    // 7 × (1/24) is 0.29166666666666663, and × 24 gives 6.999…: floored alone it would say frame 6.
    expect(frameAt(7 * (1 / 24), 24)).toBe(7);
    expect(frameAt(0.24999999999999997, 24)).toBe(6);
    // Chromium keeps the playhead in whole microseconds: 1/24 s reads back as 0.041666.
    expect(frameAt(0.041666, 24)).toBe(1);
  });

  it("seeks a millisecond into a frame, where a playhead rounded down to the microsecond or millisecond still shows it", () => {
    expect(seekTimeOf(1, 24)).toBe(1 / 24 + 0.001);
    expect(frameAt(Math.floor(seekTimeOf(1, 24) * 1e6) / 1e6, 24)).toBe(1);
    expect(frameAt(Math.floor(seekTimeOf(1, 24) * 1e3) / 1e3, 24)).toBe(1);
    expect(frameAt(seekTimeOf(119, 24), 24)).toBe(119);
  });

  it("keeps a time inside a frame on that frame, and starts frames where they start", () => {
    expect(frameAt(1.25, 24)).toBe(30);
    expect(frameAt(1.2916, 24)).toBe(30);
    expect(frameAt(0, 24)).toBe(0);
    expect(frameStart(30, 24)).toBe(1.25);
  });

  it("numbers a 5 s take's frames 0 to 119 and labels them by their start", () => {
    expect(lastFrameOf(5, 24)).toBe(119);
    expect(lastFrameOf(5.041667, 24)).toBe(120);
    expect(frameLabel(30, 24)).toBe("1.25 s (frame 30)");
    expect(frameLabel(7, 24)).toBe("0.29 s (frame 7)");
  });
});
