import { describe, expect, it } from "vitest";
import { diffWords } from "./word-diff";

describe("diffWords", () => {
  it("finds nothing changed in the same words, whatever the spacing", () => {
    expect(diffWords("a lighthouse  at dawn", " a lighthouse at\ndawn ")).toEqual([{ kind: "same", text: "a lighthouse at dawn" }]);
  });

  it("marks a replaced word as removed then added, between what stayed", () => {
    expect(diffWords("slow dolly-in on a lighthouse at dawn", "slow dolly-in on a lighthouse at dusk")).toEqual([
      { kind: "same", text: "slow dolly-in on a lighthouse at" },
      { kind: "removed", text: "dawn" },
      { kind: "added", text: "dusk" },
    ]);
  });

  it("keeps the longest common run when words move", () => {
    expect(diffWords("red boat on a calm sea", "a calm sea with a red boat")).toEqual([
      { kind: "removed", text: "red boat on" },
      { kind: "same", text: "a calm sea" },
      { kind: "added", text: "with a red boat" },
    ]);
  });

  it("handles an empty side", () => {
    expect(diffWords("", "rain on a window")).toEqual([{ kind: "added", text: "rain on a window" }]);
    expect(diffWords("rain on a window", "")).toEqual([{ kind: "removed", text: "rain on a window" }]);
    expect(diffWords("", "")).toEqual([]);
  });

  it("compares case and punctuation as written", () => {
    expect(diffWords("Fog, then sun", "fog, then sun.")).toEqual([
      { kind: "removed", text: "Fog," },
      { kind: "added", text: "fog," },
      { kind: "same", text: "then" },
      { kind: "removed", text: "sun" },
      { kind: "added", text: "sun." },
    ]);
  });
});
