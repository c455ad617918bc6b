import { lookup } from "node:dns/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { Agent, request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { describeBlockedAddress } from "./address-policy";

/** A fetch that failed: the address did not answer, sent too much, too slowly, or broke off. */
export class UrlGuardError extends Error {
  override name = "UrlGuardError";
}

/** A fetch the policy forbids (form, address or redirect): trying again cannot help. */
export class UrlRefusedError extends UrlGuardError {
  override name = "UrlRefusedError";
}

export type GuardOptions = {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  /**
   * One origin (scheme, host and port) fetched as configured, http and loopback included: the
   * operator's own upstream. Anything it redirects to elsewhere passes the guard like any URL.
   */
  trustedOrigin?: string;
  accept?: string;
  /** Resolver, replaceable in tests; defaults to the system's. */
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
  /** Address policy, replaceable in tests only (to reach a local HTTPS fixture). */
  isBlocked?: (address: string) => string | null;
  /** Extra CA certificates, for tests only. */
  ca?: string;
};

export type GuardedResponse = { url: string; status: number; contentType: string | null; body: Buffer };
export type Opened = { url: string; status: number; location: string | null; contentType: string | null; stream: IncomingMessage; deadline: number };

const systemResolve = (host: string) => lookup(host, { all: true, verbatim: true });

/** Checks a URL's form: HTTPS only, no credentials, a host name. Throws UrlRefusedError. */
export function checkUrlForm(raw: string, trustedOrigin?: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UrlRefusedError("This is not a valid address.");
  }
  if (url.username || url.password) throw new UrlRefusedError("Addresses with a user name or password are not fetched.");
  if (isTrusted(url, trustedOrigin)) return url;
  if (url.protocol !== "https:") throw new UrlRefusedError("Only https:// addresses are fetched.");
  return url;
}

function isTrusted(url: URL, trustedOrigin: string | undefined): boolean {
  return trustedOrigin !== undefined && url.origin === new URL(trustedOrigin).origin;
}

/**
 * Opens a URL without letting it reach the studio's own network: the resolved address
 * (checked at connect time, so DNS rebinding can't swap it) must be public, and every
 * redirect is checked again. Resolves with the final response, body unread.
 */
export async function openGuarded(raw: string, options: GuardOptions): Promise<Opened> {
  const deadline = Date.now() + options.timeoutMs;
  let current = checkUrlForm(raw, options.trustedOrigin);
  for (let hop = 0; hop <= (options.maxRedirects ?? 3); hop++) {
    const response = await fetchOnce(current, options, deadline);
    if (response.status >= 300 && response.status < 400 && response.location) {
      response.stream.destroy();
      current = checkUrlForm(new URL(response.location, current).toString(), options.trustedOrigin);
      continue;
    }
    return { ...response, url: current.toString(), deadline };
  }
  throw new UrlGuardError("The address redirects too many times.");
}

/** Fetches a URL through the guard into memory, capped in size and time. */
export async function guardedFetch(raw: string, options: GuardOptions): Promise<GuardedResponse> {
  const opened = await openGuarded(raw, options);
  const body = await readCapped(opened.stream, options.maxBytes, opened.deadline);
  return { url: opened.url, status: opened.status, contentType: opened.contentType, body };
}

function guardedLookup(options: GuardOptions): LookupFunction {
  const resolve = options.resolve ?? systemResolve;
  const isBlocked = options.isBlocked ?? describeBlockedAddress;
  return (host, opts, callback) => {
    resolve(host).then(
      (addresses) => {
        const first = addresses[0];
        if (!first) return callback(new UrlGuardError(`The host ${host} does not resolve.`), "", 4);
        for (const { address } of addresses) {
          const reason = isBlocked(address);
          if (reason) return callback(new UrlRefusedError(`The host ${host} points to ${reason}; it is not fetched.`), "", 4);
        }
        // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily).
        if (opts.all) (callback as unknown as (e: null, all: typeof addresses) => void)(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: Error) => callback(new UrlGuardError(`The host ${host} can't be resolved (${error.message}).`), "", 4),
    );
  };
}

function fetchOnce(url: URL, options: GuardOptions, deadline: number): Promise<Omit<Opened, "url" | "deadline">> {
  const trusted = isTrusted(url, options.trustedOrigin);
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  const literalReason = !trusted && isIP(literal) ? (options.isBlocked ?? describeBlockedAddress)(literal) : null;
  if (literalReason) {
    return Promise.reject(new UrlRefusedError(`That address is ${literalReason}; it is not fetched.`));
  }
  return new Promise((resolveOpened, reject) => {
    const request = url.protocol === "http:" ? httpRequest : httpsRequest;
    const req = request(url, {
      method: "GET",
      agent: url.protocol === "http:" ? false : new Agent({ keepAlive: false }),
      ...(options.ca ? { ca: options.ca } : {}),
      ...(trusted ? {} : { lookup: guardedLookup(options) }),
      headers: { accept: options.accept ?? "*/*", "user-agent": "Dailies/1" },
      timeout: Math.max(1, deadline - Date.now()),
    });
    req.on("timeout", () => req.destroy(new UrlGuardError("The address did not answer in time.")));
    req.on("error", (error) => reject(error instanceof UrlGuardError ? error : new UrlGuardError(`The address could not be fetched (${error.message}).`)));
    req.on("response", (res) =>
      resolveOpened({
        status: res.statusCode ?? 0,
        location: typeof res.headers.location === "string" ? res.headers.location : null,
        contentType: res.headers["content-type"] ?? null,
        stream: res,
      }),
    );
    req.end();
  });
}

/** Refuses a declared Content-Length over the cap before reading a byte. */
export function checkDeclaredSize(stream: IncomingMessage, maxBytes: number): number {
  const declared = Number(stream.headers["content-length"] ?? "0");
  if (declared > maxBytes) {
    stream.destroy();
    throw new UrlGuardError(`The body is ${declared} bytes, over the ${maxBytes}-byte limit.`);
  }
  return declared;
}

function readCapped(stream: IncomingMessage, maxBytes: number, deadline: number): Promise<Buffer> {
  checkDeclaredSize(stream, maxBytes);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => stream.destroy(new UrlGuardError("The body took too long to download.")), Math.max(1, deadline - Date.now()));
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) stream.destroy(new UrlGuardError(`The body is over the ${maxBytes}-byte limit.`));
      else chunks.push(chunk);
    });
    stream.on("end", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    stream.on("error", (error) => {
      clearTimeout(timer);
      reject(error instanceof UrlGuardError ? error : new UrlGuardError(`The download failed (${error.message}).`));
    });
  });
}
