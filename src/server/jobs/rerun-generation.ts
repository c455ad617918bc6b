import { ERROR_CODES } from "../../shared/api-error";
import type { ImageRef } from "../../shared/generation";
import { HttpError } from "../http/http-error";
import type { GenerationRow } from "../store/generation-row";
import { freshSeed } from "./seeds";
import { submitTakes, type SubmitDeps } from "./submit-takes";
import type { TakeRequest } from "./take-request";

function frameRef(url: string | null, uploadId: string | null): ImageRef | null {
  if (uploadId) return { uploadId };
  return url ? { url } : null;
}

/** A new take with the source's exact inputs: its seed ("same") or a different random one ("new"). */
export async function rerunGeneration(deps: SubmitDeps, source: GenerationRow, seed: "same" | "new", request: TakeRequest) {
  const image = frameRef(source.image_url, source.image_upload_id);
  if (!image) throw new HttpError(ERROR_CODES.validation, "This take has no first frame on record, so it can't be re-run.", { status: 409 });
  const { rows, created } = await submitTakes(
    deps,
    {
      model: source.model,
      prompt: source.prompt,
      image,
      lastImage: frameRef(source.last_image_url, source.last_image_upload_id),
      ratio: source.ratio,
      duration: source.duration as 5 | 10,
      seed: seed === "same" ? source.seed : freshSeed(source.seed),
    },
    { ...request, sourceId: source.id },
    1,
  );
  return { row: rows[0]!, created };
}
