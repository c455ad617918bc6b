import { describe, expect, it } from "vitest";
import { UpstreamError, type UpstreamErrorKind } from "../upstream/upstream-error";
import { createVerdict, outcomeUnknown } from "./create-verdict";

const failed = (kind: UpstreamErrorKind, httpStatus: number | null = null) =>
  new UpstreamError(kind, "upstream_unavailable", "upstream said no", httpStatus, "raw detail");

describe("createVerdict", () => {
  it.each([
    ["no connection was made", failed("connect"), "retry"],
    ["429: rate limited before accepting", failed("http", 429), "retry"],
    ["503: maintenance", failed("http", 503), "retry"],
    ["500: may have started the job", failed("http", 500), "unknown"],
    ["502 from a gateway", failed("http", 502), "unknown"],
    ["504 from a gateway", failed("http", 504), "unknown"],
    ["400: a definite no", failed("http", 400), "refused"],
    ["499: still a client error", failed("http", 499), "refused"],
    ["an HTTP error without a status", failed("http", null), "refused"],
    ["a timeout after sending", failed("timeout"), "unknown"],
    ["a reset mid-request", failed("network"), "unknown"],
    ["a reply without an id", failed("bad_reply"), "unknown"],
  ])("%s → %s", (_label, error, verdict) => {
    expect(createVerdict(error)).toBe(verdict);
  });
});

describe("outcomeUnknown", () => {
  it.each([
    [failed("timeout"), "The AI/ML API did not answer in time after receiving this take"],
    [failed("http", 502), "The AI/ML API answered HTTP 502 after receiving this take"],
    [failed("network"), "The AI/ML API dropped the connection after receiving this take"],
  ])("says what happened and that nothing is resent on its own", (error, start) => {
    const unknown = outcomeUnknown(error);
    expect(unknown.message.startsWith(start)).toBe(true);
    expect(unknown.message).toMatch(/won't resend it on its own/);
    expect(unknown).toMatchObject({ kind: error.kind, code: "outcome_unknown", httpStatus: error.httpStatus, detail: "raw detail" });
  });
});
