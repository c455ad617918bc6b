/** Runs at most `limit` tasks at once, in arrival order: for CPU-bound child processes (renders, decodes). */
export function createTaskPool(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];

  function next() {
    if (running >= limit) return;
    const start = waiting.shift();
    if (start) {
      running += 1;
      start();
    }
  }

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push(() => {
          task()
            .then(resolve, reject)
            .finally(() => {
              running -= 1;
              next();
            });
        });
        next();
      });
    },
  };
}
