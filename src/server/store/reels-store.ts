import type { ErrorCode } from "../../shared/api-error";
import type { ReelCanvas, ReelStatus } from "../../shared/reel";
import type { Sql } from "../db/sql";
import type { ReelEvent, ReelRecord } from "../reels/reel";
import { newId } from "./new-id";
import { claimRows, DEFAULT_LEASE, renewRows, type LeaseSetting } from "./leases";

type ReelRow = {
  id: string;
  project_id: string;
  canvas: string;
  status: string;
  progress: number;
  events: string;
  bytes: number | null;
  error_code: string | null;
  error_message: string | null;
  created_at: number;
  created_by: string;
  started_at: number | null;
  completed_at: number | null;
};

const toRecord = (row: ReelRow): ReelRecord => ({
  id: row.id,
  projectId: row.project_id,
  canvas: row.canvas as ReelCanvas,
  status: row.status as ReelStatus,
  progress: row.progress,
  events: JSON.parse(row.events) as ReelEvent[],
  bytes: row.bytes,
  error: row.error_code ? { code: row.error_code as ErrorCode, message: row.error_message ?? "" } : null,
  createdAt: row.created_at,
  createdBy: row.created_by,
  startedAt: row.started_at,
  completedAt: row.completed_at,
});

type NewReel = Pick<ReelRecord, "projectId" | "canvas" | "events" | "createdBy">;

const UNFINISHED = "status IN ('queued', 'rendering')";
// Only the replica holding a reel's lease writes its progress and its end.
const HELD = "lease_owner = ?";

/**
 * Reels; they go with their project (ON DELETE CASCADE). A queued or rendering reel is leased
 * to the replica whose queue holds it, as takes are (takes-store.ts): a reel's render lives in
 * that replica's memory, so another replica only ever fails a reel whose lease lapsed.
 */
export function createReelsStore(sql: Sql, now: () => number, lease: LeaseSetting = DEFAULT_LEASE) {
  const get = async (id: string) => {
    const row = await sql.get<ReelRow>("SELECT * FROM reels WHERE id = ?", [id]);
    return row && toRecord(row);
  };

  return {
    get,
    /** Newest first. */
    ofProject: async (projectId: string) => (await sql.all<ReelRow>("SELECT * FROM reels WHERE project_id = ? ORDER BY created_at DESC, rowid DESC", [projectId])).map(toRecord),
    /** Unfinished reels no live replica holds, leased to this one so it can fail them (leases.ts). */
    async claimUnfinished(when: "restart" | "lapsed"): Promise<ReelRecord[]> {
      const rows = await claimRows<ReelRow>(sql, "reels", UNFINISHED, lease, now(), when);
      return rows.sort((a, b) => a.created_at - b.created_at).map(toRecord);
    },
    /** Keeps this replica's leases on the reels its queue holds. */
    renewLeases: async () => void (await renewRows(sql, "reels", UNFINISHED, lease, now())),
    async create(input: NewReel): Promise<ReelRecord> {
      const id = newId();
      await sql.run(
        `INSERT INTO reels (id, project_id, canvas, status, progress, events, created_at, created_by, lease_owner, lease_until)
         VALUES (@id, @project_id, @canvas, 'queued', 0, @events, @created_at, @created_by, @lease_owner, @lease_until)`,
        {
          id,
          project_id: input.projectId,
          canvas: input.canvas,
          events: JSON.stringify(input.events),
          created_at: now(),
          created_by: input.createdBy,
          lease_owner: lease.owner,
          lease_until: now() + lease.ms,
        },
      );
      return (await get(id))!;
    },
    /** False when the reel is gone (its project was deleted), not queued, or another replica's now. */
    markRendering: async (id: string) =>
      (await sql.run(`UPDATE reels SET status = 'rendering', progress = 0, started_at = ? WHERE id = ? AND status = 'queued' AND ${HELD}`, [now(), id, lease.owner])).changes > 0,
    setProgress: async (id: string, progress: number) => void (await sql.run(`UPDATE reels SET progress = ? WHERE id = ? AND status = 'rendering' AND ${HELD}`, [progress, id, lease.owner])),
    /** False when the reel is gone, or another replica failed it meanwhile (this one lost its lease): its files are then not wanted. */
    markCompleted: async (id: string, bytes: number) =>
      (await sql.run(`UPDATE reels SET status = 'completed', progress = 1, bytes = ?, completed_at = ? WHERE id = ? AND ${UNFINISHED} AND ${HELD}`, [bytes, now(), id, lease.owner])).changes > 0,
    markFailed: async (id: string, error: { code: ErrorCode; message: string }) =>
      void (await sql.run(`UPDATE reels SET status = 'failed', error_code = ?, error_message = ?, completed_at = ? WHERE id = ? AND ${UNFINISHED} AND ${HELD}`, [
        error.code,
        error.message,
        now(),
        id,
        lease.owner,
      ])),
  };
}

export type ReelsStore = ReturnType<typeof createReelsStore>;
