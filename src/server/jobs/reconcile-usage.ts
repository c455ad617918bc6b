import type { Logger } from "pino";
import type { ReconciliationDay } from "../../shared/provider-watch";
import { toMicroUsd } from "../../shared/money";
import type { UpstreamClient } from "../upstream/aimlapi-client";
import type { ProviderWatchStore, StoredDay } from "../store/provider-watch-store";
import { startOfUtcDay } from "./spend-limits";

const DAY_MS = 86_400_000;
/** Days checked on each run, today included: video charges post after completion, so a day's figures settle late. */
export const RECONCILE_DAYS = 7;
/** The job runs daily; its first run waits a little after start-up, so a restart loop doesn't hammer the provider. */
export const RECONCILE_EVERY_MS = DAY_MS;
export const RECONCILE_FIRST_AFTER_MS = 5 * 60_000;

function toWire(day: StoredDay): ReconciliationDay {
  return {
    day: day.day,
    partial: Date.parse(`${day.day}T00:00:00Z`) + DAY_MS > day.checkedAt,
    ledgerUsd: toMicroUsd(day.ledgerUsd),
    ledgerTakes: day.ledgerTakes,
    providerUsd: day.providerUsd,
    providerRequests: day.providerRequests,
    differenceUsd: day.providerUsd === null ? null : toMicroUsd(day.providerUsd - day.ledgerUsd),
    error: day.error,
    checkedAt: new Date(day.checkedAt).toISOString(),
  };
}

/**
 * The daily check of Dailies' ledger against the provider's own totals (`GET /v2/usage`) for the
 * same UTC days: what is left over is spend made outside Dailies with the same key, refunds, or
 * charges Dailies never heard of. `since` clips the days (the built-in simulator forgets its usage
 * when it restarts, so days before it started are not compared).
 */
export function createUsageReconciler(deps: {
  store: ProviderWatchStore;
  client: Pick<UpstreamClient, "usageTotals">;
  log: Logger;
  since?: number;
  note?: string | null;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopping = false;

  async function checkDay(start: number, end: number, at: number): Promise<void> {
    const from = Math.max(start, deps.since ?? start);
    const to = Math.min(end, at);
    const ledger = await deps.store.ledger(from, to);
    const day = new Date(start).toISOString().slice(0, 10);
    try {
      const totals = await deps.client.usageTotals({ start: from, end: to });
      const unreadable = totals.usd === null ? "The provider's usage reply had no readable spend." : totals.currency !== null && totals.currency !== "USD" ? `The provider reported spend in ${totals.currency}, not USD.` : null;
      await deps.store.saveDay({ day, ledgerUsd: ledger.usd, ledgerTakes: ledger.takes, providerUsd: unreadable ? null : totals.usd, providerRequests: totals.requests, error: unreadable, checkedAt: at });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await deps.store.saveDay({ day, ledgerUsd: ledger.usd, ledgerTakes: ledger.takes, providerUsd: null, providerRequests: null, error: message, checkedAt: at });
      deps.log.warn({ day, err: message }, "usage reconciliation: provider totals not read");
    }
  }

  async function runAll(): Promise<void> {
    const at = now();
    const today = startOfUtcDay(at);
    for (let back = RECONCILE_DAYS - 1; back >= 0; back -= 1) {
      if (stopping) return;
      const start = today - back * DAY_MS;
      if (deps.since !== undefined && start + DAY_MS <= deps.since) continue;
      await checkDay(start, start + DAY_MS, at);
    }
  }

  /** Checks the last RECONCILE_DAYS days now; a run already going is joined, not doubled. */
  function run(): Promise<void> {
    running ??= runAll().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    run,
    async days(): Promise<{ days: ReconciliationDay[]; note: string | null }> {
      return { days: (await deps.store.recentDays(RECONCILE_DAYS)).map(toWire), note: deps.note ?? null };
    },
    start(): void {
      if (timer) return;
      // A run that fails (the database closing under it) is logged, never an unhandled rejection.
      const scheduled = () => void run().catch((error: unknown) => deps.log.warn({ err: error instanceof Error ? error.message : String(error) }, "usage reconciliation stopped"));
      timer = setTimeout(() => {
        scheduled();
        timer = setInterval(scheduled, RECONCILE_EVERY_MS);
        timer.unref();
      }, RECONCILE_FIRST_AFTER_MS);
      timer.unref();
    },
    /** Stops the schedule and waits for a run still going, so the database can close after it. */
    async stop(): Promise<void> {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => {});
    },
  };
}

export type UsageReconciler = ReturnType<typeof createUsageReconciler>;
