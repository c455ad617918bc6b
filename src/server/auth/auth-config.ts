import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { join } from "node:path";
import { hashPassword, isPasswordHash } from "./password-hash";
import { parseTrustedProxies } from "./trusted-proxies";

export type AuthMode = "none" | "password" | "proxy";

export type AuthConfig = {
  mode: AuthMode;
  admins: ReadonlySet<string>;
  /** password mode */
  passwordHash: string | null;
  sessionSecret: Buffer;
  sessionTtlMs: number;
  sessionIdleMs: number;
  /** Sessions made under another password (or secret) are ended at start-up. */
  passwordFingerprint: string;
  /** `PUBLIC_ORIGIN`: where browsers reach the studio besides its loopback names. */
  publicOrigins: readonly string[];
  /** proxy mode */
  userHeader: string;
  trustedProxies: ReturnType<typeof parseTrustedProxies>;
};

export type AuthEnv = {
  AUTH_MODE?: AuthMode | undefined;
  HOST: string;
  DATA_DIR: string;
  STUDIO_PASSWORD?: string | undefined;
  STUDIO_PASSWORD_HASH?: string | undefined;
  SESSION_SECRET?: string | undefined;
  SESSION_TTL_HOURS: number;
  SESSION_IDLE_HOURS?: number | undefined;
  PUBLIC_ORIGIN?: readonly string[] | undefined;
  PROXY_USER_HEADER: string;
  TRUSTED_PROXIES: string;
  ADMINS: string;
};

export function isLoopbackHost(host: string): boolean {
  if (host === "localhost") return true;
  const bare = host.replace(/^\[|\]$/g, "");
  if (isIP(bare) === 4) return bare.startsWith("127.");
  return bare === "::1";
}

/** Keeps sessions valid across restarts without asking the operator for a secret. */
function sessionSecret(env: AuthEnv): Buffer {
  if (env.SESSION_SECRET) {
    if (env.SESSION_SECRET.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters.");
    return Buffer.from(env.SESSION_SECRET);
  }
  const file = join(env.DATA_DIR, "session-secret");
  if (existsSync(file)) return readFileSync(file);
  mkdirSync(env.DATA_DIR, { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export const normaliseUserName = (name: string) => name.trim().replace(/\s+/g, " ");

/** Throws an Error whose message tells the operator what to set. */
export async function loadAuthConfig(env: AuthEnv): Promise<AuthConfig> {
  const mode = env.AUTH_MODE ?? "none";
  if (mode === "none" && !isLoopbackHost(env.HOST)) {
    throw new Error(
      `Refusing to listen on ${env.HOST} without sign-in: anyone who can reach it could spend the studio's credits. ` +
        "Set AUTH_MODE=password (with STUDIO_PASSWORD_HASH) or AUTH_MODE=proxy (with TRUSTED_PROXIES), or listen on 127.0.0.1.",
    );
  }
  const secret = sessionSecret(env);
  let passwordHash: string | null = null;
  if (mode === "password") {
    if (env.STUDIO_PASSWORD_HASH) {
      if (!isPasswordHash(env.STUDIO_PASSWORD_HASH)) throw new Error("STUDIO_PASSWORD_HASH is not a hash from `npm run hash-password`.");
      passwordHash = env.STUDIO_PASSWORD_HASH;
    } else if (env.STUDIO_PASSWORD) {
      // A salt fixed per data folder: the same password gives the same hash at every start,
      // so restarting does not end everyone's session; a new password does.
      passwordHash = await hashPassword(env.STUDIO_PASSWORD, createHmac("sha256", secret).update("studio-password-salt").digest().subarray(0, 16));
    } else {
      throw new Error("AUTH_MODE=password needs STUDIO_PASSWORD_HASH (make one with `npm run hash-password`) or STUDIO_PASSWORD.");
    }
  }
  const trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);
  if (mode === "proxy" && trustedProxies.entries.length === 0) {
    throw new Error("AUTH_MODE=proxy needs TRUSTED_PROXIES: the addresses of the sign-in proxy whose user header is believed.");
  }
  const publicOrigins = env.PUBLIC_ORIGIN ?? [];
  if (!isLoopbackHost(env.HOST) && publicOrigins.length === 0) {
    throw new Error(
      `Listening on ${env.HOST} needs PUBLIC_ORIGIN: the address(es) people open the studio at, e.g. PUBLIC_ORIGIN=https://dailies.studio.internal. ` +
        "Requests naming any other host are refused, so a hostile web page can't reach the studio by re-pointing its own DNS name at it.",
    );
  }
  return {
    mode,
    admins: new Set(env.ADMINS.split(",").map((a) => normaliseUserName(a).toLowerCase()).filter(Boolean)),
    passwordHash,
    sessionSecret: secret,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
    sessionIdleMs: (env.SESSION_IDLE_HOURS ?? 12) * 3_600_000,
    passwordFingerprint: createHmac("sha256", secret).update(`password-fingerprint\0${passwordHash ?? mode}`).digest("base64url"),
    publicOrigins,
    userHeader: env.PROXY_USER_HEADER.toLowerCase(),
    trustedProxies,
  };
}
