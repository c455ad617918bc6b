import type { Context } from "hono";
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { ERROR_CODES } from "../../shared/api-error";
import { signInSchema } from "../../shared/session";
import type { Sql } from "../db/sql";
import type { AppEnv, StudioUser } from "../http/app-env";
import { HttpError } from "../http/http-error";
import { jsonBodyLimit } from "../http/request-guards";
import { parseOrThrow, readJsonBody } from "../http/validate";
import type { AuthConfig } from "./auth-config";
import { clientAddress, remoteAddress, throttleKey } from "./client-address";
import { verifyPassword } from "./password-hash";
import { decodeSessionCookie, encodeSessionCookie, SESSION_COOKIE } from "./session-cookie";
import type { SessionStore } from "./session-store";
import { createSignInThrottle, type Refusal } from "./sign-in-throttle";
import { createVerifyGate } from "./verify-gate";

type Deps = {
  config: AuthConfig;
  sessions: SessionStore | null;
  db: Sql;
  toUser(name: string): StudioUser;
  resolveUser(c: Context): Promise<StudioUser | null>;
  now?: () => number;
};

/** The request came over HTTPS, directly or (per a trusted proxy) before the proxy. */
function isHttps(c: Context, config: AuthConfig): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  return config.trustedProxies.matches(remoteAddress(c)) && c.req.header("x-forwarded-proto") === "https";
}

function refusal(c: Context, { reason, retryAfterMs }: Refusal): HttpError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  c.header("retry-after", String(seconds));
  if (reason === "locked") return new HttpError(ERROR_CODES.tooManyAttempts, `Too many wrong passwords from here. Try again in ${seconds} s.`);
  if (reason === "in-flight") return new HttpError(ERROR_CODES.tooManyAttempts, `A sign-in from here is already being checked. Try again in ${seconds} s.`);
  return new HttpError(ERROR_CODES.signInBusy, `The studio is checking too many sign-ins right now. Try again in ${seconds} s.`);
}

/** `GET/POST/DELETE /api/session` and `DELETE /api/session/all`. */
export function sessionRoutes({ config, sessions, db, toUser, resolveUser, now }: Deps) {
  const throttle = createSignInThrottle(db, now ? { now } : {});
  const verifyGate = createVerifyGate();
  const noSessions = () =>
    new HttpError(ERROR_CODES.noSignIn, config.mode === "proxy" ? "Sign in (and out) through the studio's sign-in proxy." : "This studio needs no sign-in.");

  return new Hono<AppEnv>()
    .get("/", async (c) => c.json({ mode: config.mode, user: await resolveUser(c) }))
    .post("/", jsonBodyLimit(4096), async (c) => {
      if (!sessions || !config.passwordHash) throw noSessions();
      // Counted before the body is read: parallel guesses can't all slip past the check.
      const started = await throttle.begin(throttleKey(clientAddress(c, config.trustedProxies)));
      if ("refused" in started) throw refusal(c, started.refused);
      const { attempt } = started;
      const passwordHash = config.passwordHash;
      try {
        let input;
        try {
          input = parseOrThrow(signInSchema, await readJsonBody(c.req.raw));
        } catch (error) {
          await attempt.cancel();
          throw error;
        }
        const right = await verifyGate.run(() => verifyPassword(input.password, passwordHash));
        if (right === null) {
          await attempt.cancel();
          throw refusal(c, { reason: "full", retryAfterMs: 1000 });
        }
        if (!right) {
          await attempt.fail();
          throw new HttpError(ERROR_CODES.wrongPassword, "That is not the studio password.", { fields: { password: "That is not the studio password." } });
        }
        await attempt.succeed();
        const id = await sessions.create(input.name);
        setCookie(c, SESSION_COOKIE, encodeSessionCookie(config.sessionSecret, id), {
          httpOnly: true,
          sameSite: "Lax",
          secure: isHttps(c, config),
          path: "/",
          maxAge: Math.floor(config.sessionTtlMs / 1000),
        });
        return c.json({ mode: config.mode, user: toUser(input.name) });
      } finally {
        await attempt.fail(); // no-op once settled; an unexpected error still frees the slot
      }
    })
    .delete("/", async (c) => {
      const id = decodeSessionCookie(config.sessionSecret, getCookie(c, SESSION_COOKIE));
      if (id && sessions) await sessions.end(id);
      deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c, config) });
      return c.body(null, 204);
    })
    .delete("/all", async (c) => {
      if (!sessions) throw noSessions();
      const user = c.get("user");
      if (!user.isAdmin) throw new HttpError(ERROR_CODES.forbidden, "Only an admin can sign everyone out.");
      const signedOut = await sessions.endAll();
      deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c, config) });
      return c.json({ signedOut });
    });
}
