import { createHash } from "node:crypto";
import type { Db } from "../db/database";
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
export function createSessionStore(db: Db, options: { ttlMs: number; idleMs: number; passwordFingerprint: string; now?: () => number }) {
  const now = options.now ?? Date.now;
  const insert = db.prepare("INSERT INTO sessions (id, name, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)");
  const byId = db.prepare<[string], { name: string; last_seen_at: number; expires_at: number }>("SELECT name, last_seen_at, expires_at FROM sessions WHERE id = ?");
  const touch = db.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ?");
  const remove = db.prepare("DELETE FROM sessions WHERE id = ?");
  const removeAll = db.prepare("DELETE FROM sessions");
  const removeDead = db.prepare("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?");

  db.transaction(() => {
    const stored = db.prepare<[string], { value: string }>("SELECT value FROM studio_state WHERE key = ?").get(FINGERPRINT_KEY);
    if (stored?.value === options.passwordFingerprint) return;
    removeAll.run();
    db.prepare("INSERT INTO studio_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(FINGERPRINT_KEY, options.passwordFingerprint);
  })();

  return {
    /** A new session for this name; returns the id the cookie carries. */
    async create(name: string): Promise<string> {
      const at = now();
      removeDead.run(at, at - options.idleMs);
      const id = newSessionId();
      insert.run(digest(id), name, at, at, at + options.ttlMs);
      return id;
    },
    /** The signed-in name, or null when the session is unknown, expired or idle too long. */
    async find(id: string): Promise<{ name: string } | null> {
      const at = now();
      const key = digest(id);
      const row = byId.get(key);
      if (!row) return null;
      if (row.expires_at <= at || row.last_seen_at + options.idleMs <= at) {
        remove.run(key);
        return null;
      }
      if (at - row.last_seen_at >= LAST_SEEN_GRANULARITY_MS) touch.run(at, key);
      return { name: row.name };
    },
    async end(id: string): Promise<void> {
      remove.run(digest(id));
    },
    /** Ends every session; returns how many there were. */
    async endAll(): Promise<number> {
      return removeAll.run().changes;
    },
  };
}
