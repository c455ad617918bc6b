import type { Db } from "../db/database";
import type { ModelId } from "../../shared/models";

type Spend = { takes: number; tokens: number; usd: number };

const SUMS = "count(*) AS takes, coalesce(sum(tokens_used), 0) AS tokens, coalesce(sum(cost_usd), 0) AS usd";

/**
 * Aggregates of stored usage over the ledger ("spend": takes kept and deleted, migration 11);
 * `tokens_used` is whatever figure the provider reported, `usd` what it said it charged.
 */
export function createUsageQueries(db: Db) {
  const total = db.prepare<[number], Spend>(`SELECT ${SUMS} FROM spend WHERE created_at >= ?`);
  const byUser = db.prepare<[number], Spend & { name: string }>(`SELECT author AS name, ${SUMS} FROM spend WHERE created_at >= ? GROUP BY author ORDER BY usd DESC, tokens DESC, name`);
  const byModel = db.prepare<[number], Spend & { model: ModelId }>(`SELECT model, ${SUMS} FROM spend WHERE created_at >= ? GROUP BY model ORDER BY model`);
  const recent = db.prepare<[ModelId, number], { tokens_used: number }>(
    "SELECT tokens_used FROM generations WHERE model = ? AND duration = ? AND tokens_used IS NOT NULL ORDER BY seq DESC LIMIT 20",
  );
  return {
    async since(since: number) {
      return { ...total.get(since)!, byUser: byUser.all(since), byModel: byModel.all(since) };
    },
    /** Usage of the last 20 takes of this model and duration that reported one. */
    recentUsage: async (model: ModelId, duration: number) => recent.all(model, duration).map((r) => r.tokens_used),
  };
}
