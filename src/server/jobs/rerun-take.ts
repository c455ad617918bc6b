import { ERROR_CODES } from "../../shared/api-error";
import { adaptToModel } from "../../shared/closest-model";
import type { ModelId } from "../../shared/models";
import { fieldError, HttpError } from "../http/http-error";
import type { TakeRecord } from "../takes/take";
import { freshSeed } from "./seeds";
import { submitTakes, type SubmitDeps } from "./submit-takes";
import type { TakeRequest } from "./take-request";

/** The source's settings as `model` takes them: the same ones for its own model, adapted (shared rule) for another. */
function settingsFor(source: TakeRecord, model: ModelId) {
  const own = { model: source.model, ratio: source.ratio, duration: source.duration as 5 | 10, lastImage: source.lastImage };
  if (model === source.model) return own;
  const adapted = adaptToModel({ model: source.model, prompt: source.prompt, ratio: source.ratio, duration: source.duration, hasLastImage: source.lastImage !== null }, model);
  if (!adapted.ok) throw fieldError("model", adapted.reason, ERROR_CODES.validation, { status: 400 });
  const { ratio, duration, dropsLastImage } = adapted.adaptation;
  return { model, ratio, duration, lastImage: dropsLastImage ? null : source.lastImage };
}

/**
 * A new take with the source's inputs, in its shot: its seed ("same") or a different random one
 * ("new"). With another `model` the settings are adapted to it, and the take joins the family as
 * "re-run with another model"; the model's availability is checked by the submit like any other.
 */
export async function rerunTake(deps: SubmitDeps, source: TakeRecord, seed: "same" | "new", request: TakeRequest, model: ModelId = source.model) {
  if (!source.image) throw new HttpError(ERROR_CODES.validation, "This take has no first frame on record, so it can't be re-run.", { status: 409 });
  const settings = settingsFor(source, model);
  const kind = model !== source.model ? "other_model" : seed === "same" ? "rerun" : "variation";
  const { takes, created } = await submitTakes(
    deps,
    {
      ...settings,
      prompt: source.prompt,
      image: source.image,
      seed: seed === "same" ? source.seed : freshSeed(source.seed),
      shotId: source.shotId,
    },
    { ...request, sourceId: source.id, sourceKind: kind },
    1,
  );
  return { take: takes[0]!, created };
}
