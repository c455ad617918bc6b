import { ERROR_CODES } from "../../shared/api-error";
import type { CreateTakeRequest } from "../../shared/take";
import { HttpError } from "../http/http-error";
import type { StudioDeps } from "../studio";
import type { TakeRequest } from "./take-request";

/** A 400 on the `shotId` field: nothing is changed or sent for a shot that does not exist. */
export function unknownShot(shotId: string): HttpError {
  const message = `There is no shot with id "${shotId}": choose one of a project's shots, or leave shotId out.`;
  return new HttpError(ERROR_CODES.validation, message, { fields: { shotId: message } });
}

/**
 * Checks where new takes go and finds where they come from, before anything is recorded or
 * sent (credits): an unknown shot refuses the request. A first frame that is another take's
 * last frame ("Use last frame") makes the new takes continue that take.
 */
export async function takeOrigin(deps: Pick<StudioDeps, "shots" | "uploads">, input: CreateTakeRequest, request: TakeRequest): Promise<TakeRequest> {
  if (input.shotId && !(await deps.shots.projectOf(input.shotId))) throw unknownShot(input.shotId);
  if (request.sourceId || !input.image || !("uploadId" in input.image)) return request;
  const continued = await deps.uploads.takeEndingIn(input.image.uploadId);
  return continued ? { ...request, sourceId: continued, sourceKind: "last_frame" } : request;
}
