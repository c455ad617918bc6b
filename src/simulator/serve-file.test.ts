import { describe, expect, it } from "vitest";
import { parseRange } from "./serve-file";

describe("parseRange", () => {
  it.each([
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=900-", { start: 900, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=950-5000", { start: 950, end: 999 }],
    ["bytes=-5000", { start: 0, end: 999 }],
  ])("reads %s", (header, range) => {
    expect(parseRange(header, 1000)).toEqual(range);
  });

  it("marks ranges past the end unsatisfiable and serves everything for absent or multiple ranges", () => {
    expect(parseRange("bytes=1000-", 1000)).toBeNull();
    expect(parseRange("bytes=-0", 1000)).toBeNull();
    expect(parseRange("bytes=50-10", 1000)).toBeNull();
    expect(parseRange(undefined, 1000)).toBeUndefined();
    expect(parseRange("bytes=0-1,5-9", 1000)).toBeUndefined();
  });
});
