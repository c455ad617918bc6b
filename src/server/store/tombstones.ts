import type { Sql } from "../db/sql";
import type { TakeRecord } from "../takes/take";

const HAS_CHILDREN = "SELECT 1 AS found FROM generations WHERE source_id = ? UNION ALL SELECT 1 FROM deleted_takes WHERE source_id = ? LIMIT 1";
const TOMBSTONE = `
  INSERT INTO deleted_takes (id, source_id, source_kind, prompt, author, created_at, deleted_at, deleted_by)
  VALUES (@id, @source_id, @source_kind, @prompt, @author, @created_at, @deleted_at, @deleted_by)
  ON CONFLICT (id) DO UPDATE SET source_id = excluded.source_id, source_kind = excluded.source_kind, prompt = excluded.prompt,
    author = excluded.author, created_at = excluded.created_at, deleted_at = excluded.deleted_at, deleted_by = excluded.deleted_by`;
const SPENT = `
  INSERT INTO deleted_spend (id, author, model, duration, status, error_code, tokens_used, cost_credits, cost_usd, created_at, deleted_at)
  VALUES (@id, @author, @model, @duration, @status, @error_code, @tokens_used, @cost_credits, @cost_usd, @created_at, @deleted_at)
  ON CONFLICT (id) DO UPDATE SET author = excluded.author, model = excluded.model, duration = excluded.duration, status = excluded.status,
    error_code = excluded.error_code, tokens_used = excluded.tokens_used, cost_credits = excluded.cost_credits, cost_usd = excluded.cost_usd,
    created_at = excluded.created_at, deleted_at = excluded.deleted_at`;

/**
 * Keeps what a family tree needs of a deleted take: where it came from, its words, who deleted
 * it. Only a take in a family (with a source, or takes made from it) leaves one; a take on its
 * own is deleted outright, prompt and all. What every deleted take spent stays in the ledger.
 * Written through the delete's transaction (`tx`).
 */
export async function writeTombstone(tx: Sql, take: TakeRecord, deletedBy: string, at: number): Promise<void> {
  // Every deleted take stays in the spend ledger (migration 11), family or not.
  await tx.run(SPENT, {
    id: take.id,
    author: take.author,
    model: take.model,
    duration: take.duration,
    status: take.status,
    error_code: take.error?.code ?? null,
    tokens_used: take.tokensUsed,
    cost_credits: take.charge.credits,
    cost_usd: take.charge.usd,
    created_at: take.createdAt,
    deleted_at: at,
  });
  if (!take.sourceId && !(await tx.get(HAS_CHILDREN, [take.id, take.id]))) return;
  await tx.run(TOMBSTONE, {
    id: take.id,
    source_id: take.sourceId,
    source_kind: take.sourceKind,
    prompt: take.prompt,
    author: take.author,
    created_at: take.createdAt,
    deleted_at: at,
    deleted_by: deletedBy,
  });
}
