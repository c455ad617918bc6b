/**
 * Runs at most `limit` tasks at once: for CPU-bound child processes (renders, decodes). Waiting
 * tasks start lowest `priority` first (a due time, say), in arrival order among equals; with
 * no priority given, purely in arrival order.
 */
export function createTaskPool(limit: number) {
  let running = 0;
  let arrivals = 0;
  const waiting: { priority: number; arrival: number; start: () => void }[] = [];

  function next() {
    if (running >= limit || waiting.length === 0) return;
    let first = 0;
    for (let i = 1; i < waiting.length; i++) {
      const a = waiting[i]!;
      const b = waiting[first]!;
      if (a.priority < b.priority || (a.priority === b.priority && a.arrival < b.arrival)) first = i;
    }
    const [task] = waiting.splice(first, 1);
    running += 1;
    task!.start();
  }

  return {
    run<T>(task: () => Promise<T>, priority = 0): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push({
          priority,
          arrival: arrivals++,
          start: () => {
            task()
              .then(resolve, reject)
              .finally(() => {
                running -= 1;
                next();
              });
          },
        });
        next();
      });
    },
  };
}
