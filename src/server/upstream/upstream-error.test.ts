import { describe, expect, it } from "vitest";
import { fromHttpStatus, UpstreamError } from "./upstream-error";

describe("fromHttpStatus", () => {
  it.each([
    [401, "upstream_auth", 502, /refused the studio's key.*AIMLAPI_KEY/],
    [403, "upstream_out_of_credits", 502, /out of credits.*top it up/],
    [413, "payload_too_large", 413, /too large.*smaller image/],
    [429, "upstream_rate_limited", 429, /rate limiting.*Wait a minute/],
    [400, "upstream_bad_input", 422, /refused the request \(ratio: bad\)\. Change the input/],
    [422, "upstream_bad_input", 422, /refused the request \(ratio: bad\)/],
    [404, "not_found", 502, /does not know this generation/],
    [500, "upstream_unavailable", 502, /having trouble \(HTTP 500\)/],
    [503, "upstream_unavailable", 502, /having trouble \(HTTP 503\)\. Try again in a few minutes/],
  ])("HTTP %i becomes %s, answered with %i", (status, code, responseStatus, message) => {
    const error = fromHttpStatus(status, "ratio: bad", 2000);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: "http", code, httpStatus: status, detail: "ratio: bad", name: "UpstreamError" });
    expect(error.responseStatus).toBe(responseStatus);
    expect(error.message).toMatch(message);
  });

  it("keeps Retry-After only where waiting helps: rate limits and outages", () => {
    expect(fromHttpStatus(429, null, 2000).retryAfterMs).toBe(2000);
    expect(fromHttpStatus(503, null, 2000).retryAfterMs).toBe(2000);
    for (const status of [400, 401, 403, 404, 413, 422]) expect(fromHttpStatus(status, null, 2000).retryAfterMs).toBeNull();
  });

  it("leaves the parentheses out when the upstream gave no detail", () => {
    expect(fromHttpStatus(400, null, null).message).toBe("The AI/ML API refused the request. Change the input and try again.");
    expect(fromHttpStatus(400, "", null).message).toBe("The AI/ML API refused the request. Change the input and try again.");
  });
});
