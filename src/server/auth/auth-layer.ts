import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { signInSchema } from "../../shared/session";
import { ERROR_CODES } from "../../shared/api-error";
import type { AppEnv, StudioUser } from "../http/app-env";
import { HttpError } from "../http/http-error";
import { jsonBodyLimit } from "../http/request-guards";
import { parseOrThrow, readJsonBody } from "../http/validate";
import { normaliseUserName, type AuthConfig } from "./auth-config";
import { verifyPassword } from "./password-hash";
import { decodeSession, encodeSession, SESSION_COOKIE } from "./session-cookie";
import { createSignInThrottle } from "./sign-in-throttle";

const LOCAL_USER: StudioUser = { name: "studio", isAdmin: true };


const unauthenticated = () => new HttpError(401, ERROR_CODES.unauthenticated, "Sign in to use the studio.");

export function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** The request came over HTTPS, directly or (per a trusted proxy) before the proxy. */
function isHttps(c: Context, config: AuthConfig): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  return config.trustedProxies.matches(remoteAddress(c)) && c.req.header("x-forwarded-proto") === "https";
}

/**
 * Who is asking, per `AUTH_MODE`, and the session routes. Every `/api` and `/media` route
 * but the health check and the session itself needs a user; the SPA shell does not (it
 * holds no data and shows the sign-in page).
 */
export function createAuthLayer(config: AuthConfig) {
  const throttle = createSignInThrottle();
  const toUser = (name: string): StudioUser => ({ name, isAdmin: config.admins.has(name.toLowerCase()) });

  function resolveUser(c: Context): StudioUser | null {
    switch (config.mode) {
      case "none":
        return LOCAL_USER;
      case "password": {
        const session = decodeSession(config.sessionSecret, getCookie(c, SESSION_COOKIE));
        return session ? toUser(session.user) : null;
      }
      case "proxy": {
        // A header is only believed from the proxy that sets it; anyone else could forge it.
        if (!config.trustedProxies.matches(remoteAddress(c))) return null;
        const name = normaliseUserName(c.req.header(config.userHeader) ?? "");
        return name && name.length <= 254 ? toUser(name) : null;
      }
    }
  }

  const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
    const path = c.req.path;
    const open = path === "/api/health" || path === "/api/session";
    const guarded = path.startsWith("/api/") || path.startsWith("/media/");
    if (!guarded || open) return next();
    const user = resolveUser(c);
    if (!user) throw unauthenticated();
    c.set("user", user);
    return next();
  };

  const routes = new Hono<AppEnv>()
    .get("/", (c) => {
      const user = resolveUser(c);
      return c.json({ mode: config.mode, user });
    })
    .post("/", jsonBodyLimit(4096), async (c) => {
      if (config.mode !== "password" || !config.passwordHash) {
        throw new HttpError(409, "no_sign_in", config.mode === "proxy" ? "Sign in through the studio's sign-in proxy." : "This studio needs no sign-in.");
      }
      const address = remoteAddress(c);
      const wait = throttle.waitMs(address);
      if (wait > 0) {
        c.header("retry-after", String(Math.ceil(wait / 1000)));
        throw new HttpError(429, "too_many_attempts", `Too many wrong passwords from here. Try again in ${Math.ceil(wait / 1000)} s.`);
      }
      const input = parseOrThrow(signInSchema, await readJsonBody(c.req.raw));
      if (!(await verifyPassword(input.password, config.passwordHash))) {
        throttle.fail(address);
        throw new HttpError(401, "wrong_password", "That is not the studio password.", { password: "That is not the studio password." });
      }
      throttle.succeed(address);
      const now = Date.now();
      setCookie(c, SESSION_COOKIE, encodeSession(config.sessionSecret, { user: input.name, issuedAt: now, expiresAt: now + config.sessionTtlMs }), {
        httpOnly: true,
        sameSite: "Lax",
        secure: isHttps(c, config),
        path: "/",
        maxAge: Math.floor(config.sessionTtlMs / 1000),
      });
      return c.json({ mode: config.mode, user: toUser(input.name) });
    })
    .delete("/", (c) => {
      deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c, config) });
      return c.body(null, 204);
    });

  return { requireUser, routes, resolveUser };
}

/**
 * Refuses cross-site writes: a browser marks them with `Sec-Fetch-Site: cross-site` or an
 * `Origin` of another site. Requests with neither (curl, scripts) carry no ambient cookie.
 */
export const sameOriginWrites: MiddlewareHandler = async (c, next) => {
  if (["GET", "HEAD", "OPTIONS"].includes(c.req.method)) return next();
  const site = c.req.header("sec-fetch-site");
  const origin = c.req.header("origin");
  const own = new URL(c.req.url).origin;
  const host = c.req.header("host");
  const sameOrigin = (value: string) => {
    try {
      return value === own || (host !== undefined && new URL(value).host === host);
    } catch {
      return false;
    }
  };
  const refused = (site !== undefined && site !== "same-origin" && site !== "none") || (origin !== undefined && origin !== "null" ? !sameOrigin(origin) : origin === "null");
  if (refused) throw new HttpError(403, ERROR_CODES.crossSite, "Cross-site requests can't change the studio. Use Dailies itself.");
  return next();
};
