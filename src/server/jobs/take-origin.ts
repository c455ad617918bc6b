import type { CreateTakeRequest } from "../../shared/take";
import { fieldError } from "../http/http-error";
import type { StudioDeps } from "../studio";
import type { TakeRequest } from "./take-request";

// A 400 on one field: nothing is changed or sent for a shot or source that does not exist.
export const unknownShot = (shotId: string) => fieldError("shotId", `There is no shot with id "${shotId}": choose one of a project's shots, or leave shotId out.`);

const unknownSource = (sourceId: string) =>
  fieldError("sourceId", `There is no take with id "${sourceId}" to edit from (it may have been deleted): leave sourceId out to make a take without one.`);

/**
 * Checks where new takes go and finds where they come from, before anything is recorded or
 * sent (credits): an unknown shot or source refuses the request. A take the form was edited
 * from is named by `sourceId`; otherwise a first frame that is another take's last frame
 * ("Use last frame") makes the new takes continue that take.
 */
export async function takeOrigin(deps: Pick<StudioDeps, "store" | "shots" | "uploads">, input: CreateTakeRequest, request: TakeRequest): Promise<TakeRequest> {
  if (input.shotId && !(await deps.shots.projectOf(input.shotId))) throw unknownShot(input.shotId);
  if (input.sourceId) {
    if (!(await deps.store.get(input.sourceId))) throw unknownSource(input.sourceId);
    return { ...request, sourceId: input.sourceId, sourceKind: "edited" };
  }
  if (request.sourceId || !input.image || !("uploadId" in input.image)) return request;
  const continued = await deps.uploads.takeEndingIn(input.image.uploadId);
  return continued ? { ...request, sourceId: continued, sourceKind: "last_frame" } : request;
}
