import pg from "pg";
import type { Sql, SqlParams } from "./sql";

// Ids, times in ms and sums come back as numbers, as SQLite gives them: int8 and numeric would
// be strings otherwise. Every integer the studio keeps is far inside 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** The one advisory lock every studio transaction takes (see `Sql.transaction`). */
const WRITE_LOCK = 0x6461696c; // "dail"

type Numbered = { text: string; names: string[] | null; count: number };

/**
 * SQLite's placeholders (`?` in order, `@name` by name) as Postgres' `$1…$n`, skipping quoted
 * strings, identifiers and `--` comments. A name used twice is one parameter.
 */
export function numberPlaceholders(text: string): Numbered {
  let out = "";
  let count = 0;
  const names: string[] = [];
  let named = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "'" || char === '"') {
      const end = text.indexOf(char, i + 1);
      const stop = end < 0 ? text.length : end + 1;
      out += text.slice(i, stop);
      i = stop - 1;
    } else if (char === "-" && text[i + 1] === "-") {
      // An apostrophe in a comment ("the author's") would otherwise open a string to the next quote.
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? text.length : end;
      out += text.slice(i, stop);
      i = stop - 1;
    } else if (char === "?") {
      out += `$${++count}`;
    } else if (char === "@" && /[A-Za-z_]/.test(text[i + 1] ?? "")) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))![0];
      named = true;
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      out += `$${index + 1}`;
      i += name.length;
    } else {
      out += char;
    }
  }
  if (named && count > 0) throw new Error("A statement uses either ? or @name placeholders, not both");
  return { text: out, names: named ? names : null, count: named ? names.length : count };
}

export type PostgresOptions = { url: string; schema: string; max?: number };

/** `Sql` over a pg pool, every connection's search_path set to the studio's schema. */
export function postgresSql(options: PostgresOptions): Sql & { pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    // A database host that never answers fails the start-up (or a query) instead of hanging it.
    connectionTimeoutMillis: 10_000,
    options: `-c search_path=${quoteIdentifier(options.schema)}`,
  });
  // An idle connection that dies (a restarted server) is dropped by the pool, not thrown.
  pool.on("error", () => undefined);
  let open = true;
  const numbered = new Map<string, Numbered>();

  function prepare(text: string, params: SqlParams | undefined): { text: string; values: unknown[] } {
    let found = numbered.get(text);
    if (!found) {
      found = numberPlaceholders(text);
      numbered.set(text, found);
    }
    if (params === undefined) return { text: found.text, values: [] };
    if (Array.isArray(params)) return { text: found.text, values: params };
    const byName = params as Record<string, unknown>;
    // As SQLite does: a name the statement uses but the values lack is a mistake, not a NULL.
    return {
      text: found.text,
      values: (found.names ?? []).map((name) => {
        if (!(name in byName)) throw new Error(`No value for @${name} in: ${text.trim().slice(0, 80)}`);
        return byName[name] ?? null;
      }),
    };
  }

  function over(query: (text: string, values: unknown[]) => Promise<pg.QueryResult>): Omit<Sql, "transaction" | "open" | "close"> {
    return {
      engine: "postgres",
      async all<T>(text: string, params?: SqlParams) {
        const { text: sql, values } = prepare(text, params);
        return (await query(sql, values)).rows as T[];
      },
      async get<T>(text: string, params?: SqlParams) {
        const { text: sql, values } = prepare(text, params);
        return (await query(sql, values)).rows[0] as T | undefined;
      },
      async run(text: string, params?: SqlParams) {
        const { text: sql, values } = prepare(text, params);
        return { changes: (await query(sql, values)).rowCount ?? 0 };
      },
    };
  }

  const outside = over((text, values) => pool.query(text, values));

  return {
    ...outside,
    pool,
    async transaction(work) {
      const client = await pool.connect();
      // The pool stops listening to a client it hands out: a backend that dies mid-transaction
      // (a failover, a killed session) would otherwise throw an uncaught 'error' and end the process.
      let broken = false;
      const onError = () => (broken = true);
      client.on("error", onError);
      try {
        await client.query("BEGIN");
        // One lock per studio (schema), not per database: studios sharing a database don't wait on each other.
        await client.query("SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))", [WRITE_LOCK]);
        const inside: Sql = {
          ...over((text, values) => client.query(text, values)),
          transaction: (more) => more(inside),
          get open() {
            return open;
          },
          close: async () => undefined,
        };
        const result = await work(inside);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        try {
          await client.query("ROLLBACK");
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        client.off("error", onError);
        client.release(broken);
      }
    },
    get open() {
      return open;
    },
    async close() {
      if (!open) return;
      open = false;
      await pool.end();
    },
  };
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
