import type { ErrorCode } from "../../shared/api-error";
import type { CompletionBracket } from "../../shared/completion-times";
import type { Sql } from "../db/sql";
import type { TakeCharge, TakeRecord, TakeProgress } from "../takes/take";
import { createChangeCounter, type ChangeCounter } from "./change-counter";
import { insertTake, type NewTake } from "./insert-take";
import { chargeColumns, progressColumns, rowToTake, type TakeRow } from "./take-row";
import { markColumns, type TakeMarks } from "./take-marks";
import { createTakeLister, type ListFilters } from "./list-takes";
import { createSpendCounter, type CountSpend } from "./spend-counts";
import { createMonthSpend } from "./month-spend";
import { writeTombstone } from "./tombstones";
import { claimRows, DEFAULT_LEASE, LeaseLostError, renewRows, type LeaseSetting } from "./leases";

export type { NewTake } from "./insert-take";

export type Failure = { code: ErrorCode; message: string; detail?: string | null };

export type ArchivedFacts = {
  videoFile: string;
  bytes: number;
  width: number;
  height: number;
  durationSeconds: number;
  posterFile: string;
};

export type DeleteOutcome = { outcome: "missing" } | { outcome: "running"; take: TakeRecord } | { outcome: "deleted"; take: TakeRecord };

type MarkOutcome = { outcome: "missing" } | { outcome: "no_shot" } | { outcome: "updated"; take: TakeRecord };

export type TakesStore = ReturnType<typeof createTakesStore>;

// Takes from before migration 9 have no bracket and are left out.
const BRACKETS = `SELECT pending_seen_at - submitted_at AS "lowMs", finished_at - submitted_at AS "highMs" FROM generations
  WHERE model = ? AND duration = ? AND finished_at IS NOT NULL AND submitted_at IS NOT NULL AND pending_seen_at IS NOT NULL
    AND status IN ('finishing', 'completed')
  ORDER BY seq DESC LIMIT 40`;

const UNFINISHED_STATES = "status IN ('checking', 'queued', 'generating', 'finishing')";

/**
 * The takes, in SQLite or PostgreSQL (`Sql`). Whatever must not interleave (a spend-limit check
 * and its insert, a delete and its check) is one transaction inside a single method. What the
 * sender and the job runner write about a take's progress is written only while this replica
 * holds its lease and the take is unfinished (leases.ts): never over another replica's work.
 */
