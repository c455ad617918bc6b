import type Database from "better-sqlite3";
import type { Sql, SqlParams } from "./sql";

type Statement = Database.Statement<unknown[], unknown>;

/**
 * `Sql` over better-sqlite3. Its calls are synchronous, so a transaction that awaits between
 * statements is held open by hand (BEGIN IMMEDIATE … COMMIT) and every other call waits for it
 * to end: on one connection, a statement run in between would join the transaction.
 */
export function sqliteSql(db: Database.Database): Sql {
  const statements = new Map<string, Statement>();
  let busy: Promise<void> | null = null;

  function statement(text: string): Statement {
    let found = statements.get(text);
    if (!found) {
      found = db.prepare(text);
      statements.set(text, found);
    }
    return found;
  }
  const args = (params: SqlParams | undefined): unknown[] => (params === undefined ? [] : Array.isArray(params) ? params : [params]);

  const direct = {
    all: <T>(text: string, params?: SqlParams) => statement(text).all(...args(params)) as T[],
    get: <T>(text: string, params?: SqlParams) => statement(text).get(...args(params)) as T | undefined,
    run: (text: string, params?: SqlParams) => {
      const found = statement(text);
      // A write with RETURNING is read like a query; its rows are not asked for here.
      if (found.reader) return { changes: found.all(...args(params)).length };
      return { changes: found.run(...args(params)).changes };
    },
  };

  const inside: Sql = {
    engine: "sqlite",
    all: async (text, params) => direct.all(text, params),
    get: async (text, params) => direct.get(text, params),
    run: async (text, params) => direct.run(text, params),
    transaction: (work) => work(inside),
    get open() {
      return db.open;
    },
    close: async () => undefined,
  };

  return {
    engine: "sqlite",
    async all(text, params) {
      while (busy) await busy;
      return direct.all(text, params);
    },
    async get(text, params) {
      while (busy) await busy;
      return direct.get(text, params);
    },
    async run(text, params) {
      while (busy) await busy;
      return direct.run(text, params);
    },
    async transaction(work) {
      // Waited for and claimed with no await between: otherwise every waiter sees `busy` clear
      // at once, and a second BEGIN fails inside the first one's transaction and rolls it back.
      while (busy) await busy;
      let release!: () => void;
      busy = new Promise((resolve) => (release = resolve));
      try {
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(inside);
          db.exec("COMMIT");
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw error;
        }
      } finally {
        busy = null;
        release();
      }
    },
    get open() {
      return db.open;
    },
    async close() {
      while (busy) await busy;
      if (db.open) db.close();
    },
  };
}
