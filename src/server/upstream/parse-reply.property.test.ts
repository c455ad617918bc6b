import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePollReply, readFailure, readUsage, readVideoUrl } from "./parse-reply";

const STATES = ["queued", "generating", "completed", "failed", "unknown"];
const options = { numRuns: 500, seed: 20_251_121 } as const;
/** How often each reading must come out non-empty in a run, so no check passes vacuously. */
const MIN_SEEN = 25;

const statusArb = fc.oneof(
  fc.constantFrom("queued", "generating", "waiting", "active", "pending", "processing", "completed", "complete", "succeeded", "success"),
  fc.constantFrom("error", "failed", "cancelled", "canceled", " Completed ", "ERROR", "", "done"),
  fc.jsonValue(),
);
const urlArb = fc.oneof(fc.webUrl(), fc.constantFrom(" https://cdn.example.com/a.mp4 ", "HTTP://CDN.EXAMPLE.COM/A.MP4", "ftp://x/a.mp4", "javascript:alert(1)", "/relative.mp4"));
const videoArb = fc.oneof(
  fc.jsonValue(),
  urlArb,
  fc.array(fc.oneof(urlArb, fc.jsonValue()), { maxLength: 3 }),
  urlArb.map((url) => ({ url })),
  fc.array(urlArb.map((url) => ({ url })), { maxLength: 3 }),
  fc.anything(),
);
const errorArb = fc.oneof(
  fc.constantFrom<unknown>(null, "", false, 0, "SAFETY.INPUT.TEXT: flagged", { name: "INTERNAL.BAD_OUTPUT.CODE01", message: "bad" }),
  fc.record({ detail: fc.array(fc.record({ loc: fc.array(fc.jsonValue(), { maxLength: 3 }), msg: fc.jsonValue(), type: fc.string() }, { requiredKeys: [] })) }),
  fc.jsonValue(),
  fc.anything(),
);
const usageArb = fc.oneof(
  // As documented: `meta.usage.tokens_used` (the universal family's `credits_used` too).
  fc.record({ meta: fc.record({ usage: fc.record({ tokens_used: fc.oneof(fc.nat(), fc.constantFrom("12", " 7 ")), credits_used: fc.nat() }, { requiredKeys: [] }) }) }),
  fc.record({ usage: fc.record({ tokens_used: fc.oneof(fc.jsonValue(), fc.double(), fc.constantFrom("12", "1e400", "Infinity", "NaN")), credits_used: fc.jsonValue() }, { requiredKeys: [] }) }, { requiredKeys: [] }),
  fc.jsonValue(),
  fc.anything(),
);

/** A reply as the contract describes it, with each documented variation: most runs must reach the reading. */
const plausibleArb = fc.record(
  {
    id: fc.uuid(),
    status: fc.constantFrom("queued", "generating", "waiting", "active", "completed", "error", "failed", " Completed "),
    video: fc.oneof(fc.constant(null), urlArb, fc.array(urlArb, { minLength: 1, maxLength: 2 }), urlArb.map((url) => ({ url }))),
    error: fc.oneof(fc.constant(null), errorArb),
    meta: fc.oneof(fc.constant(undefined), fc.nat(1_000_000).map((tokens) => ({ usage: { tokens_used: tokens } }))),
  },
  { requiredKeys: ["id", "status"] },
);

/** Shaped like a poll reply, every field random; `anything` brings in prototypes, getters, -0, NaN. */
const replyArb = fc.oneof(
  { weight: 2, arbitrary: plausibleArb },
  fc.jsonValue(),
  fc.record({ id: fc.oneof(fc.uuid(), fc.jsonValue()), status: statusArb, video: videoArb, error: errorArb, meta: usageArb, usage: usageArb }, { requiredKeys: [] }),
  fc.record({ status: fc.anything(), video: fc.anything(), error: fc.anything(), meta: fc.anything() }, { requiredKeys: [] }),
);

describe("parsePollReply (properties)", () => {
  it("never throws and always reads a known state, an http(s) video and a finite usage", () => {
    const seen = { video: 0, tokens: 0, failure: 0, id: 0, ...Object.fromEntries(STATES.map((state) => [state, 0])) } as Record<string, number>;
    fc.assert(
      fc.property(replyArb, (body) => {
        const reply = parsePollReply(body);
        seen[reply.state]! += 1;
        if (reply.videoUrl !== null) seen.video! += 1;
        if (reply.tokensUsed !== null) seen.tokens! += 1;
        if (reply.failure) seen.failure! += 1;
        if (reply.id !== null) seen.id! += 1;
        expect(STATES).toContain(reply.state);
        if (reply.videoUrl !== null) expect(reply.videoUrl).toMatch(/^https?:\/\//i);
        if (reply.tokensUsed !== null) expect(Number.isFinite(reply.tokensUsed)).toBe(true);
        if (reply.failure) {
          expect(typeof reply.failure.message).toBe("string");
          const saidCompleted = reply.rawStatus !== null && ["completed", "complete", "succeeded", "success"].includes(reply.rawStatus.trim().toLowerCase());
          if (!saidCompleted) expect(reply.state).toBe("failed");
        }
        expect(reply.id === null || typeof reply.id === "string").toBe(true);
      }),
      options,
    );
    // Every reading must actually have been exercised, or the checks above could pass on nulls.
    for (const [reading, count] of Object.entries(seen)) expect(count, reading).toBeGreaterThanOrEqual(MIN_SEEN);
  });

  it("reads the parts on their own without throwing", () => {
    const seen = { url: 0, failure: 0, tokens: 0 };
    fc.assert(
      fc.property(fc.oneof(videoArb, errorArb, usageArb), (value) => {
        const url = readVideoUrl(value);
        if (url !== null) seen.url += 1;
        expect(url === null || /^https?:\/\//i.test(url)).toBe(true);
        const failure = readFailure(value);
        if (failure) {
          seen.failure += 1;
          expect(typeof failure.message).toBe("string");
          expect(failure.reason === null || typeof failure.reason === "string").toBe(true);
        }
        if (typeof value === "object" && value !== null && !Array.isArray(value)) {
          const tokens = readUsage(value as Record<string, unknown>);
          if (tokens !== null) seen.tokens += 1;
          expect(tokens === null || Number.isFinite(tokens)).toBe(true);
        }
      }),
      options,
    );
    for (const [reading, count] of Object.entries(seen)) expect(count, reading).toBeGreaterThanOrEqual(MIN_SEEN);
  });

  it("finds the first URL in any of the documented video shapes", () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.constantFrom("array", "object", "array-of-objects", "string"), (url, shape) => {
        const video = { array: [url], object: { url }, "array-of-objects": [{ url }], string: url }[shape];
        expect(parsePollReply({ id: "x", status: "completed", video, error: null }).videoUrl).toBe(url);
      }),
      options,
    );
  });
});
