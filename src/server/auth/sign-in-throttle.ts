import type { Sql } from "../db/sql";

/**
 * Slows sign-in attempts per client (an IPv4 address or IPv6 /64): the first few are free,
 * then each further one doubles the wait (1 s, 2 s, 4 s … up to 15 min). An attempt counts
 * when it starts, before the password is checked. A success clears the client.
 *
 * The count lives in the database (`sign_in_clients`): every replica on one database sees the
 * same count and wait, and a restart forgives no one. Only the cap on attempts in flight per
 * client is per process: it turns a burst of parallel guesses away before the database, and
 * the shared count still holds the checks of all replicas together to the free attempts.
 */
export type ThrottleOptions = { freeAttempts?: number; inFlightPerClient?: number; maxClients?: number; windowMs?: number; maxWaitMs?: number; now?: () => number };
export type Attempt = { fail(): Promise<void>; succeed(): Promise<void>; cancel(): Promise<void> };
export type Refusal = { retryAfterMs: number; reason: "locked" | "in-flight" | "full" };
export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

type Row = { attempts: number; last_at: number };

// Written only if the row is still the one the decision was made from (none: -1, so a row
// that appeared meanwhile is left alone): of two replicas counting one client, one reads again.
const COUNT = `INSERT INTO sign_in_clients (client, attempts, last_at) VALUES (@client, @attempts, @at)
  ON CONFLICT (client) DO UPDATE SET attempts = excluded.attempts, last_at = excluded.last_at
  WHERE sign_in_clients.attempts = @seenAttempts AND sign_in_clients.last_at = @seenAt
  RETURNING attempts`;
// A few forgotten clients go with each newcomer: the table's upkeep rides on its growth.
const SWEEP = "DELETE FROM sign_in_clients WHERE client IN (SELECT client FROM sign_in_clients WHERE last_at < ? ORDER BY last_at LIMIT 10)";
// Reads again after losing this many races for one client, then says attempts are in flight.
const COUNT_TRIES = 5;

export function createSignInThrottle(sql: Sql, options: ThrottleOptions = {}) {
  const free = options.freeAttempts ?? 5;
  const perClient = options.inFlightPerClient ?? 2;
  const maxClients = options.maxClients ?? 10_000;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
  const now = options.now ?? Date.now;
  const inFlight = new Map<string, number>();
  let fullUntil = 0;

  const stale = (row: Row, at: number) => at - row.last_at > windowMs;
  const waitOf = (row: Row, at: number) =>
    stale(row, at) || row.attempts < free ? 0 : Math.max(0, row.last_at + Math.min(maxWaitMs, 1000 * 2 ** (row.attempts - free)) - at);
  const release = (key: string) => {
    const left = (inFlight.get(key) ?? 1) - 1;
    if (left > 0) inFlight.set(key, left);
    else inFlight.delete(key);
  };

  /**
   * Room for one more client. When full, drops only clients that are neither locked nor
   * mid-attempt here, oldest first: filling the table with fresh addresses must never wipe a
   * locked one. Replicas adding clients at once may overshoot the bound by a few.
   */
  async function haveRoom(at: number): Promise<boolean> {
    await sql.run(SWEEP, [at - windowMs]);
    const { n } = (await sql.get<{ n: number }>("SELECT COUNT(*) AS n FROM sign_in_clients"))!;
    if (n < maxClients) return true;
    if (at < fullUntil) return false;
    const needed = n - maxClients + 1;
    const unlocked = await sql.all<{ client: string }>("SELECT client FROM sign_in_clients WHERE attempts < ? ORDER BY last_at LIMIT ?", [free, needed + inFlight.size]);
    let dropped = 0;
    for (const { client } of unlocked.filter((row) => !inFlight.has(row.client)).slice(0, needed)) {
      dropped += (await sql.run("DELETE FROM sign_in_clients WHERE client = ? AND attempts < ?", [client, free])).changes;
    }
    if (dropped >= needed) return true;
    fullUntil = at + 1000;
    return false;
  }

  /** Counts an attempt for this client, or says why not. */
  async function count(key: string): Promise<Refusal | null> {
    for (let tries = 0; tries < COUNT_TRIES; tries++) {
      const at = now();
      const row = await sql.get<Row>("SELECT attempts, last_at FROM sign_in_clients WHERE client = ?", [key]);
      const wait = row ? waitOf(row, at) : 0;
      if (wait > 0) return { retryAfterMs: wait, reason: "locked" };
      if (!row && !(await haveRoom(at))) return { retryAfterMs: 1000, reason: "full" };
      const attempts = !row || stale(row, at) ? 1 : row.attempts + 1;
      const seen = { seenAttempts: row?.attempts ?? -1, seenAt: row?.last_at ?? -1 };
      if (await sql.get(COUNT, { client: key, attempts, at, ...seen })) return null;
    }
    return { retryAfterMs: 1000, reason: "in-flight" };
  }

  return {
    /** Starts an attempt for this client, or says how long it must wait. */
    async begin(key: string): Promise<{ attempt: Attempt } | { refused: Refusal }> {
      // Taken before anything is awaited, so parallel guesses here can't all reach the count.
      const held = inFlight.get(key) ?? 0;
      if (held >= perClient) return { refused: { retryAfterMs: 1000, reason: "in-flight" } };
      inFlight.set(key, held + 1);
      let refused: Refusal | null;
      try {
        refused = await count(key);
      } catch (error) {
        release(key);
        throw error;
      }
      if (refused) {
        release(key);
        return { refused };
      }
      let settled = false;
      const settle = async (text: string, params: Record<string, unknown>) => {
        if (settled) return;
        settled = true;
        release(key);
        await sql.run(text, { client: key, ...params });
      };
      return {
        attempt: {
          // The wait runs from the answer, not the start: a slow check doesn't eat into it.
          fail: () => settle("UPDATE sign_in_clients SET last_at = @at WHERE client = @client AND last_at < @at", { at: now() }),
          // Kept at zero rather than deleted, so a count decided before the success can't land.
          succeed: () => settle("UPDATE sign_in_clients SET attempts = 0 WHERE client = @client", {}),
          // No password was checked (a malformed form): the attempt is given back.
          cancel: () => settle("UPDATE sign_in_clients SET attempts = attempts - 1 WHERE client = @client AND attempts > 0", {}),
        },
      };
    },
    /** Clients being tracked (for tests and the bound). */
    size: async () => (await sql.get<{ n: number }>("SELECT COUNT(*) AS n FROM sign_in_clients"))!.n,
  };
}
