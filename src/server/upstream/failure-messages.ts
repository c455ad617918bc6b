import { ERROR_CODES, type ErrorCode } from "../../shared/api-error";
import type { UpstreamFailure } from "./parse-reply";

/**
 * Runway asks clients not to show its raw failure text; each reason maps to a sentence a
 * creator can act on. The raw text is kept separately for the detail view.
 */
export function describeTaskFailure(failure: UpstreamFailure): { code: ErrorCode; message: string } {
  // Stryker disable next-line StringLiteral: any stand-in for no reason matches none of the prefixes below
  const reason = failure.reason ?? "";
  if (reason.startsWith("SAFETY.INPUT")) {
    return {
      code: ERROR_CODES.safetyInput,
      message: "The model's safety check refused the image or prompt. Change the image or the prompt before trying again.",
    };
  }
  if (reason.startsWith("SAFETY.OUTPUT")) {
    return {
      code: ERROR_CODES.safetyOutput,
      message: "The result was blocked by the model's safety check. A different prompt may work.",
    };
  }
  if (reason.startsWith("INTERNAL.BAD_OUTPUT")) {
    return {
      code: ERROR_CODES.badOutput,
      message: "The model produced an unusable video, often because of text in the image. Try again, or use an image without overlaid text.",
    };
  }
  if (reason === "ASSET.INVALID") {
    return { code: ERROR_CODES.invalidAsset, message: "The model could not use the input image. Try another JPEG, PNG or WebP image." };
  }
  if (reason === "INTERNAL") {
    return { code: ERROR_CODES.upstreamInternal, message: "The model failed on its side. Try again." };
  }
  return { code: ERROR_CODES.generationFailed, message: "The generation failed at the provider. Try again; if it keeps failing, change the image or prompt." };
}
