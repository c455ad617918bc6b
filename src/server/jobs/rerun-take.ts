import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "../http/http-error";
import type { TakeRecord } from "../takes/take";
import { freshSeed } from "./seeds";
import { submitTakes, type SubmitDeps } from "./submit-takes";
import type { TakeRequest } from "./take-request";

/** A new take with the source's exact inputs, in its shot: its seed ("same") or a different random one ("new"). */
export async function rerunTake(deps: SubmitDeps, source: TakeRecord, seed: "same" | "new", request: TakeRequest) {
  if (!source.image) throw new HttpError(ERROR_CODES.validation, "This take has no first frame on record, so it can't be re-run.", { status: 409 });
  const { takes, created } = await submitTakes(
    deps,
    {
      model: source.model,
      prompt: source.prompt,
      image: source.image,
      lastImage: source.lastImage,
      ratio: source.ratio,
      duration: source.duration as 5 | 10,
      seed: seed === "same" ? source.seed : freshSeed(source.seed),
      shotId: source.shotId,
    },
    { ...request, sourceId: source.id, sourceKind: seed === "same" ? "rerun" : "variation" },
    1,
  );
  return { take: takes[0]!, created };
}
