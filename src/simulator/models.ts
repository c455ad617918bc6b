/**
 * The simulator's own copy of the Runway model table. It is deliberately not imported from
 * src/shared: the simulator imitates the upstream, so a mistake in our shared table must
 * show up as a disagreement with it rather than be copied into it.
 */
export type SimModel = {
  /** The `model` string the vendor URL expects. */
  wireName: string;
  ratios: readonly string[];
  defaultRatio: string;
  acceptsLastImage: boolean;
  promptRequired: boolean;
  /** Wall time through the AI/ML API, queueing included, before `timeScale` (ms). */
  totalMs: number;
  queuedMs: number;
  outputSizes: Readonly<Record<string, { width: number; height: number }>>;
  /**
   * `meta.usage.tokens_used` by duration. The AI/ML API publishes no figures for this
   * endpoint; these are plausible round numbers that scale with the clip length, so a client
   * that shows usage has something non-trivial to show.
   */
  tokensUsed: Readonly<Record<number, number>>;
};

export const PROMPT_MAX_LENGTH = 1000;
export const SEED_MAX = 4_294_967_295;
export const DURATIONS = [5, 10] as const;
export const FPS = 24;

export const SIM_MODELS: readonly SimModel[] = [
  {
    wireName: "runway/gen4_turbo",
    ratios: ["16:9", "9:16", "4:3", "3:4", "1:1", "21:9"],
    defaultRatio: "16:9",
    acceptsLastImage: false,
    promptRequired: false,
    totalMs: 65_000,
    queuedMs: 5_000,
    outputSizes: {
      "16:9": { width: 1280, height: 720 },
      "9:16": { width: 720, height: 1280 },
      "4:3": { width: 1104, height: 832 },
      "3:4": { width: 832, height: 1104 },
      "1:1": { width: 960, height: 960 },
      "21:9": { width: 1584, height: 672 },
    },
    tokensUsed: { 5: 250_000, 10: 500_000 },
  },
  {
    wireName: "gen3a_turbo",
    ratios: ["16:9", "9:16"],
    defaultRatio: "16:9",
    acceptsLastImage: true,
    promptRequired: true,
    totalMs: 25_000,
    queuedMs: 3_000,
    outputSizes: {
      "16:9": { width: 1280, height: 768 },
      "9:16": { width: 768, height: 1280 },
    },
    tokensUsed: { 5: 250_000, 10: 500_000 },
  },
];

export function findModel(wireName: string): SimModel | undefined {
  return SIM_MODELS.find((m) => m.wireName === wireName);
}
