import { z } from "zod";
import type { SimModel } from "./models";

/**
 * How long a simulated job takes, drawn per job like a real provider's: a median per model
 * (the model table's `totalMs`, scaled by `timeScale`), a log-normal spread around it (queueing
 * at the provider, a busy GPU), and now and then a slow outlier. `"fixed"` keeps every job at
 * the median, for tests that need an exact timeline.
 *
 * `spread` is the standard deviation of the log of the factor: 0.15 puts two jobs in three
 * within about ±15 % of the median. `outlierShare` of jobs take `outlierFactor` times longer
 * (drawn uniformly between the two bounds). `medianMs` overrides a model's median, per wire
 * name and clip length, e.g. `{"gen3a_turbo": {"5": 20000, "10": 30000}}`, before `timeScale`.
 */
export const timingConfigSchema = z.union([
  z.literal("fixed"),
  z.strictObject({
    spread: z.number().min(0).max(2).default(0.15),
    outlierShare: z.number().min(0).max(1).default(0.05),
    outlierFactor: z.tuple([z.number().min(1), z.number().min(1)]).default([1.5, 2.5]),
    medianMs: z.record(z.string(), z.record(z.string(), z.number().positive())).default({}),
  }),
]);
export type TimingConfig = z.infer<typeof timingConfigSchema>;

export const DEFAULT_TIMING: TimingConfig = timingConfigSchema.parse({});

/** SIMULATOR_TIMING: JSON (see above) or "fixed"; unset → the defaults. Throws a message that says what to change. */
export function parseTimingSetting(raw: string | undefined): TimingConfig {
  if (raw === undefined || raw.trim() === "") return DEFAULT_TIMING;
  if (raw.trim() === "fixed") return "fixed";
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('SIMULATOR_TIMING must be "fixed" or JSON like {"spread":0.15,"outlierShare":0.05,"outlierFactor":[1.5,2.5]}.');
  }
  const parsed = timingConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`SIMULATOR_TIMING: ${issue?.path.join(".") || "value"}: ${issue?.message ?? "invalid"}.`);
  }
  return parsed.data;
}

/** A standard normal draw (Box–Muller) from `random` in [0, 1). */
function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** The job's queue and total time (ms, after `timeScale`): both stretched by the same drawn factor. */
export function drawTimeline(model: SimModel, duration: number, config: TimingConfig, timeScale: number, random: () => number = Math.random): { queuedMs: number; totalMs: number } {
  if (config === "fixed") return { queuedMs: model.queuedMs * timeScale, totalMs: model.totalMs * timeScale };
  const median = config.medianMs[model.wireName]?.[String(duration)] ?? model.totalMs;
  let factor = Math.exp(config.spread * normal(random));
  if (random() < config.outlierShare) {
    const [low, high] = config.outlierFactor;
    factor *= low + (Math.max(low, high) - low) * random();
  }
  const totalMs = median * factor * timeScale;
  return { queuedMs: Math.min(totalMs * 0.5, model.queuedMs * factor * timeScale), totalMs };
}
