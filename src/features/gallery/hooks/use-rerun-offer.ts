import { useQuery } from "@tanstack/react-query";
import { modelsQueryOptions } from "@/lib/model-queries";
import { adaptToModel, closestModel, type Adaptation, type TakeSettings } from "@/shared/closest-model";
import type { ListedModel } from "@/shared/models";
import type { Take } from "@/shared/take";

/** How a take can be made again: with its own model, with the closest available one, or not at all. */
export type RerunOffer =
  | { kind: "same" }
  | { kind: "swap"; reason: string; adaptation: Adaptation }
  | { kind: "none"; reason: string; why: string };

const settingsOf = (take: Take): TakeSettings => ({ model: take.model, prompt: take.prompt, ratio: take.ratio, duration: take.duration, hasLastImage: take.lastImage !== null });

/** Before the models are known (or if they can't be read) the take's own model is offered: the server has the last word. */
export function rerunOffer(take: Take, models: readonly ListedModel[] | undefined): RerunOffer {
  const own = models?.find((model) => model.id === take.model);
  if (!models || !own || own.availability.state !== "unavailable") return { kind: "same" };
  const reason = own.availability.reason ?? `${own.label} is not available here.`;
  const usable = models.filter((model) => model.id !== take.model && model.availability.state !== "unavailable");
  const adaptation = closestModel(settingsOf(take), usable.map((model) => model.id));
  if (adaptation) return { kind: "swap", reason, adaptation };
  const refusals = usable.map((model) => adaptToModel(settingsOf(take), model.id)).flatMap((result) => (result.ok ? [] : [result.reason]));
  return { kind: "none", reason, why: refusals.length ? refusals.join(" ") : "No other model is available here." };
}

/**
 * The re-run a take's actions offer. Re-read at most once a minute (the form's copy keeps
 * forever): a model can go while the page is open, and a refused re-run re-reads at once.
 */
export function useRerunOffer(take: Take): RerunOffer {
  const models = useQuery({ ...modelsQueryOptions(), staleTime: 60_000 });
  return rerunOffer(take, models.data);
}
