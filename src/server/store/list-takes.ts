import type { TakeFilters } from "../../shared/take";
import type { Sql } from "../db/sql";
import { containsPattern } from "../db/fold-for-search";
import type { TakeRow } from "./take-row";

export type ListPage = { rows: TakeRow[]; nextCursor: number | null };

export type ListFilters = TakeFilters & { author?: string };

/** One page's SQL, apart from running it, so a test can ask SQLite how it would plan it. */
export function listQuery(filters: ListFilters, limit: number, cursor: number | null): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: limit + 1 };
  const add = (clause: string, name: string, value: unknown) => {
    where.push(clause);
    params[name] = value;
  };
  if (filters.author !== undefined) add("author = @author", "author", filters.author);
  if (filters.status !== undefined) add("status = @status", "status", filters.status);
  if (filters.model !== undefined) add("model = @model", "model", filters.model);
  if (filters.ratio !== undefined) add("ratio = @ratio", "ratio", filters.ratio);
  if (filters.duration !== undefined) add("duration = @duration", "duration", filters.duration);
  if (filters.projectId !== undefined) add("project_id = @projectId", "projectId", filters.projectId);
  if (filters.shotId !== undefined) add("shot_id = @shotId", "shotId", filters.shotId);
  if (filters.batchId !== undefined) add("batch_id = @batchId", "batchId", filters.batchId);
  if (filters.review !== undefined) add("review_state = @review", "review", filters.review);
  if (filters.favourite !== undefined) add("favourite = @favourite", "favourite", filters.favourite === "true" ? 1 : 0);
  if (filters.q) add("prompt_folded LIKE @q ESCAPE '\\'", "q", containsPattern(filters.q));
  if (cursor !== null) add("seq < @cursor", "cursor", cursor);
  const sql = `SELECT * FROM generations ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq DESC LIMIT @limit`;
  return { sql, params };
}

/**
 * Newest first, keyset-paged on `seq` (never OFFSET, so a deep page costs what the first does).
 * Each equality filter has a `(column, seq)` index that yields rows already in page order; on
 * Postgres the prompt search has a trigram index too (postgres-migrations.ts).
 */
export function createTakeLister(sql: Sql) {
  return async function list(filters: ListFilters, limit: number, cursor: number | null): Promise<ListPage> {
    const query = listQuery(filters, limit, cursor);
    const rows = await sql.all<TakeRow>(query.sql, query.params);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { rows: page, nextCursor: rows.length > limit && last ? last.seq : null };
  };
}
