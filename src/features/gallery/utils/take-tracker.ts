import type { InfiniteData, Query, QueryCache } from "@tanstack/react-query";
import type { Take, TakeList } from "@/shared/take";
import type { TakeStatus } from "@/shared/status";
import { isTerminal } from "@/shared/status";
import { takeKeys } from "../api/keys";

type Seen = { status: TakeStatus; updatedAt: string; batchId: string };
type OnSettled = (takes: readonly [Take, ...Take[]]) => void;

function startsWith(key: readonly unknown[], prefix: readonly unknown[]): boolean {
  return prefix.every((part, i) => key[i] === part);
}

/** Every take a query in the cache holds: one for a detail, all pages' items for a list. */
function takesIn(query: Query): Take[] {
  const data = query.state.data;
  if (data === undefined) return [];
  if (startsWith(query.queryKey, takeKeys.details())) return [data as Take];
  if (startsWith(query.queryKey, takeKeys.lists())) return (data as InfiniteData<TakeList>).pages.flatMap((p) => p.items);
  return [];
}

/**
 * Follows each take's latest known status across every list and detail in the cache, so it
 * can say which takes are still running and announce the moment a batch (the takes of one
 * submit) has finished or failed: once per batch, not once per take.
 */
export class TakeTracker {
  readonly #seen = new Map<string, Seen>();
  readonly #listeners = new Set<() => void>();
  /** Takes that settled while others of their batch still run, held for one announcement. */
  readonly #settled = new Map<string, Take[]>();
  #running: readonly string[] = [];

  /**
   * Starts following the cache; what is already there is known but not announced.
   * `onSettled` is called once per batch, with its takes seen running that then completed or
   * failed, when none of the batch is still running.
   */
  connect(cache: QueryCache, onSettled: OnSettled): () => void {
    for (const query of cache.getAll()) this.#observe(query, null);
    return cache.subscribe((event) => {
      if (event.type === "added" || event.type === "updated") this.#observe(event.query, onSettled);
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Stable between changes, as useSyncExternalStore needs. */
  getRunning = (): readonly string[] => this.#running;

  #observe(query: Query, onSettled: OnSettled | null): void {
    const batches = new Set<string>();
    for (const take of takesIn(query)) {
      const before = this.#seen.get(take.id);
      // An older copy (a list fetched before the last poll) must not roll the status back.
      if (before && take.updatedAt < before.updatedAt) continue;
      this.#seen.set(take.id, { status: take.status, updatedAt: take.updatedAt, batchId: take.batchId });
      if (onSettled && before && !isTerminal(before.status) && isTerminal(take.status)) {
        this.#settled.set(take.batchId, [...(this.#settled.get(take.batchId) ?? []), take]);
        batches.add(take.batchId);
      }
    }
    const entries = [...this.#seen];
    for (const batchId of batches) {
      const [first, ...rest] = this.#settled.get(batchId) ?? [];
      if (!first || entries.some(([, seen]) => seen.batchId === batchId && !isTerminal(seen.status))) continue;
      this.#settled.delete(batchId);
      onSettled?.([first, ...rest]);
    }
    const running = entries.filter(([, seen]) => !isTerminal(seen.status)).map(([id]) => id);
    if (running.join() !== this.#running.join()) {
      this.#running = running;
      for (const listener of this.#listeners) listener();
    }
  }
}
