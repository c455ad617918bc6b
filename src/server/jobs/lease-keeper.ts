import type { Logger } from "pino";

export type LeaseKeeperOptions<Row> = {
  /** How long a lease lasts (JOB_LEASE_MS); it is renewed every third of it. */
  leaseMs: number;
  /** Renews this replica's leases; the ids it still holds, when the caller must know. */
  renew(): Promise<Set<string> | void>;
  /** Claims other replicas' lapsed rows (leases.ts). */
  claimLapsed(): Promise<Row[]>;
  /** What this replica does with rows it just took over. */
  adopt(rows: Row[]): Promise<void>;
  /** Called with the ids renewal kept, so the caller can drop work another replica took over. */
  kept?(ids: Set<string>): void;
  log: Logger;
  what: string;
};

/**
 * Keeps a replica's leases and takes over lapsed ones (the job runner's takes, the reel queue's
 * reels), one round at a time: a slow round is not overlapped by the next, and `stop()` waits for
 * the round under way, so nothing writes after the studio closes its database.
 */
export function startLeaseKeeper<Row>(options: LeaseKeeperOptions<Row>): { stop(): Promise<void> } {
  let round: Promise<void> | null = null;
  let stopped = false;
  const timer = setInterval(
    () => {
      round ??= (async () => {
        const held = await options.renew();
        if (held && !stopped) options.kept?.(held);
        if (!stopped) await options.adopt(await options.claimLapsed());
      })()
        .catch((error: unknown) => options.log.warn({ err: error instanceof Error ? error.message : String(error) }, `could not keep ${options.what} leases; trying again`))
        .finally(() => (round = null));
    },
    Math.max(100, Math.floor(options.leaseMs / 3)),
  );
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await round;
    },
  };
}
