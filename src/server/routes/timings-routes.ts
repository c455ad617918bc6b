import { Hono } from "hono";
import type { CompletionTiming, TimingsResponse } from "../../shared/api";
import { MIN_SAMPLES, quantilesOf } from "../../shared/completion-times";
import { DURATIONS, MODEL_IDS } from "../../shared/models";
import type { AppEnv } from "../http/app-env";
import type { StudioDeps } from "../studio";

/** `GET /api/timings`: what the poll plan learns from, for the cards' "about 20 s left" and the form's "usually ready in". */
export function timingsRoutes(deps: Pick<StudioDeps, "learnedTimes">) {
  return new Hono<AppEnv>().get("/", async (c) => {
    const timings: CompletionTiming[] = [];
    for (const model of MODEL_IDS) {
      for (const duration of DURATIONS) {
        const times = await deps.learnedTimes.get(model, duration);
        timings.push({ model, duration, samples: times.samples, quantilesMs: times.samples >= MIN_SAMPLES ? quantilesOf(times) : [] });
      }
    }
    return c.json({ timings } satisfies TimingsResponse);
  });
}
