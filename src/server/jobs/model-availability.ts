import { MODEL_IDS, MODELS, type ModelAvailability, type ModelId } from "../../shared/models";

/** How long a model the provider refused as retired or unknown stays unavailable before a take may try it again. */
export const RETIRED_FOR_MS = 6 * 3_600_000;

// The words a refusal uses for a model that is gone or never existed (the contract gives no
// body, so: the status, the model named, and one of these).
// A ratio or prompt refusal that happens to name the model ("1:1 is not supported for
// gen3a_turbo") must not read as the model gone: "not supported" counts only after "model".
const GONE = /retired|deprecated|discontinued|no longer (?:available|supported|exists?|offered)|unknown model|invalid model|unsupported model|model\b[^.]{0,80}?\b(?:not found|not available|not supported|does not exist|unavailable)/i;

/**
 * Whether the provider's refusal of a create (400, 404 or 410) says the model itself is gone:
 * it names the model (as the vendor URL spells it, or by our id) and says so in words.
 */
export function refusesModel(httpStatus: number | null, text: string | null, model: ModelId, upstreamName: string): boolean {
  if (httpStatus !== 400 && httpStatus !== 404 && httpStatus !== 410) return false;
  if (!text) return false;
  const lower = text.toLowerCase();
  return (lower.includes(upstreamName.toLowerCase()) || lower.includes(model)) && GONE.test(text);
}

/**
 * Which models new takes may use, as this studio knows it now: MODELS_ENABLED narrows the list
 * (null: all), and a model the provider refused as retired or unknown is unavailable for
 * RETIRED_FOR_MS, so nothing more is sent for it until then. In memory: a restart tries again.
 */
export function createModelAvailability(enabled: readonly ModelId[] | null, now: () => number = Date.now) {
  const retired = new Map<ModelId, { at: number; reason: string }>();

  function of(model: ModelId): ModelAvailability {
    const label = MODELS[model].label;
    if (enabled && !enabled.includes(model)) {
      return { state: "unavailable", since: null, reason: `${label} is not enabled in this studio (MODELS_ENABLED). Choose another model.` };
    }
    const refused = retired.get(model);
    if (refused && now() - refused.at < RETIRED_FOR_MS) return { state: "unavailable", since: new Date(refused.at).toISOString(), reason: refused.reason };
    const { deprecatedSince, note } = MODELS[model].lifecycle;
    return deprecatedSince ? { state: "deprecated", since: deprecatedSince, reason: note } : { state: "available", since: null, reason: null };
  }

  return {
    of,
    all: () => MODEL_IDS.map((id) => ({ id, availability: of(id) })),
    /** The words a submit of this model is refused with, or null when it may be sent. */
    refusal(model: ModelId): string | null {
      const availability = of(model);
      return availability.state === "unavailable" ? availability.reason : null;
    },
    /** The provider refused the model as retired or unknown: say so, and send nothing more for it for a while. */
    markRetired(model: ModelId): string {
      const reason = `${MODELS[model].label} was retired by Runway (the AI/ML API refused it as no longer available); takes made with it stay in the gallery. Choose another model.`;
      retired.set(model, { at: now(), reason });
      return reason;
    },
  };
}

export type ModelAvailabilityRegistry = ReturnType<typeof createModelAvailability>;
