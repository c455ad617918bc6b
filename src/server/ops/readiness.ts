import { writeFile } from "node:fs/promises";
import type { Ready, ReadyCheck } from "../../shared/api";
import type { Sql } from "../db/sql";
import type { MediaStore } from "../media/media-store";

/**
 * One thing the studio needs before it can take traffic: SQLite, and the media store (its
 * local scratch folder, and the bucket when media is on S3). A Postgres store plugs in by
 * giving its own `probe` under the same name. A probe
 * rejects with a message fit for anyone to read: no secret, address or path.
 */
export type ReadinessProbe = { name: ReadyCheck; probe(): Promise<void> };

export type Readiness = {
  /** Runs every probe, each bounded by the timeout; never rejects. */
  check(): Promise<Ready>;
  /** From now on the studio answers "not ready" without probing: it is going away. */
  shutDown(): void;
};

export const READY_TIMEOUT_MS = 2_000;

/** A Node error's code (`EACCES`, `SQLITE_IOERR`) is safe to show; its message may hold a path. */
const codeOf = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? ` (${code})` : "";
};

export function databaseProbe(db: Sql): ReadinessProbe {
  return {
    name: "database",
    probe: async () => {
      if (!db.open) throw new Error("the database is closed");
      // On SQLite no timeout can cut a query short (better-sqlite3 is synchronous); `SELECT 1`
      // reads no table and takes no lock, so it never waits out busy_timeout with the event loop
      // held. On Postgres the probe's 2 s limit applies.
      try {
        await db.get("SELECT 1 AS one");
      } catch (error) {
        throw new Error(`the database did not answer a query${codeOf(error)}`, { cause: error });
      }
    },
  };
}

/** Writes and deletes a small file where uploads land first, so a full or read-only disk shows; then asks the store itself (an S3 bucket's HeadBucket). */
export function mediaProbe(media: MediaStore): ReadinessProbe {
  return {
    name: "media",
    probe: async () => {
      // A probe file left by a failed delete is swept with the rest of media/tmp at the next start.
      const path = media.tempPath();
      try {
        await writeFile(path, "ready", { mode: 0o600 });
        media.removeTemp(path);
      } catch (error) {
        throw new Error(`the media folder can't be written${codeOf(error)}`, { cause: error });
      }
      await media.probe();
    },
  };
}

async function outcome({ probe }: ReadinessProbe, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((done) => {
    timer = setTimeout(() => done(`did not answer within ${timeoutMs / 1000} s`), timeoutMs);
  });
  try {
    return await Promise.race([probe().then(() => "ok"), late]);
  } catch (error) {
    return error instanceof Error ? error.message : "failed";
  } finally {
    clearTimeout(timer);
  }
}

export function createReadiness(probes: readonly ReadinessProbe[], timeoutMs = READY_TIMEOUT_MS): Readiness {
  let shuttingDown = false;
  // The route is open to anyone: callers at the same moment share one round of probes.
  let inFlight: Promise<Ready> | null = null;
  const probeAll = async (): Promise<Ready> => {
    const results = await Promise.all(probes.map(async (p) => [p.name, await outcome(p, timeoutMs)] as const));
    const checks = { database: "not checked", media: "not checked", ...Object.fromEntries(results) } as Ready["checks"];
    return { status: Object.values(checks).every((result) => result === "ok") ? "ready" : "not_ready", checks };
  };
  return {
    async check() {
      if (shuttingDown) {
        return { status: "not_ready", shuttingDown: true, checks: { database: "not checked: shutting down", media: "not checked: shutting down" } };
      }
      inFlight ??= probeAll().finally(() => (inFlight = null));
      return inFlight;
    },
    shutDown() {
      shuttingDown = true;
    },
  };
}
