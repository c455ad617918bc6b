import { describe, expect, it } from "vitest";
import { parsePollReply, readFailure, readState, readUsage, readVideoUrl } from "./parse-reply";

describe("readState, less common spellings", () => {
  it.each([
    ["throttled", "queued"],
    ["running", "generating"],
    ["in_progress", "generating"],
    ["failure", "failed"],
    ["  Completed \n", "completed"],
    ["", "unknown"],
  ])("maps %j to %s", (status, state) => {
    expect(readState(status)).toBe(state);
  });
});

describe("readVideoUrl, what counts as a URL", () => {
  it.each([
    ["plain http", "http://cdn.example.com/a.mp4", "http://cdn.example.com/a.mp4"],
    ["upper-case scheme", "HTTPS://cdn.example.com/a.mp4", "HTTPS://cdn.example.com/a.mp4"],
    ["padded with spaces", "  https://cdn.example.com/a.mp4 ", "https://cdn.example.com/a.mp4"],
    ["a URL later in the text", "see https://cdn.example.com/a.mp4", null],
    ["another scheme", "ftp://cdn.example.com/a.mp4", null],
    ["a scheme without slashes", "https:cdn.example.com/a.mp4", null],
    ["an object whose url is not a URL", { url: "soon" }, null],
    ["an array of things that are not URLs", ["soon", { url: 3 }], null],
  ])("%s", (_label, video, url) => {
    expect(readVideoUrl(video)).toBe(url);
  });
});

describe("readFailure, every shape of error", () => {
  it("reads false as no error, and any other value as its text", () => {
    expect(readFailure(false)).toBeNull();
    expect(readFailure(12)).toEqual({ reason: null, message: "12" });
    expect(readFailure(true)).toEqual({ reason: null, message: "true" });
  });

  it.each([
    ["SAFETY.OUTPUT.IMAGE flagged", "SAFETY.OUTPUT.IMAGE"],
    ["failed: INTERNAL.BAD_OUTPUT", "INTERNAL.BAD_OUTPUT"],
    ["INTERNAL.BAD_OUTPUT.CODE_01 then more", "INTERNAL.BAD_OUTPUT.CODE_01"],
    ["ASSET.INVALID", "ASSET.INVALID"],
    ["INTERNAL", "INTERNAL"],
    ["SAFETY.INPUT.A.B2", "SAFETY.INPUT.A.B2"],
    ["XINTERNAL", null],
    ["INTERNALS", null],
    ["SAFETY.OTHER", null],
    ["safety.input", null],
  ])("finds the reason in %j", (text, reason) => {
    expect(readFailure(text)).toEqual({ reason, message: text });
  });

  it.each([
    ["message before anything else", { message: "boom", detail: "d", name: "N" }, "boom"],
    ["an empty message falls through to the detail", { message: "", detail: "the detail" }, "the detail"],
    ["a detail string", { detail: "quota exceeded" }, "quota exceeded"],
    ["errors when there is no detail", { errors: [{ message: "prompt too long" }] }, "prompt too long"],
    ["the code when there is no name", { code: "E42" }, "E42"],
    ["the JSON when nothing else is there", { foo: 1 }, '{"foo":1}'],
    ["a non-string detail is skipped", { detail: 5, name: "N" }, "N"],
  ])("takes %s", (_label, error, message) => {
    expect(readFailure(error)?.message).toBe(message);
  });

  it("skips a name, code or message that isn't text", () => {
    expect(readFailure({ name: 7, code: 5, message: 3, detail: "the detail" })).toEqual({ reason: null, message: "the detail" });
  });

  it("reads each provider detail item: located, plain, or unknown", () => {
    const failure = readFailure({
      detail: [{ loc: ["body", "duration"], msg: "must be 5 or 10" }, { message: "no loc here" }, { loc: "body", type: "x" }, "bare"],
    });
    expect(failure?.message).toBe('body.duration: must be 5 or 10; no loc here; {"loc":"body","type":"x"}; bare');
  });

  it("prefers the name's reason over one in the text, and finds one in the text otherwise", () => {
    expect(readFailure({ name: "ASSET.INVALID", message: "INTERNAL went wrong" })?.reason).toBe("ASSET.INVALID");
    expect(readFailure({ name: "Oops", message: "SAFETY.INPUT.TEXT refused" })?.reason).toBe("SAFETY.INPUT.TEXT");
    expect(readFailure({ code: "INTERNAL" })).toEqual({ reason: "INTERNAL", message: "INTERNAL" });
  });

  it("reads a bare list of details, and nothing from an empty one", () => {
    expect(readFailure([{ loc: ["body", "ratio"], msg: "bad" }, "SAFETY.INPUT"])).toEqual({ reason: "SAFETY.INPUT", message: "body.ratio: bad; SAFETY.INPUT" });
    expect(readFailure([])).toBeNull();
    expect(readFailure({ detail: [] })?.message).toBe('{"detail":[]}');
  });
});

describe("readUsage, where and how usage is written", () => {
  it.each([
    ["top-level usage when there is no meta", { usage: { credits_used: 3 } }, 3],
    ["top-level usage when meta has none", { meta: { other: 1 }, usage: { tokens_used: 4 } }, 4],
    ["credits when tokens are not a number", { meta: { usage: { tokens_used: "many", credits_used: 6 } } }, 6],
    ["a padded negative decimal string", { meta: { usage: { tokens_used: " -2.5 " } } }, -2.5],
    ["no usage from a half-written decimal", { meta: { usage: { tokens_used: "2." } } }, null],
    ["no usage from digits with text around", { meta: { usage: { tokens_used: "x12", credits_used: "12x" } } }, null],
    ["a decimal with several places", { meta: { usage: { tokens_used: "2.55" } } }, 2.55],
    ["no usage from hex or exponent forms Number() would read", { meta: { usage: { tokens_used: "0x12", credits_used: "1e3" } } }, null],
    ["no usage from infinity", { meta: { usage: { tokens_used: Number.POSITIVE_INFINITY } } }, null],
    ["no usage when usage is a list", { meta: { usage: [1] } }, null],
  ])("%s", (_label, body, tokens) => {
    expect(readUsage(body)).toBe(tokens);
  });
});

describe("parsePollReply, the whole reply", () => {
  it("reads a numeric id as text and a non-string status as no raw status", () => {
    expect(parsePollReply({ id: 42, status: 7 })).toMatchObject({ id: "42", state: "unknown", rawStatus: null });
    expect(parsePollReply({ id: { nested: true }, status: "queued" })).toMatchObject({ id: null, state: "queued", rawStatus: "queued" });
  });

  it("keeps a completed job completed even when it carries an error", () => {
    const reply = parsePollReply({ status: "completed", error: "SAFETY.OUTPUT", video: ["https://cdn.example.com/v.mp4"] });
    expect(reply).toMatchObject({ state: "completed", videoUrl: "https://cdn.example.com/v.mp4", failure: { reason: "SAFETY.OUTPUT" } });
  });

  it("reads nothing at all from a body that is not an object", () => {
    expect(parsePollReply([{ status: "completed" }])).toEqual({ id: null, state: "unknown", rawStatus: null, videoUrl: null, failure: null, tokensUsed: null });
  });
});
