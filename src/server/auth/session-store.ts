import { createHash } from "node:crypto";
import type { Sql } from "../db/sql";
import { newSessionId } from "./session-cookie";

export type SessionStore = ReturnType<typeof createSessionStore>;

const FINGERPRINT_KEY = "password_fingerprint";
// Last-seen is written at most this often: a busy tab must not mean a write per request.
const LAST_SEEN_GRANULARITY_MS = 60_000;

const digest = (id: string) => createHash("sha256").update(id).digest("hex");

/**
 * Sign-in sessions kept in the database, so a session can end before its cookie does: on
 * sign-out, after `SESSION_IDLE_HOURS` unused, when an admin signs everyone out, and when
 * the studio password changes (its fingerprint differs from the one sessions were made under).
 */
export function createSessionStore(sql: Sql, options: { ttlMs: number; idleMs: number; passwordFingerprint: string; now?: () => number }) {
  const now = options.now ?? Date.now;
  // Sessions made under another password end before any is read (each call waits for this).
  const ready = sql.transaction(async (tx) => {
    const stored = await tx.get<{ value: string }>("SELECT value FROM studio_state WHERE key = ?", [FINGERPRINT_KEY]);
    if (stored?.value === options.passwordFingerprint) return;
    await tx.run("DELETE FROM sessions");
    await tx.run("INSERT INTO studio_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [FINGERPRINT_KEY, options.passwordFingerprint]);
  });
  ready.catch(() => undefined);
  const remove = (key: string) => sql.run("DELETE FROM sessions WHERE id = ?", [key]);

  return {
    /** A new session for this name; returns the id the cookie carries. */
    async create(name: string): Promise<string> {
      await ready;
      const at = now();
      await sql.run("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?", [at, at - options.idleMs]);
      const id = newSessionId();
      await sql.run("INSERT INTO sessions (id, name, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)", [digest(id), name, at, at, at + options.ttlMs]);
      return id;
    },
    /** The signed-in name, or null when the session is unknown, expired or idle too long. */
    async find(id: string): Promise<{ name: string } | null> {
      await ready;
      const at = now();
      const key = digest(id);
      const row = await sql.get<{ name: string; last_seen_at: number; expires_at: number }>("SELECT name, last_seen_at, expires_at FROM sessions WHERE id = ?", [key]);
      if (!row) return null;
      if (row.expires_at <= at || row.last_seen_at + options.idleMs <= at) {
        await remove(key);
        return null;
      }
      if (at - row.last_seen_at >= LAST_SEEN_GRANULARITY_MS) await sql.run("UPDATE sessions SET last_seen_at = ? WHERE id = ?", [at, key]);
      return { name: row.name };
    },
    async end(id: string): Promise<void> {
      await ready;
      await remove(digest(id));
    },
    /** Ends every session; returns how many there were. */
    async endAll(): Promise<number> {
      await ready;
      return (await sql.run("DELETE FROM sessions")).changes;
    },
  };
}
