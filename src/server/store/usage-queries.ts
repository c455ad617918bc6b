import type { Sql } from "../db/sql";
import type { ModelId } from "../../shared/models";

type Spend = { takes: number; tokens: number; usd: number };

const SUMS = "count(*) AS takes, coalesce(sum(tokens_used), 0) AS tokens, coalesce(sum(cost_usd), 0) AS usd";

/**
 * Aggregates of stored usage over the ledger ("spend": takes kept and deleted, migration 11);
 * `tokens_used` is whatever figure the provider reported, `usd` what it said it charged.
 */
export function createUsageQueries(sql: Sql) {
  return {
    async since(since: number) {
      return {
        ...(await sql.get<Spend>(`SELECT ${SUMS} FROM spend WHERE created_at >= ?`, [since]))!,
        byUser: await sql.all<Spend & { name: string }>(`SELECT author AS name, ${SUMS} FROM spend WHERE created_at >= ? GROUP BY author ORDER BY usd DESC, tokens DESC, name`, [since]),
        byModel: await sql.all<Spend & { model: ModelId }>(`SELECT model, ${SUMS} FROM spend WHERE created_at >= ? GROUP BY model ORDER BY model`, [since]),
      };
    },
    /** Usage of the last 20 takes of this model and duration that reported one. */
    recentUsage: async (model: ModelId, duration: number) =>
      (await sql.all<{ tokens_used: number }>("SELECT tokens_used FROM generations WHERE model = ? AND duration = ? AND tokens_used IS NOT NULL ORDER BY seq DESC LIMIT 20", [model, duration])).map(
        (r) => r.tokens_used,
      ),
  };
}
