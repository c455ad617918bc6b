import type { Sql } from "../db/sql";

/** Which replica this studio is, and how long a lease it takes on the takes and reels it works on. */
export type LeaseSetting = { owner: string; ms: number };

/** A store opened outside a studio (tests, scripts): one owner, JOB_LEASE_MS's default. */
export const DEFAULT_LEASE: LeaseSetting = { owner: "studio", ms: 30_000 };

/**
 * A write to a take or reel this replica no longer holds: another replica took it over (this
 * one stalled, or lost the database, past its lease) or it has settled. The write is not made;
 * the work on it stops here.
 */
export class LeaseLostError extends Error {
  constructor(id: string) {
    super(`${id} is held by another replica now, or has settled`);
  }
}

/**
 * Leases to this replica the unfinished rows of `table` no live replica holds, and returns them.
 * At its start ("restart"): rows with no lease, a lapsed one, or its own from before; later
 * ("lapsed"): only other replicas' lapsed ones, never its own (one may be mid-create here).
 * One statement, so two replicas can't both claim a row. On SQLite the database is one
 * process's (a data folder is one studio): its start claims every unfinished row, and there is
 * no other replica to take over from.
 */
export async function claimRows<Row>(sql: Sql, table: "generations" | "reels", unfinished: string, lease: LeaseSetting, at: number, when: "restart" | "lapsed"): Promise<Row[]> {
  if (sql.engine === "sqlite" && when === "lapsed") return [];
  const free =
    sql.engine === "sqlite"
      ? "1 = 1"
      : when === "restart"
        ? "(lease_until IS NULL OR lease_until < @at OR lease_owner = @owner)"
        : "(lease_until IS NULL OR lease_until < @at) AND (lease_owner IS NULL OR lease_owner <> @owner)";
  return sql.all<Row>(`UPDATE ${table} SET lease_owner = @owner, lease_until = @until WHERE ${unfinished} AND ${free} RETURNING *`, {
    owner: lease.owner,
    until: at + lease.ms,
    at,
  });
}

/** Renews this replica's leases on its unfinished rows of `table`; returns the ids it still holds. */
export async function renewRows(sql: Sql, table: "generations" | "reels", unfinished: string, lease: LeaseSetting, at: number): Promise<Set<string>> {
  const rows = await sql.all<{ id: string }>(`UPDATE ${table} SET lease_until = ? WHERE lease_owner = ? AND ${unfinished} RETURNING id`, [at + lease.ms, lease.owner]);
  return new Set(rows.map((row) => row.id));
}
