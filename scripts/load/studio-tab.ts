import type { Agent } from "node:http";
import { timingsResponseSchema } from "../../src/shared/api";
import { LIST_DEFAULT_LIMIT } from "../../src/shared/limits";
import { isTerminal } from "../../src/shared/status";
import { takeListSchema, takeSchema, type Take } from "../../src/shared/take";
import { tabAgent, timedGet, type EndpointStats } from "./endpoint-stats";
import { timesFrom, type NextTakePollMs, type TimesFor } from "./poll-schedule";

/**
 * The gallery list has no refetchInterval (src/features/gallery/api/list-takes.ts); with the
 * client's staleTime of 10 s it refetches only on focus or remount. A tab with nothing running
 * stands in for that by asking again this long after its last answer.
 */
export const IDLE_RELIST_MS = 10_000;
/** timingsQueryOptions' staleTime: older than this, the tab asks again when it next re-lists. */
const TIMINGS_STALE_MS = 60_000;
/** After a failed poll: TanStack's first retry delay. */
const RETRY_MS = 1_000;

export type TabContext = {
  url: string;
  /** Date.now() after which the tab sends nothing more. */
  until: number;
  /** How long after `until` an unanswered request is cut off (and counted as an error). */
  drainMs: number;
  nextTakePollMs: NextTakePollMs;
  stats: EndpointStats;
  /** Every take the tab got an answer about, for the run's count of takes running. */
  onSeen: (take: Take) => void;
};

/** A take this tab polls: the detail query useWatchTakes keeps mounted while it runs. */
type Watch = { take: Take; dueAt: number; inFlight: boolean };

/** One open tab of the SPA: the gallery list, the timings, and a detail poll per running take. */
export class StudioTab {
  readonly #ctx: TabContext;
  readonly #listUrl: string;
  /** The tab's connections (endpoint-stats.ts). */
  readonly #agent: Agent = tabAgent();
  /** Date.now() after which an unanswered request is cut off. */
  readonly #deadline: number;
  readonly #watched = new Map<string, Watch>();
  readonly #requests = new Set<Promise<void>>();
  #timesFor: TimesFor = () => null;
  #timingsAt = -Infinity;
  #listDueAt = 0;
  #relist = true;
  #listing = false;
  #wake: (() => void) | null = null;

  constructor(ctx: TabContext) {
    this.#ctx = ctx;
    this.#listUrl = `${ctx.url}/api/generations?${new URLSearchParams({ limit: String(LIST_DEFAULT_LIMIT) })}`;
    this.#deadline = ctx.until + ctx.drainMs;
  }

  /** Takes this tab is polling now. */
  get watching(): number {
    return this.#watched.size;
  }

  /** This tab submitted `take`: the form seeds its detail and refetches the lists (useRefreshGallery). */
  created(take: Take): void {
    const delay = this.#delay(take);
    if (delay !== false) this.#watched.set(take.id, { take, dueAt: Date.now() + delay, inFlight: false });
    this.#relist = true;
    this.#wake?.();
  }

  /**
   * Opens at `openAt` (or when it creates a take, if sooner) and runs until the context's
   * `until`. Each request goes out on its own schedule, as each query's timer would send it;
   * the loop only sleeps until the next one is due or an answer changes the plan.
   */
  async run(openAt: number): Promise<void> {
    await this.#sleepUntil(openAt);
    while (Date.now() < this.#ctx.until) {
      const now = Date.now();
      for (const [id, watch] of this.#watched) {
        if (!watch.inFlight && watch.dueAt <= now) this.#track(this.#poll(id, watch));
      }
      if (!this.#listing && (this.#relist || (this.#watched.size === 0 && this.#listDueAt <= now))) this.#track(this.#list());
      await this.#sleepUntil(this.#nextDue());
    }
    await Promise.all(this.#requests);
    this.#agent.destroy();
  }

  #delay(take: Take): number | false {
    return this.#ctx.nextTakePollMs(take, this.#timesFor(take), Date.now());
  }

  #nextDue(): number {
    let due = this.#watched.size === 0 && !this.#listing ? this.#listDueAt : this.#ctx.until;
    for (const watch of this.#watched.values()) if (!watch.inFlight) due = Math.min(due, watch.dueAt);
    return Math.min(due, this.#ctx.until);
  }

  /** A sleep that `created` or a finished poll cuts short; never shorter than 1 ms, so the loop cannot spin. */
  #sleepUntil(at: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake = null;
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, at - Date.now()));
      this.#wake = done;
    });
  }

  #track(request: Promise<void>): void {
    this.#requests.add(request);
    void request.finally(() => {
      this.#requests.delete(request);
      this.#wake?.();
    });
  }

  async #poll(id: string, watch: Watch): Promise<void> {
    const { stats, url } = this.#ctx;
    watch.inFlight = true;
    // As refetchInterval does: the next tick counts from this one, not from the answer.
    const sentAt = Date.now();
    const { status, json } = await timedGet(stats, "detail", `${url}/api/generations/${encodeURIComponent(id)}`, this.#agent, this.#deadline);
    watch.inFlight = false;
    const parsed = json === null ? null : takeSchema.safeParse(json);
    if (parsed && !parsed.success) stats.fault("detail", "body does not match takeSchema");
    const delay = parsed?.success ? this.#delay(parsed.data) : status === 404 ? false : RETRY_MS;
    if (parsed?.success) {
      this.#ctx.onSeen(parsed.data);
      watch.take = parsed.data;
    }
    if (delay === false) {
      if (this.#watched.get(id) === watch) this.#watched.delete(id);
    } else {
      watch.dueAt = (parsed?.success ? sentAt : Date.now()) + delay;
    }
  }

  async #list(): Promise<void> {
    this.#relist = false;
    this.#listing = true;
    const timingsStale = Date.now() - this.#timingsAt >= TIMINGS_STALE_MS;
    await Promise.all([this.#fetchList(), timingsStale ? this.#fetchTimings() : null]);
    this.#listing = false;
    this.#listDueAt = Date.now() + IDLE_RELIST_MS;
  }

  async #fetchList(): Promise<void> {
    const { stats } = this.#ctx;
    const { json } = await timedGet(stats, "list", this.#listUrl, this.#agent, this.#deadline);
    if (json === null) return;
    const parsed = takeListSchema.safeParse(json);
    if (!parsed.success) {
      stats.fault("list", "body does not match takeListSchema");
      return;
    }
    const now = Date.now();
    for (const take of parsed.data.items) {
      this.#ctx.onSeen(take);
      const watch = this.#watched.get(take.id);
      // A running take new to the tab mounts a detail query with no data: it asks at once.
      if (!isTerminal(take.status)) {
        if (!watch) this.#watched.set(take.id, { take, dueAt: now, inFlight: false });
      } else if (watch && take.updatedAt >= watch.take.updatedAt) {
        this.#watched.delete(take.id);
      }
    }
  }

  async #fetchTimings(): Promise<void> {
    const { stats, url } = this.#ctx;
    const { json } = await timedGet(stats, "timings", `${url}/api/timings`, this.#agent, this.#deadline);
    if (json === null) return;
    const parsed = timingsResponseSchema.safeParse(json);
    if (!parsed.success) {
      stats.fault("timings", "body does not match timingsResponseSchema");
      return;
    }
    this.#timesFor = timesFrom(parsed.data.timings);
    this.#timingsAt = Date.now();
  }
}
