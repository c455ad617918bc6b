import { ERROR_CODES, type ErrorCode } from "../../shared/api-error";
import type { Take } from "../../shared/take";
import type { TakeRecord } from "./take";

/**
 * Failures after which the provider may still have charged: the create may have started a job
 * nobody tracked (outcome unknown, a stop mid-send), or the job may still finish after Dailies
 * gave up on it (the deadline). Every other failure is billed nothing, per the contract: a
 * refused create never started a job, a failed generation's hold is rolled back, and a take
 * that never left the studio or never reached the provider cost nothing.
 */
const MAYBE_CHARGED: ReadonlySet<ErrorCode> = new Set([ERROR_CODES.outcomeUnknown, ERROR_CODES.submitInterrupted, ERROR_CODES.deadlineExceeded]);

/**
 * What the take cost, as the provider reported it (its cost headers, or its usage log for a take
 * found there). Video charges post once the generation has completed, so a running take's is
 * pending, and a completed take whose charge was never reported carries the catalogue's price,
 * marked estimated, or says so with a null amount when the catalogue had none.
 */
export function takeCharge(take: TakeRecord): Take["charge"] {
  const { usd, credits } = take.charge;
  const estimated = take.charge.estimated === true;
  const reported = { usd, credits, estimated };
  switch (take.status) {
    case "completed":
    case "finishing":
      return usd !== null && usd > 0 ? { state: "charged", ...reported } : { state: take.status === "completed" ? "charged" : "pending", usd: null, credits: null, estimated: false };
    case "failed": {
      if (usd !== null && usd > 0) return { state: "charged", ...reported };
      // The generation was made (and billed) but its file could not be saved.
      if (take.error?.code === ERROR_CODES.archiveFailed) return { state: "charged", usd: null, credits: null, estimated: false };
      if (take.error && MAYBE_CHARGED.has(take.error.code)) return { state: "unknown", usd: null, credits: null, estimated: false };
      return { state: "not_charged", usd: 0, credits: 0, estimated: false };
    }
    default:
      return { state: "pending", usd: null, credits: null, estimated: false };
  }
}
