import type { Sql } from "../db/sql";
import type { ShotCounts } from "../projects/project";

type Tally = ShotCounts & { shot_id: string };
export type ShotSummary = { counts: ShotCounts; circledTakeId: string | null };

const NONE: ShotSummary = { counts: { takes: 0, circled: 0, rejected: 0, notes: 0 }, circledTakeId: null };

const TALLY = `
  SELECT shot_id, COUNT(*) AS takes, SUM(CASE WHEN review_state = 'circled' THEN 1 ELSE 0 END) AS circled,
    SUM(CASE WHEN review_state = 'rejected' THEN 1 ELSE 0 END) AS rejected, SUM(note_count) AS notes
  FROM generations WHERE project_id = ? AND shot_id IS NOT NULL GROUP BY shot_id`;
// Several circled takes in one shot: the one circled last is the shot's select (review_at may tie, review_seq never does).
const CIRCLED = "SELECT shot_id, id FROM generations WHERE project_id = ? AND review_state = 'circled' AND shot_id IS NOT NULL ORDER BY review_seq DESC NULLS LAST";

/** What the takes of each shot of a project add up to, read through the takes' project index. */
export async function shotSummaries(sql: Sql, projectId: string): Promise<(shotId: string) => ShotSummary> {
  const byShot = new Map<string, ShotSummary>();
  for (const { shot_id, ...counts } of await sql.all<Tally>(TALLY, [projectId])) byShot.set(shot_id, { counts, circledTakeId: null });
  for (const { shot_id, id } of await sql.all<{ shot_id: string; id: string }>(CIRCLED, [projectId])) {
    const summary = byShot.get(shot_id);
    if (summary && summary.circledTakeId === null) summary.circledTakeId = id;
  }
  return (shotId) => byShot.get(shotId) ?? NONE;
}