export function createTakesStore(
  sql: Sql,
  now: () => number = Date.now,
  changes: ChangeCounter = createChangeCounter(),
  lease: LeaseSetting = DEFAULT_LEASE,
) {
  const lister = createTakeLister(sql);
  const monthSpend = createMonthSpend(sql);

  async function row(id: string, via: Sql = sql): Promise<TakeRow | undefined> {
    return via.get<TakeRow>("SELECT * FROM generations WHERE id = ?", [id]);
  }
  async function get(id: string, via: Sql = sql): Promise<TakeRecord | undefined> {
    const found = await row(id, via);
    return found && rowToTake(found);
  }

  /**
   * Writes `fields`; `held`: only while this replica holds the take's lease and it is unfinished
   * (else LeaseLostError). Every write outside a transaction bumps the counter that lets readers
   * cache what they built (see the list route); inside one, the caller bumps after the commit.
   */
  async function update(id: string, fields: Partial<Omit<TakeRow, "seq" | "id">>, how: { via?: Sql; held?: boolean } = {}): Promise<TakeRecord> {
    const via = how.via ?? sql;
    const entries = Object.entries({ ...fields, updated_at: now() });
    const sets = entries.map(([key]) => `${key} = @${key}`).join(", ");
    const guard = how.held ? ` AND lease_owner = @lease_owner AND status NOT IN ('completed', 'failed')` : "";
    const { changes: written } = await via.run(`UPDATE generations SET ${sets} WHERE id = @id${guard}`, {
      ...Object.fromEntries(entries),
      id,
      ...(how.held ? { lease_owner: lease.owner } : {}),
    });
    if (written === 0 && how.held) throw new LeaseLostError(id);
    if (via === sql) changes.bump();
    const take = await get(id, via);
    if (!take) throw new Error(`generation ${id} vanished during an update`);
    return take;
  }
  const progress = (id: string, fields: Partial<Omit<TakeRow, "seq" | "id">>) => update(id, fields, { held: true });

  return {
    get: async (id: string) => get(id),
    /** Whether the ledger holds this id: a take that was made here and deleted. */
    wasDeleted: async (id: string) => (await sql.get("SELECT 1 AS found FROM deleted_spend WHERE id = ?", [id])) !== undefined,
    /** What the provider said about a take's progress (the sender and the job runner, under the lease). */
    update: async (id: string, changed: TakeProgress) => progress(id, progressColumns(changed)),
    /**
     * Whether this replica may send the take's create now: it still holds the lease, and the
     * take is recorded and unsent. Renews the lease for the send; false: another replica failed
     * it as interrupted (this one lost its lease), so it must not be sent.
     */
    claimSend: async (id: string) =>
      (
        await sql.run("UPDATE generations SET lease_until = ? WHERE id = ? AND lease_owner = ? AND status = 'queued' AND submit_state = 'pending'", [
          now() + lease.ms,
          id,
          lease.owner,
        ])
      ).changes > 0,
    version: async () => changes.value,
    async list(filters: ListFilters, limit: number, cursor: number | null): Promise<{ takes: TakeRecord[]; nextCursor: number | null }> {
      const page = await lister(filters, limit, cursor);
      return { takes: page.rows.map(rowToTake), nextCursor: page.nextCursor };
    },
    async findByIdempotencyKey(key: string): Promise<TakeRecord | undefined> {
      const found = await sql.get<TakeRow>("SELECT * FROM generations WHERE idempotency_key = ?", [key]);
      return found && rowToTake(found);
    },

    /**
     * Records takes, as one batch, before the upstream is called, so a crash can never lose a
     * paid create: all or none, in one transaction that first lets `admit` count what is running and made
     * today and refuse by throwing. Check and insert can't interleave with another submit.
     */
    async createTakes(inputs: readonly NewTake[], admit: (count: CountSpend) => Promise<void> = async () => {}): Promise<TakeRecord[]> {
      // The takes recorded together are one batch, named after its first take: a single take's
      // batch is itself (migration 6 named the batches made before it the same way).
      const takes = await sql.transaction(async (tx) => {
        await admit(createSpendCounter(tx, monthSpend));
        const ids: string[] = [];
        const held = { owner: lease.owner, until: now() + lease.ms };
        for (const input of inputs) ids.push(await insertTake(tx, input, now(), held, ids[0]));
        // One at a time: a transaction is one connection, which runs one query at once.
        const created: TakeRecord[] = [];
        for (const id of ids) created.push((await get(id, tx))!);
        return created;
      });
      changes.bump();
      return takes;
    },

    /** The create was accepted (or the usage log showed it was): `status` leaves "checking" for "queued". */
    async markAccepted(id: string, upstreamId: string, upstreamStatus: string, tokensUsed: number | null, charge?: TakeCharge): Promise<TakeRecord> {
      return progress(id, {
        status: "queued",
        submit_state: "accepted",
        upstream_id: upstreamId,
        upstream_status: upstreamStatus,
        submitted_at: now(),
        pending_seen_at: now(),
        check_reason: null,
        ...(tokensUsed === null ? {} : { tokens_used: tokensUsed }),
        ...chargeColumns(charge),
      });
    },

    /** The create ended ambiguously: the take waits, unsent again, while the usage log is read. */
    async markChecking(id: string, reason: string): Promise<TakeRecord> {
      return progress(id, { status: "checking", check_reason: reason });
    },

    async markFailed(id: string, failure: Failure): Promise<TakeRecord> {
      return progress(id, {
        status: "failed",
        error_code: failure.code,
        error_message: failure.message,
        error_detail: failure.detail ?? null,
        completed_at: now(),
      });
    },

    /** `estimatedUsd`: the catalogue's price, kept as the cost (marked estimated) when the provider reported none. */
    async markCompleted(id: string, video: ArchivedFacts, estimatedUsd: number | null = null): Promise<TakeRecord> {
      const reported = ((await row(id))?.cost_usd ?? 0) > 0;
      return progress(id, {
        ...(!reported && estimatedUsd !== null ? { cost_usd: estimatedUsd, cost_estimated: 1 as const } : {}),
        status: "completed",
        video_file: video.videoFile,
        video_bytes: video.bytes,
        video_width: video.width,
        video_height: video.height,
        video_duration: video.durationSeconds,
        poster_file: video.posterFile,
        completed_at: now(),
      });
    },

    /** A favourite, a review state (by whom) and the take's shot, checked and written together. */
    async setMarks(id: string, marks: TakeMarks): Promise<MarkOutcome> {
      const outcome = await sql.transaction(async (tx): Promise<MarkOutcome> => {
        if (!(await row(id, tx))) return { outcome: "missing" };
        const columns = await markColumns(tx, marks, now());
        return columns ? { outcome: "updated", take: await update(id, columns, { via: tx }) } : { outcome: "no_shot" };
      });
      // After the commit: a reader rebuilding at the bump must see the change (here and on other replicas).
      if (outcome.outcome === "updated") changes.bump();
      return outcome;
    },

    /** Deletes a settled take, leaving a tombstone if it is in a family; the check and the delete share one transaction. */
    async deleteSettled(id: string, deletedBy: string): Promise<DeleteOutcome> {
      const outcome = await sql.transaction(async (tx): Promise<DeleteOutcome> => {
        const take = await get(id, tx);
        if (!take) return { outcome: "missing" };
        if (take.status !== "completed" && take.status !== "failed") return { outcome: "running", take };
        await writeTombstone(tx, take, deletedBy, now());
        await tx.run("DELETE FROM generations WHERE id = ?", [id]);
        return { outcome: "deleted", take };
      });
      if (outcome.outcome === "deleted") changes.bump();
      return outcome;
    },

    /** When the last 40 takes of this kind finished at the upstream, as brackets from acceptance (completion-times.ts). */
    recentBrackets: (model: string, duration: number) => sql.all<CompletionBracket>(BRACKETS, [model, duration]),

    /** What a take of this kind typically costs in USD, from what the provider reported; null before any was. */
    typicalUsd: async (model: string, duration: number) => monthSpend.typicalUsd(model, duration),
    /** USD committed since a moment by one person and by the studio (month-spend.ts). */
    committedUsd: async (since: number, author: string) => monthSpend.committed(since, author),

    /** The unfinished takes this replica is now leased to poll, oldest first (leases.ts). */
    async claimUnfinished(when: "restart" | "lapsed"): Promise<TakeRecord[]> {
      const rows = await claimRows<TakeRow>(sql, "generations", UNFINISHED_STATES, lease, now(), when);
      return rows.sort((a, b) => a.seq - b.seq).map(rowToTake);
    },
    /** Renews this replica's leases on its unfinished takes; returns the ids it still holds (another replica may have taken one over). */
    renewLeases: () => renewRows(sql, "generations", UNFINISHED_STATES, lease, now()),
  };
}
