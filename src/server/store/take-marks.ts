import type { ReviewState } from "../../shared/review";
import type { Db } from "../db/database";
import type { TakeRow } from "./take-row";

/** What `PATCH /api/generations/:id` may change on a take; `shotId: null` takes it out of its shot. */
export type TakeMarks = { favourite?: boolean; review?: { state: ReviewState; by: string }; shotId?: string | null };

/**
 * The columns the marks set, or null when the shot named does not exist. Run inside the
 * update's transaction, so a shot deleted meanwhile can't be written onto a take.
 */
export function createMarkColumns(db: Db) {
  const shotProject = db.prepare<[string], { project_id: string }>("SELECT project_id FROM shots WHERE id = ?");
  return function markColumns(marks: TakeMarks, at: number): Partial<TakeRow> | null {
    const columns: Partial<TakeRow> = {};
    if (marks.favourite !== undefined) columns.favourite = marks.favourite ? 1 : 0;
    if (marks.review) {
      const reviewed = marks.review.state !== "unreviewed";
      Object.assign(columns, { review_state: marks.review.state, review_by: reviewed ? marks.review.by : null, review_at: reviewed ? at : null });
    }
    if (marks.shotId === null) Object.assign(columns, { shot_id: null, project_id: null });
    else if (marks.shotId !== undefined) {
      const shot = shotProject.get(marks.shotId);
      if (!shot) return null;
      Object.assign(columns, { shot_id: marks.shotId, project_id: shot.project_id });
    }
    return columns;
  };
}
