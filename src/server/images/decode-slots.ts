import { availableParallelism } from "node:os";

export type Slots = ReturnType<typeof createSlots>;

/**
 * A counting semaphore with a second, weighted budget: at most `limit` holders at once, and
 * together they may weigh at most `budget` (a holder heavier than the budget runs alone).
 * Waiters are served first come, first served: a heavy one at the head is not overtaken.
 */
export function createSlots(limit: number, budget = Number.POSITIVE_INFINITY) {
  let max = limit;
  let capacity = budget;
  let active = 0;
  let weight = 0;
  let peak = 0;
  const queue: { weight: number; go: () => void }[] = [];
  const fits = (w: number) => active === 0 || (active < max && weight + Math.min(w, capacity) <= capacity);
  const grant = (w: number) => {
    active++;
    weight += Math.min(w, capacity);
    peak = Math.max(peak, active);
  };
  const pump = () => {
    while (queue.length && fits(queue[0]!.weight)) {
      const next = queue.shift()!;
      grant(next.weight);
      next.go();
    }
  };
  async function acquire(w = 0): Promise<() => void> {
    if (queue.length === 0 && fits(w)) grant(w);
    else await new Promise<void>((go) => queue.push({ weight: w, go }));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      active--;
      weight -= Math.min(w, capacity);
      pump();
    };
  }
  return {
    acquire,
    async run<T>(work: () => Promise<T>, w = 0): Promise<T> {
      const done = await acquire(w);
      try {
        return await work();
      } finally {
        done();
      }
    },
    setLimit(n: number, newBudget = capacity) {
      max = n;
      capacity = newBudget;
      pump();
    },
    /** For tests and logs: holders now, the most ever at once, how many wait, and the weight held. */
    stats: () => ({ limit: max, active, peak, waiting: queue.length, weight, budget: capacity }),
  };
}

/**
 * Image decodes in this process: libvips holds a whole frame (or several) per decode, so the
 * memory of N concurrent uploads is N frames. One per core by default (IMAGE_DECODE_CONCURRENCY),
 * weighed in megapixels against IMAGE_DECODE_BUDGET_MP: two 8 MP photos decode side by side,
 * larger ones take turns (a 16 MP decode holds about 120 MB, measured with npm run load:bursts).
 */
export const decodeSlots = createSlots(availableParallelism(), 16);
