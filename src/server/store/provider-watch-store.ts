import type { Sql } from "../db/sql";

type DayRow = { day: string; ledger_usd: number; ledger_takes: number; provider_usd: number | null; provider_requests: number | null; error: string | null; checked_at: number };
type ModelRow = { id: string; first_seen: number; gone_at: number | null; in_first_read: number };

export type StoredDay = { day: string; ledgerUsd: number; ledgerTakes: number; providerUsd: number | null; providerRequests: number | null; error: string | null; checkedAt: number };

/**
 * What Dailies keeps of the provider's side of the books (migration 13): per UTC day, the
 * ledger's sum beside `GET /v2/usage`'s, and the models the catalogue has listed.
 */
const SAVE_DAY = `
  INSERT INTO reconciliations (day, ledger_usd, ledger_takes, provider_usd, provider_requests, error, checked_at)
  VALUES (@day, @ledgerUsd, @ledgerTakes, @providerUsd, @providerRequests, @error, @checkedAt)
  ON CONFLICT(day) DO UPDATE SET ledger_usd = excluded.ledger_usd, ledger_takes = excluded.ledger_takes,
    provider_usd = excluded.provider_usd, provider_requests = excluded.provider_requests, error = excluded.error, checked_at = excluded.checked_at`;
// Unqualified columns in DO UPDATE are the stored row's, on both engines.
const SEE_MODEL = `
  INSERT INTO catalogue_models (id, first_seen, last_seen, gone_at, in_first_read) VALUES (?, ?, ?, NULL, ?)
  ON CONFLICT(id) DO UPDATE SET last_seen = excluded.last_seen, gone_at = NULL,
    in_first_read = CASE WHEN catalogue_models.gone_at IS NULL THEN catalogue_models.in_first_read ELSE 0 END,
    first_seen = CASE WHEN catalogue_models.gone_at IS NULL THEN catalogue_models.first_seen ELSE excluded.first_seen END`;
const KNOWN = "SELECT id, first_seen, gone_at, in_first_read FROM catalogue_models";

export function createProviderWatchStore(sql: Sql) {
  return {
    /** The ledger's charged spend and charged takes for requests made in [from, to). */
    ledger: async (from: number, to: number) =>
      (await sql.get<{ usd: number; takes: number }>(
        "SELECT coalesce(sum(cost_usd), 0) AS usd, coalesce(sum(CASE WHEN cost_usd > 0 THEN 1 ELSE 0 END), 0) AS takes FROM spend WHERE created_at >= ? AND created_at < ?",
        [from, to],
      ))!,
    saveDay: async (day: StoredDay) => void (await sql.run(SAVE_DAY, day)),
    recentDays: async (limit: number): Promise<StoredDay[]> =>
      (await sql.all<DayRow>("SELECT * FROM reconciliations ORDER BY day DESC LIMIT ?", [limit])).map((r) => ({
        day: r.day,
        ledgerUsd: r.ledger_usd,
        ledgerTakes: r.ledger_takes,
        providerUsd: r.provider_usd,
        providerRequests: r.provider_requests,
        error: r.error,
        checkedAt: r.checked_at,
      })),
    /** The models one catalogue read listed: new ones appear (unless this is the first read), missing ones disappear. */
    recordCatalogue: (ids: readonly string[], at: number) =>
      sql.transaction(async (tx) => {
        const first = (await tx.get<{ n: number }>("SELECT count(*) AS n FROM catalogue_models"))!.n === 0;
        const now = new Set(ids);
        for (const id of now) await tx.run(SEE_MODEL, [id, at, at, first ? 1 : 0]);
        for (const row of await tx.all<ModelRow>(KNOWN)) {
          if (row.gone_at === null && !now.has(row.id)) await tx.run("UPDATE catalogue_models SET gone_at = ? WHERE gone_at IS NULL AND id = ?", [at, row.id]);
        }
      }),
    /** Appearances after the first read and disappearances, newest first. */
    catalogueChanges: async () => {
      const changes: { model: string; change: "appeared" | "disappeared"; at: number }[] = [];
      for (const row of await sql.all<ModelRow>(KNOWN)) {
        if (row.gone_at !== null) changes.push({ model: row.id, change: "disappeared", at: row.gone_at });
        else if (!row.in_first_read) changes.push({ model: row.id, change: "appeared", at: row.first_seen });
      }
      return changes.sort((a, b) => b.at - a.at || a.model.localeCompare(b.model));
    },
    listedModels: async () => (await sql.get<{ n: number }>("SELECT count(*) AS n FROM catalogue_models WHERE gone_at IS NULL"))!.n,
  };
}

export type ProviderWatchStore = ReturnType<typeof createProviderWatchStore>;
