import { describe, expect, it } from "vitest";
import { ERROR_CODES, errorSpec, isErrorCode } from "./api-error";
import { signInSchema } from "./session";
import { isTerminal } from "./status";

describe("the small shared helpers", () => {
  it("calls only completed and failed terminal", () => {
    expect(["queued", "generating", "finishing", "completed", "failed"].map((status) => isTerminal(status as never))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it("looks codes up in the one table", () => {
    expect(isErrorCode("not_found")).toBe(true);
    expect(isErrorCode("notFound")).toBe(false);
    expect(isErrorCode("")).toBe(false);
    expect(ERROR_CODES.submitInterrupted).toBe("submit_interrupted");
    expect(errorSpec("outcome_unknown")).toEqual({ code: "outcome_unknown", status: 502, retryable: true, detail: "everyone" });
    expect(errorSpec("internal_error")).toMatchObject({ status: 500, detail: "operator" });
  });

  it("folds the spaces in a sign-in name before checking it", () => {
    expect(signInSchema.parse({ name: "  Ann \t  Lee ", password: "p" }).name).toBe("Ann Lee");
    expect(signInSchema.safeParse({ name: "   ", password: "p" }).error?.issues[0]?.message).toBe("Enter your name.");
  });
});
