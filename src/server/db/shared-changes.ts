import pg from "pg";
import type { Sql } from "./sql";

const CHANNEL = "dailies_changes";
const RECONNECT_MS = 1_000;

export type SharedChanges = {
  /** Tells the other replicas that a take changed (after the write committed). */
  publish(): void;
  /** False while the listening connection is down: readers must not trust their caches then. */
  readonly listening: boolean;
  close(): Promise<void>;
};

/**
 * Lets several replicas on one Postgres database keep their caches of take bodies honest:
 * each write NOTIFYs, every replica LISTENs and bumps its change counter (change-counter.ts).
 * A replica whose listening connection is down is told so (`listening`), and reconnects.
 * On SQLite there is one process, so nothing is shared.
 */
export function shareChanges(
  sql: Sql,
  settings: { url: string | undefined; schema: string; replicaId: string; onChange: () => void; onError?: (error: Error) => void },
): SharedChanges {
  if (sql.engine !== "postgres" || !settings.url) return { publish: () => undefined, listening: true, close: async () => undefined };
  const url = settings.url;
  // One channel for the database; the payload names the studio (schema) and the replica that wrote.
  const studio = `${settings.schema}\n`;
  const own = `${studio}${settings.replicaId}`;
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  function reconnectSoon(): void {
    listening = false;
    // Changes made while nobody listened were missed: count one, so caches are rebuilt.
    settings.onChange();
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, RECONNECT_MS);
    retry.unref();
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    next.on("notification", (message) => {
      if (message.payload?.startsWith(studio) && message.payload !== own) settings.onChange();
    });
    next.on("error", (error) => {
      settings.onError?.(error);
      reconnectSoon();
    });
    next.on("end", () => {
      if (client === next) reconnectSoon();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      listening = true;
      // Whatever happened while (re)connecting was not heard.
      settings.onChange();
    } catch (error) {
      settings.onError?.(error as Error);
      await next.end().catch(() => undefined);
      reconnectSoon();
    }
  }
  void connect();

  return {
    publish() {
      sql.run("SELECT pg_notify(?, ?)", [CHANNEL, own]).catch((error: unknown) => settings.onError?.(error as Error));
    },
    get listening() {
      return listening;
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const last = client;
      client = null;
      await last?.end().catch(() => undefined);
    },
  };
}
