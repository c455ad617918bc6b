import type { MiddlewareHandler } from "hono";
import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "./http-error";

const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];
// Before the server listens (in-process `app.request()` calls) the port is unknown; no
// socket exists yet, so loopback names with any port are all that can be asked.
const LOOPBACK_HOST_ANY_PORT = /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;
const LOOPBACK_ORIGIN_ANY_PORT = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;

export type AllowedOrigins = ReturnType<typeof createAllowedOrigins>;

/**
 * The names this studio answers to: the loopback names on the port it listens on, and the
 * `PUBLIC_ORIGIN`s. A page of another site whose DNS name is re-pointed at us (DNS
 * rebinding) still sends its own name as Host and Origin, so it is refused.
 */
export function createAllowedOrigins(publicOrigins: readonly string[]) {
  const hosts = new Set<string>();
  const origins = new Set<string>();
  let port: number | null = null;

  for (const origin of publicOrigins) {
    const url = new URL(origin);
    origins.add(url.origin);
    hosts.add(url.host);
    // Host may carry the default port explicitly.
    if (!url.port) hosts.add(`${url.hostname}:${url.protocol === "https:" ? 443 : 80}`);
  }

  return {
    /** Called once the server listens (PORT=0 picks one then). */
    listeningOn(actual: number) {
      port = actual;
      for (const name of LOOPBACK_NAMES) {
        hosts.add(`${name}:${actual}`);
        if (actual === 80) hosts.add(name);
        origins.add(actual === 80 ? `http://${name}` : `http://${name}:${actual}`);
      }
    },
    hostAllowed(host: string): boolean {
      const lower = host.toLowerCase();
      return hosts.has(lower) || (port === null && LOOPBACK_HOST_ANY_PORT.test(lower));
    },
    /** Compared in full: `https://127.0.0.1:8787` is not the origin of an http server. */
    originAllowed(origin: string): boolean {
      return origins.has(origin) || (port === null && LOOPBACK_ORIGIN_ANY_PORT.test(origin));
    },
    describe(): string {
      return [...origins].join(", ") || "http://127.0.0.1:<port>";
    },
  };
}

/** 421 for a Host this studio does not answer to, on every path, before any route runs. */
export function knownHostsOnly(allowed: AllowedOrigins): MiddlewareHandler {
  return async (c, next) => {
    // In-process requests carry no Host header; their URL says where they were aimed.
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    if (!allowed.hostAllowed(host)) {
      throw new HttpError(
        ERROR_CODES.misdirected,
        `This studio does not answer to "${host.slice(0, 100)}". Open it at ${allowed.describe()}; the operator adds other addresses with PUBLIC_ORIGIN.`,
      );
    }
    return next();
  };
}

/**
 * Refuses cross-site writes: a browser marks them with `Sec-Fetch-Site: cross-site` or an
 * `Origin` other than the studio's own. Requests with neither (curl, scripts) carry no
 * ambient cookie.
 */
export function sameOriginWrites(allowed: AllowedOrigins): MiddlewareHandler {
  return async (c, next) => {
    if (["GET", "HEAD", "OPTIONS"].includes(c.req.method)) return next();
    const site = c.req.header("sec-fetch-site");
    const origin = c.req.header("origin");
    const crossSite = site !== undefined && site !== "same-origin" && site !== "none";
    if (crossSite || (origin !== undefined && !allowed.originAllowed(origin))) {
      throw new HttpError(ERROR_CODES.crossSite, "Cross-site requests can't change the studio. Use Dailies itself.");
    }
    return next();
  };
}
