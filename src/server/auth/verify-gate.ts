/**
 * Caps password checks running at once in this process (each replica has its own): each scrypt
 * costs ~32 MiB and a thread-pool slot, so many parallel sign-ins (from many addresses) must
 * queue, briefly.
 */
export function createVerifyGate(options: { concurrent?: number; queue?: number; maxWaitMs?: number } = {}) {
  const concurrent = options.concurrent ?? 2;
  const queueLimit = options.queue ?? 16;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  let running = 0;
  const waiting: (() => void)[] = [];

  function acquire(): Promise<boolean> {
    if (running < concurrent) {
      running++;
      return Promise.resolve(true);
    }
    if (waiting.length >= queueLimit) return Promise.resolve(false);
    return new Promise((resolve) => {
      const grant = () => {
        clearTimeout(timer);
        running++;
        resolve(true);
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(grant), 1);
        resolve(false);
      }, maxWaitMs);
      waiting.push(grant);
    });
  }

  return {
    /** Runs `check` when a slot frees up; null when the studio is too busy to wait for one. */
    async run<T>(check: () => Promise<T>): Promise<T | null> {
      if (!(await acquire())) return null;
      try {
        return await check();
      } finally {
        running--;
        waiting.shift()?.();
      }
    },
  };
}
