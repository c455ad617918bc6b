import type { ReviewState } from "../../shared/review";
import type { Sql } from "../db/sql";
import type { TakeRow } from "./take-row";

/** What `PATCH /api/generations/:id` may change on a take; `shotId: null` takes it out of its shot. */
export type TakeMarks = { favourite?: boolean; review?: { state: ReviewState; by: string }; shotId?: string | null };

/**
 * The columns the marks set, or null when the shot named does not exist. Run inside the
 * update's transaction (`tx`), so a shot deleted meanwhile can't be written onto a take.
 */
export async function markColumns(tx: Sql, marks: TakeMarks, at: number): Promise<Partial<TakeRow> | null> {
  const columns: Partial<TakeRow> = {};
  if (marks.favourite !== undefined) columns.favourite = marks.favourite ? 1 : 0;
  if (marks.review) {
    const reviewed = marks.review.state !== "unreviewed";
    const seq = async () => (await tx.get<{ n: number }>("SELECT COALESCE(MAX(review_seq), 0) + 1 AS n FROM generations"))!.n;
    const when = reviewed ? { review_by: marks.review.by, review_at: at, review_seq: await seq() } : { review_by: null, review_at: null, review_seq: null };
    Object.assign(columns, { review_state: marks.review.state, ...when });
  }
  if (marks.shotId === null) Object.assign(columns, { shot_id: null, project_id: null });
  else if (marks.shotId !== undefined) {
    const shot = await tx.get<{ project_id: string }>("SELECT project_id FROM shots WHERE id = ?", [marks.shotId]);
    if (!shot) return null;
    Object.assign(columns, { shot_id: marks.shotId, project_id: shot.project_id });
  }
  return columns;
}
