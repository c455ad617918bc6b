/**
 * Slows failed sign-ins per address: the first few are free, then each further failure
 * doubles the wait (1 s, 2 s, 4 s … up to 15 min). Failures older than the window are
 * forgotten; a success clears the address. In memory: a restart forgives everyone.
 */
export function createSignInThrottle(options: { freeAttempts?: number; windowMs?: number; maxWaitMs?: number; now?: () => number } = {}) {
  const free = options.freeAttempts ?? 5;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  const failures = new Map<string, { count: number; last: number }>();

  function entry(address: string) {
    const found = failures.get(address);
    if (found && now() - found.last > windowMs) {
      failures.delete(address);
      return undefined;
    }
    return found;
  }

  return {
    /** Milliseconds this address must still wait before its next attempt (0: go ahead). */
    waitMs(address: string): number {
      const found = entry(address);
      if (!found || found.count < free) return 0;
      const wait = Math.min(maxWaitMs, 1000 * 2 ** (found.count - free));
      return Math.max(0, found.last + wait - now());
    },
    fail(address: string): void {
      const found = entry(address);
      failures.set(address, { count: (found?.count ?? 0) + 1, last: now() });
      if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
    },
    succeed(address: string): void {
      failures.delete(address);
    },
  };
}
