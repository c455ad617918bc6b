import { closestRatio, MODEL_IDS, MODELS, type Duration, type ModelId } from "./models";

/** What another model has to take on from a take: its settings, frames included or not. */
export type TakeSettings = { model: ModelId; prompt: string; ratio: string; duration: number; hasLastImage: boolean };

/** A take's settings as `model` would make it: what is kept, what becomes the nearest it offers, what is dropped. */
export type Adaptation = {
  model: ModelId;
  ratio: string;
  duration: Duration;
  /** The take had a last frame and `model` takes none. */
  dropsLastImage: boolean;
  /** How many settings change (0: the model takes the take as it is). */
  changes: number;
};

export type AdaptResult = { ok: true; adaptation: Adaptation } | { ok: false; reason: string };

/** The duration `model` offers nearest `seconds`, the shorter (cheaper) one on a tie. */
function nearestDuration(model: ModelId, seconds: number): Duration {
  const offered = [...MODELS[model].durations].sort((a, b) => a - b);
  let best = offered[0]!;
  for (const duration of offered) if (Math.abs(duration - seconds) < Math.abs(best - seconds)) best = duration;
  return best;
}

/**
 * The take's settings under `model`, from the capability table: a ratio it lacks becomes its
 * nearest in shape, a duration its nearest, a last frame it can't use is dropped. The prompt is
 * never cut or invented, so a prompt the model can't take makes it unable to.
 */
export function adaptToModel(settings: TakeSettings, model: ModelId): AdaptResult {
  const target = MODELS[model];
  if (target.promptRequired && settings.prompt.trim() === "") return { ok: false, reason: `${target.label} needs a prompt and this take has none.` };
  if (settings.prompt.length > target.promptMaxLength) return { ok: false, reason: `${target.label} takes prompts of up to ${target.promptMaxLength} characters.` };
  const [width = 0, height = 0] = settings.ratio.split(":").map(Number);
  const ratio = target.ratios.includes(settings.ratio) ? settings.ratio : closestRatio(model, width || 1, height || 1);
  const duration = nearestDuration(model, settings.duration);
  const dropsLastImage = settings.hasLastImage && !target.acceptsLastImage;
  const changes = Number(ratio !== settings.ratio) + Number(duration !== settings.duration) + Number(dropsLastImage);
  return { ok: true, adaptation: { model, ratio, duration, dropsLastImage, changes } };
}

/**
 * The model among `usable` closest to the take's own: the one that changes fewest of its
 * settings (the table's order, newest first, breaks a tie). Null when none can take it.
 */
export function closestModel(settings: TakeSettings, usable: readonly ModelId[]): Adaptation | null {
  let best: Adaptation | null = null;
  for (const model of MODEL_IDS) {
    if (model === settings.model || !usable.includes(model)) continue;
    const result = adaptToModel(settings, model);
    if (result.ok && (!best || result.adaptation.changes < best.changes)) best = result.adaptation;
  }
  return best;
}
