import { describe, expect, it } from "vitest";
import { ERROR_CODES, errorSpec } from "../../shared/api-error";
import { fromHttpStatus, UpstreamError } from "../upstream/upstream-error";
import { upstreamRefusal } from "./http-error";

describe("upstreamRefusal", () => {
  it("answers with the upstream error's own response status, not the code's status in the table", () => {
    // A provider's 400 about the input: the table gives validation_failed 400 for our own checks,
    // but a refusal the provider made is answered as 502 unless it asks the creator for something.
    const refused = new UpstreamError("http", ERROR_CODES.validation, "The AI/ML API refused the request.", 400, null);
    expect(errorSpec(ERROR_CODES.validation).status).toBe(400);
    expect(upstreamRefusal(refused)).toMatchObject({ code: ERROR_CODES.validation, status: 502, message: "The AI/ML API refused the request." });
    // …and the code's own status when it asks the creator for something: here, to wait.
    expect(upstreamRefusal(fromHttpStatus(429, null, 5000)).status).toBe(429);
  });
});
