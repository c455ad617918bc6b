import type { Db } from "../db/database";
import type { TakeRecord } from "../takes/take";

/**
 * Keeps what a family tree needs of a deleted take: where it came from, its words, who deleted
 * it. Only a take in a family (with a source, or takes made from it) leaves one; a take on its
 * own is deleted outright, prompt and all. What every deleted take spent stays in the ledger.
 */
export function createTombstoneWriter(db: Db) {
  const hasChildren = db.prepare<[string, string]>("SELECT 1 FROM generations WHERE source_id = ? UNION ALL SELECT 1 FROM deleted_takes WHERE source_id = ? LIMIT 1");
  const insert = db.prepare(`
    INSERT OR REPLACE INTO deleted_takes (id, source_id, source_kind, prompt, author, created_at, deleted_at, deleted_by)
    VALUES (@id, @source_id, @source_kind, @prompt, @author, @created_at, @deleted_at, @deleted_by)`);
  const spent = db.prepare(`
    INSERT OR REPLACE INTO deleted_spend (id, author, model, duration, status, error_code, tokens_used, cost_credits, cost_usd, created_at, deleted_at)
    VALUES (@id, @author, @model, @duration, @status, @error_code, @tokens_used, @cost_credits, @cost_usd, @created_at, @deleted_at)`);
  return (take: TakeRecord, deletedBy: string, at: number): void => {
    // Every deleted take stays in the spend ledger (migration 11), family or not.
    spent.run({
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
    if (!take.sourceId && !hasChildren.get(take.id, take.id)) return;
    insert.run({
      id: take.id,
      source_id: take.sourceId,
      source_kind: take.sourceKind,
      prompt: take.prompt,
      author: take.author,
      created_at: take.createdAt,
      deleted_at: at,
      deleted_by: deletedBy,
    });
  };
}
