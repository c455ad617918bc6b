import { fromBrackets, type CompletionTimes } from "../../shared/completion-times";
import type { TakesStore } from "../store/takes-store";

const MAX_AGE_MS = 30_000;

/**
 * How long takes of each model and length have taken (completion-times.ts), learned once and
 * shared: the job runner plans its polls from it and `GET /api/timings` serves it. Made again
 * when a take of that kind completes (`forget`) and at least every 30 s (a deleted take).
 */
export function createLearnedTimes(store: Pick<TakesStore, "recentBrackets">, now: () => number = Date.now) {
  const cache = new Map<string, { times: CompletionTimes; at: number }>();
  // Stryker disable next-line StringLiteral: only which past takes are learned from together
  const keyOf = (model: string, duration: number) => `${model}:${duration}`;
  return {
    async get(model: string, duration: number): Promise<CompletionTimes> {
      const key = keyOf(model, duration);
      const hit = cache.get(key);
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: only how long a curve is kept
      if (hit && now() - hit.at <= MAX_AGE_MS) return hit.times;
      const times = fromBrackets(await store.recentBrackets(model, duration));
      cache.set(key, { times, at: now() });
      return times;
    },
    forget(model: string, duration: number): void {
      cache.delete(keyOf(model, duration));
    },
  };
}

export type LearnedTimes = ReturnType<typeof createLearnedTimes>;
