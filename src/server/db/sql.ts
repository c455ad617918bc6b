/** Values for a statement's `?` placeholders (in order) or its `@name` placeholders (by name). */
export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>;

export type SqlEngine = "sqlite" | "postgres";

/**
 * The studio's database, whichever engine stands behind it: SQLite in a file (the default) or
 * PostgreSQL (`DATABASE_URL`). Stores write one SQL text for both where the dialects agree and
 * ask `engine` where they do not. Placeholders are SQLite's (`?`, `@name`); the Postgres
 * driver numbers them. Integers come back as numbers on both.
 */
export interface Sql {
  readonly engine: SqlEngine;
  all<T>(text: string, params?: SqlParams): Promise<T[]>;
  get<T>(text: string, params?: SqlParams): Promise<T | undefined>;
  /** A write; `changes` is how many rows it touched. */
  run(text: string, params?: SqlParams): Promise<{ changes: number }>;
  /**
   * Runs `work` as one transaction, one at a time across the whole studio (every replica):
   * SQLite's single writer, a Postgres advisory lock on the studio's schema. So a check and the write it allows (a
   * spend limit and its insert) cannot interleave with another. `work` must only touch the
   * database through `tx` and must not wait on anything slow: the studio's writes wait for it.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** False once closed (readiness, background sweeps that outlive a test). */
  readonly open: boolean;
  close(): Promise<void>;
}
