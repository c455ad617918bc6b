import { describe, expect, it } from "vitest";
import { describeTaskFailure } from "./failure-messages";

const describe_ = (reason: string | null) => describeTaskFailure({ reason, message: "raw provider text" });

describe("describeTaskFailure", () => {
  it.each([
    ["SAFETY.INPUT.TEXT", "safety_input", /refused the image or prompt/],
    ["SAFETY.INPUT", "safety_input", /Change the image or the prompt/],
    ["SAFETY.OUTPUT.IMAGE", "safety_output", /result was blocked/],
    ["INTERNAL.BAD_OUTPUT.CODE01", "bad_output", /text in the image/],
    ["ASSET.INVALID", "invalid_asset", /JPEG, PNG or WebP/],
    ["INTERNAL", "upstream_internal", /failed on its side/],
  ])("turns %s into %s with a sentence a creator can act on", (reason, code, sentence) => {
    const { code: got, message } = describe_(reason);
    expect(got).toBe(code);
    expect(message).toMatch(sentence);
    expect(message).not.toContain("raw provider text");
  });

  it.each([
    ["no reason", null],
    ["an unknown reason", "QUOTA.EXCEEDED"],
    // Exact reasons only: a longer code that merely starts like one is not that failure.
    ["a code that only starts like ASSET.INVALID", "ASSET.INVALID_SIZE"],
    ["a code that only starts like INTERNAL", "INTERNAL_ERROR"],
    ["a reason with SAFETY later on", "X.SAFETY.INPUT"],
  ])("falls back to the general failure for %s", (_label, reason) => {
    expect(describe_(reason)).toEqual({
      code: "generation_failed",
      message: "The generation failed at the provider. Try again; if it keeps failing, change the image or prompt.",
    });
  });
});
