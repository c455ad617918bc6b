import { availableParallelism } from "node:os";

export type Slots = ReturnType<typeof createSlots>;

/** A counting semaphore: at most `limit` holders at once, the rest wait first come, first served. */
export function createSlots(limit: number) {
  let max = limit;
  let active = 0;
  let peak = 0;
  const queue: (() => void)[] = [];
  const grant = () => {
    active++;
    peak = Math.max(peak, active);
  };
  const release = () => {
    active--;
    const next = queue.shift();
    if (next) {
      grant();
      next();
    }
  };
  async function acquire(): Promise<() => void> {
    if (active < max) grant();
    else await new Promise<void>((resolve) => queue.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  }
  return {
    acquire,
    async run<T>(work: () => Promise<T>): Promise<T> {
      const done = await acquire();
      try {
        return await work();
      } finally {
        done();
      }
    },
    setLimit(n: number) {
      max = n;
      while (active < max && queue.length) {
        grant();
        queue.shift()!();
      }
    },
    /** For tests and logs: holders now, the most ever at once, and how many wait. */
    stats: () => ({ limit: max, active, peak, waiting: queue.length }),
  };
}

/**
 * Image decodes in this process: libvips holds a whole frame (or several) per decode, so the
 * memory of N concurrent uploads is N frames. One per core by default (IMAGE_DECODE_CONCURRENCY).
 */
export const decodeSlots = createSlots(availableParallelism());
