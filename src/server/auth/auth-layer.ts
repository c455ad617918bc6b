import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { ERROR_CODES } from "../../shared/api-error";
import type { Sql } from "../db/sql";
import type { AppEnv, StudioUser } from "../http/app-env";
import { HttpError } from "../http/http-error";
import type { AuthConfig } from "./auth-config";
import { remoteAddress } from "./client-address";
import { readProxyUser } from "./proxy-user";
import { decodeSessionCookie, SESSION_COOKIE } from "./session-cookie";
import { createSessionStore } from "./session-store";
import { sessionRoutes } from "./session-routes";

const LOCAL_USER: StudioUser = { name: "studio", isAdmin: true };

export type AuthDeps = { db: Sql; /** tests move time forward */ now?: () => number };
type Identity = { user: StudioUser | null; refused?: string };

/**
 * Who is asking, per `AUTH_MODE`, and the session routes. Every `/api` and `/media` route
 * but the health check and the session itself needs a user; the SPA shell does not (it
 * holds no data and shows the sign-in page).
 */
export function createAuthLayer(config: AuthConfig, deps: AuthDeps) {
  const sessions =
    config.mode === "password"
      ? createSessionStore(deps.db, { ttlMs: config.sessionTtlMs, idleMs: config.sessionIdleMs, passwordFingerprint: config.passwordFingerprint, ...(deps.now ? { now: deps.now } : {}) })
      : null;
  const toUser = (name: string): StudioUser => ({ name, isAdmin: config.admins.has(name.toLowerCase()) });

  async function identify(c: Context): Promise<Identity> {
    switch (config.mode) {
      case "none":
        return { user: LOCAL_USER };
      case "password": {
        const id = decodeSessionCookie(config.sessionSecret, getCookie(c, SESSION_COOKIE));
        const session = id ? await sessions!.find(id) : null;
        return { user: session ? toUser(session.name) : null };
      }
      case "proxy": {
        // A header is only believed from the proxy that sets it; anyone else could forge it.
        if (!config.trustedProxies.matches(remoteAddress(c))) return { user: null };
        const found = readProxyUser(c, config.userHeader);
        if (found && "refused" in found) return { user: null, refused: found.refused };
        return { user: found ? toUser(found.name) : null };
      }
    }
  }
  const resolveUser = async (c: Context) => (await identify(c)).user;

  const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
    const path = c.req.path;
    const open = path === "/api/health" || path === "/api/session";
    const guarded = path.startsWith("/api/") || path.startsWith("/media/");
    if (!guarded || open) return next();
    const { user, refused } = await identify(c);
    if (refused) throw new HttpError(ERROR_CODES.badProxyHeader, refused);
    if (!user) throw new HttpError(ERROR_CODES.unauthenticated, "Sign in to use the studio.");
    c.set("user", user);
    return next();
  };

  return { requireUser, resolveUser, routes: sessionRoutes({ config, sessions, db: deps.db, toUser, resolveUser, ...(deps.now ? { now: deps.now } : {}) }) };
}
