import type { ErrorCode } from "../../shared/api-error";
import type { CompletionBracket } from "../../shared/completion-times";
import type { Db } from "../db/database";
import type { TakeCharge, TakeRecord, TakeProgress } from "../takes/take";
import { createChangeCounter, type ChangeCounter } from "./change-counter";
import { createTakeInserter, type NewTake } from "./insert-take";
import { chargeColumns, progressColumns, rowToTake, type TakeRow } from "./take-row";
import { createMarkColumns, type TakeMarks } from "./take-marks";
import { createTakeLister, type ListFilters } from "./list-takes";
import { createSpendCounter, type CountSpend } from "./spend-counts";
import { createMonthSpend } from "./month-spend";
import { createTombstoneWriter } from "./tombstones";

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

/**
 * The takes, kept in SQLite. Every method is async although better-sqlite3 is not, so another
 * engine can stand behind the same interface; whatever must not interleave (a spend-limit
 * check and its insert, a delete and its check) is one transaction inside a single method.
 */
export function createTakesStore(db: Db, now: () => number = Date.now, changes: ChangeCounter = createChangeCounter()) {
  const byId = db.prepare<[string], TakeRow>("SELECT * FROM generations WHERE id = ?");
  const insertOne = createTakeInserter(db, now);
  const markColumns = createMarkColumns(db);
  const writeTombstone = createTombstoneWriter(db);
  // Takes from before migration 9 have no bracket and are left out.
  const brackets = db.prepare<[string, number], CompletionBracket>(
    `SELECT pending_seen_at - submitted_at AS lowMs, finished_at - submitted_at AS highMs FROM generations
     WHERE model = ? AND duration = ? AND finished_at IS NOT NULL AND submitted_at IS NOT NULL AND pending_seen_at IS NOT NULL
       AND status IN ('finishing', 'completed')
     ORDER BY seq DESC LIMIT 40`,
  );
  const byKey = db.prepare<[string], TakeRow>("SELECT * FROM generations WHERE idempotency_key = ?");
  const unfinished = db.prepare<[], TakeRow>(
    "SELECT * FROM generations WHERE status IN ('checking', 'queued', 'generating', 'finishing') ORDER BY seq",
  );
  const remove = db.prepare<[string]>("DELETE FROM generations WHERE id = ?");
  const lister = createTakeLister(db);
  const monthSpend = createMonthSpend(db);
  const countSpend = createSpendCounter(db, monthSpend);

  function get(id: string): TakeRecord | undefined {
    const row = byId.get(id);
    return row && rowToTake(row);
  }

  // Every write bumps the counter: it lets readers cache what they built (see the list route).
  function update(id: string, fields: Partial<Omit<TakeRow, "seq" | "id">>): TakeRecord {
    changes.bump();
    const entries = Object.entries({ ...fields, updated_at: now() });
    const sets = entries.map(([key]) => `${key} = @${key}`).join(", ");
    db.prepare(`UPDATE generations SET ${sets} WHERE id = @id`).run({ ...Object.fromEntries(entries), id });
    const take = get(id);
    if (!take) throw new Error(`generation ${id} vanished during an update`);
    return take;
  }

  // The takes recorded together are one batch, named after its first take: a single take's
  // batch is itself (migration 6 named the batches made before it the same way).
  const admitAndInsert = db.transaction((inputs: readonly NewTake[], admit: (count: CountSpend) => void) => {
    admit(countSpend);
    changes.bump();
    const ids: string[] = [];
    for (const input of inputs) ids.push(insertOne(input, ids[0]));
    return ids;
  });

  const deleteSettled = db.transaction((id: string, deletedBy: string): DeleteOutcome => {
    const take = get(id);
    if (!take) return { outcome: "missing" };
    if (take.status !== "completed" && take.status !== "failed") return { outcome: "running", take };
    writeTombstone(take, deletedBy, now());
    remove.run(id);
    changes.bump();
    return { outcome: "deleted", take };
  });

  const wasDeleted = db.prepare<[string], 1>("SELECT 1 FROM deleted_spend WHERE id = ?").pluck();
  const setMarks = db.transaction((id: string, marks: TakeMarks): MarkOutcome => {
    if (!byId.get(id)) return { outcome: "missing" };
    const columns = markColumns(marks, now());
    return columns ? { outcome: "updated", take: update(id, columns) } : { outcome: "no_shot" };
  });

  return {
    get: async (id: string) => get(id),
    /** Whether the ledger holds this id: a take that was made here and deleted. */
    wasDeleted: async (id: string) => wasDeleted.get(id) !== undefined,
    update: async (id: string, progress: TakeProgress) => update(id, progressColumns(progress)),
    version: async () => changes.value,
    async list(filters: ListFilters, limit: number, cursor: number | null): Promise<{ takes: TakeRecord[]; nextCursor: number | null }> {
      const page = lister(filters, limit, cursor);
      return { takes: page.rows.map(rowToTake), nextCursor: page.nextCursor };
    },
    async findByIdempotencyKey(key: string): Promise<TakeRecord | undefined> {
      const row = byKey.get(key);
      return row && rowToTake(row);
    },

    /**
     * Records takes, as one batch, before the upstream is called, so a crash can never lose a
     * paid create: all or none, in one transaction that first lets `admit` count what is running and made
     * today and refuse by throwing. Check and insert can't interleave with another submit.
     */
    async createTakes(inputs: readonly NewTake[], admit: (count: CountSpend) => void = () => {}): Promise<TakeRecord[]> {
      return admitAndInsert(inputs, admit).map((id) => get(id)!);
    },

    /** The create was accepted (or the usage log showed it was): `status` leaves "checking" for "queued". */
    async markAccepted(id: string, upstreamId: string, upstreamStatus: string, tokensUsed: number | null, charge?: TakeCharge): Promise<TakeRecord> {
      return update(id, {
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
      return update(id, { status: "checking", check_reason: reason });
    },

    async markFailed(id: string, failure: Failure): Promise<TakeRecord> {
      return update(id, {
        status: "failed",
        error_code: failure.code,
        error_message: failure.message,
        error_detail: failure.detail ?? null,
        completed_at: now(),
      });
    },

    /** `estimatedUsd`: the catalogue's price, kept as the cost (marked estimated) when the provider reported none. */
    async markCompleted(id: string, video: ArchivedFacts, estimatedUsd: number | null = null): Promise<TakeRecord> {
      const reported = (byId.get(id)?.cost_usd ?? 0) > 0;
      return update(id, {
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
    setMarks: async (id: string, marks: TakeMarks) => setMarks(id, marks),

    /** Deletes a settled take, leaving a tombstone if it is in a family; the check and the delete share one transaction. */
    deleteSettled: async (id: string, deletedBy: string) => deleteSettled(id, deletedBy),

    /** When the last 40 takes of this kind finished at the upstream, as brackets from acceptance (completion-times.ts). */
    recentBrackets: async (model: string, duration: number): Promise<CompletionBracket[]> => brackets.all(model, duration),

    /** What a take of this kind typically costs in USD, from what the provider reported; null before any was. */
    typicalUsd: async (model: string, duration: number) => monthSpend.typicalUsd(model, duration),
    /** USD committed since a moment by one person and by the studio (month-spend.ts). */
    committedUsd: async (since: number, author: string) => monthSpend.committed(since, author),

    async listUnfinished(): Promise<TakeRecord[]> {
      return unfinished.all().map(rowToTake);
    },
  };
}
