/**
 * Slows sign-in attempts per client (an IPv4 address or IPv6 /64): the first few are free,
 * then each further one doubles the wait (1 s, 2 s, 4 s … up to 15 min). An attempt counts
 * when it starts, before the password is checked, and only a couple may be in flight at
 * once, so a burst of parallel guesses gets no more checks than a patient guesser. A
 * success clears the client. In memory: a restart forgives everyone.
 */
export type ThrottleOptions = { freeAttempts?: number; inFlightPerClient?: number; maxClients?: number; windowMs?: number; maxWaitMs?: number; now?: () => number };
export type Attempt = { fail(): void; succeed(): void; cancel(): void };
export type Refusal = { retryAfterMs: number; reason: "locked" | "in-flight" | "full" };

type Entry = { count: number; last: number; inFlight: number };

export function createSignInThrottle(options: ThrottleOptions = {}) {
  const free = options.freeAttempts ?? 5;
  const perClient = options.inFlightPerClient ?? 2;
  const maxClients = options.maxClients ?? 10_000;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let fullUntil = 0;

  const stale = (e: Entry) => e.inFlight === 0 && now() - e.last > windowMs;
  const waitOf = (e: Entry) => (e.count < free ? 0 : Math.max(0, e.last + Math.min(maxWaitMs, 1000 * 2 ** (e.count - free)) - now()));

  /**
   * Frees room for a newcomer by dropping only clients that are neither locked nor mid-attempt:
   * filling the map with fresh addresses must never wipe a locked one.
   */
  function makeRoom(): boolean {
    if (now() < fullUntil) return false;
    for (const [key, e] of entries) {
      if (entries.size < maxClients) break;
      if (e.inFlight === 0 && (stale(e) || e.count < free)) entries.delete(key);
    }
    if (entries.size < maxClients) return true;
    fullUntil = now() + 1000;
    return false;
  }

  return {
    /** Starts an attempt for this client, or says how long it must wait. */
    begin(key: string): { attempt: Attempt } | { refused: Refusal } {
      let e = entries.get(key);
      if (e && stale(e)) {
        entries.delete(key);
        e = undefined;
      }
      if (!e) {
        if (entries.size >= maxClients && !makeRoom()) return { refused: { retryAfterMs: 1000, reason: "full" } };
        e = { count: 0, last: 0, inFlight: 0 };
        entries.set(key, e);
      }
      const wait = waitOf(e);
      if (wait > 0) return { refused: { retryAfterMs: wait, reason: "locked" } };
      if (e.inFlight >= perClient) return { refused: { retryAfterMs: 1000, reason: "in-flight" } };
      const entry = e;
      entry.count++;
      entry.last = now();
      entry.inFlight++;
      let settled = false;
      const settle = (change: (x: Entry) => void) => {
        if (settled) return;
        settled = true;
        entry.inFlight--;
        change(entry);
      };
      return {
        attempt: {
          // The wait runs from the answer, not the start: a slow check doesn't eat into it.
          fail: () => settle((x) => (x.last = now())),
          succeed: () => settle((x) => (x.count = 0)),
          // No password was checked (a malformed form): the attempt is given back.
          cancel: () => settle((x) => (x.count = Math.max(0, x.count - 1))),
        },
      };
    },
    /** Clients being tracked (for tests and the bound). */
    size: () => entries.size,
  };
}
