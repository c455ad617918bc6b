import { describe, expect, it } from "vitest";
import { parsePollReply, readFailure, readState, readUsage, readVideoUrl } from "./parse-reply";

const URL_A = "https://cdn.example.com/a.mp4?_jwt=abc";

describe("readVideoUrl", () => {
  it.each([
    ["an array of strings (the vendor shape)", [URL_A]],
    ["one object", { url: URL_A }],
    ["an array of objects", [{ url: URL_A }]],
    ["a bare string", URL_A],
    ["an array whose first item is empty", [null, URL_A]],
  ])("reads %s", (_label, video) => {
    expect(readVideoUrl(video)).toBe(URL_A);
  });

  it.each([
    ["null", null],
    ["an empty array", []],
    ["an object without url", { href: URL_A }],
    ["a non-URL string", "pending"],
    ["a number", 5],
  ])("finds nothing in %s", (_label, video) => {
    expect(readVideoUrl(video)).toBeNull();
  });
});

describe("readFailure", () => {
  it("is null for null, undefined and empty", () => {
    expect(readFailure(null)).toBeNull();
    expect(readFailure(undefined)).toBeNull();
    expect(readFailure("")).toBeNull();
  });
  it("reads a string and finds its reason", () => {
    expect(readFailure("SAFETY.INPUT.TEXT: prompt flagged")).toEqual({ reason: "SAFETY.INPUT.TEXT", message: "SAFETY.INPUT.TEXT: prompt flagged" });
  });
  it("reads {name, message}", () => {
    expect(readFailure({ name: "INTERNAL.BAD_OUTPUT.CODE01", message: "bad output" })).toEqual({
      reason: "INTERNAL.BAD_OUTPUT.CODE01",
      message: "bad output",
    });
  });
  it("reads a provider detail list", () => {
    const failure = readFailure({ detail: [{ loc: ["body", "ratio"], msg: "unsupported ratio", type: "value_error" }] });
    expect(failure).toEqual({ reason: null, message: "body.ratio: unsupported ratio" });
  });
  it("reads an object with only a name", () => {
    expect(readFailure({ name: "ASSET.INVALID" })).toEqual({ reason: "ASSET.INVALID", message: "ASSET.INVALID" });
  });
});

describe("readState", () => {
  it.each([
    ["queued", "queued"], ["waiting", "queued"], ["pending", "queued"],
    ["generating", "generating"], ["active", "generating"], ["processing", "generating"],
    ["completed", "completed"], ["complete", "completed"], ["succeeded", "completed"], ["success", "completed"],
    ["error", "failed"], ["failed", "failed"], ["cancelled", "failed"], ["canceled", "failed"],
    ["COMPLETED", "completed"], ["dreaming", "unknown"], [42, "unknown"], [null, "unknown"],
  ])("maps %s to %s", (status, state) => {
    expect(readState(status)).toBe(state);
  });
});

describe("readUsage", () => {
  it("reads tokens_used, credits_used, numeric strings, or nothing", () => {
    expect(readUsage({ meta: { usage: { tokens_used: 120 } } })).toBe(120);
    expect(readUsage({ meta: { usage: { credits_used: 7.5 } } })).toBe(7.5);
    expect(readUsage({ meta: { usage: { tokens_used: "300" } } })).toBe(300);
    expect(readUsage({ meta: null })).toBeNull();
    expect(readUsage({ meta: { usage: { tokens_used: true } } })).toBeNull();
    expect(readUsage({ meta: { usage: { tokens_used: [5] } } })).toBeNull();
    expect(readUsage({ meta: { usage: { tokens_used: "" } } })).toBeNull();
    expect(readUsage({})).toBeNull();
  });
});

describe("parsePollReply", () => {
  it("reads a completed reply in the documented vendor shape", () => {
    expect(parsePollReply({ id: "g1", status: "completed", video: [URL_A], error: null, meta: { usage: { tokens_used: 9 } } })).toEqual({
      id: "g1",
      state: "completed",
      rawStatus: "completed",
      videoUrl: URL_A,
      failure: null,
      tokensUsed: 9,
    });
  });
  it("treats an error object on a running job as a failure (the common client bug)", () => {
    const reply = parsePollReply({ id: "g1", status: "generating", error: { name: "INTERNAL", message: "boom" } });
    expect(reply.state).toBe("failed");
    expect(reply.failure?.reason).toBe("INTERNAL");
  });
  it("never throws on any JSON value", () => {
    for (const body of [null, 1, "x", [], [1, 2], true, { status: {} }, { video: { url: 5 } }, { error: 12 }]) {
      expect(() => parsePollReply(body)).not.toThrow();
    }
    expect(parsePollReply("not an object").state).toBe("unknown");
  });
});
