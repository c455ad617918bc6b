import { lookup } from "node:dns/promises";
import { Agent, request } from "node:https";
import type { IncomingMessage } from "node:http";
import { isIP, type LookupFunction } from "node:net";
import { describeBlockedAddress } from "./address-policy";

export class UrlGuardError extends Error {
  override name = "UrlGuardError";
}

export type GuardOptions = {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  /** Resolver, replaceable in tests; defaults to the system's. */
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
  /** Address policy, replaceable in tests only (to reach a local HTTPS fixture). */
  isBlocked?: (address: string) => string | null;
  /** Extra CA certificates, for tests only. */
  ca?: string;
};

export type GuardedResponse = { url: string; status: number; contentType: string | null; body: Buffer };

const systemResolve = (host: string) => lookup(host, { all: true, verbatim: true });

/** Checks a URL's form: HTTPS only, no credentials, a host name. Throws UrlGuardError. */
export function checkUrlForm(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UrlGuardError("This is not a valid address.");
  }
  if (url.protocol !== "https:") throw new UrlGuardError("Only https:// addresses are fetched.");
  if (url.username || url.password) throw new UrlGuardError("Addresses with a user name or password are not fetched.");
  return url;
}

/**
 * Fetches a user-supplied URL without letting it reach the studio's own network: the
 * resolved address (checked at connect time, so DNS rebinding can't swap it) must be public,
 * every redirect is checked again, and the body is capped in size and time.
 */
export async function guardedFetch(raw: string, options: GuardOptions): Promise<GuardedResponse> {
  const resolve = options.resolve ?? systemResolve;
  const deadline = Date.now() + options.timeoutMs;
  let current = checkUrlForm(raw);
  for (let hop = 0; hop <= (options.maxRedirects ?? 3); hop++) {
    const response = await fetchOnce(current, resolve, options, deadline);
    if (response.status >= 300 && response.status < 400 && response.location) {
      response.stream.destroy();
      current = checkUrlForm(new URL(response.location, current).toString());
      continue;
    }
    const body = await readCapped(response.stream, options.maxBytes, deadline);
    return { url: current.toString(), status: response.status, contentType: response.contentType, body };
  }
  throw new UrlGuardError("The address redirects too many times.");
}

type Opened = { status: number; location: string | null; contentType: string | null; stream: IncomingMessage };

function fetchOnce(url: URL, resolve: NonNullable<GuardOptions["resolve"]>, options: GuardOptions, deadline: number): Promise<Opened> {
  const isBlocked = options.isBlocked ?? describeBlockedAddress;
  const guardedLookup: LookupFunction = (host, opts, callback) => {
    resolve(host).then(
      (addresses) => {
        const first = addresses[0];
        if (!first) return callback(new UrlGuardError(`The host ${host} does not resolve.`), "", 4);
        for (const { address } of addresses) {
          const reason = isBlocked(address);
          if (reason) return callback(new UrlGuardError(`The host ${host} points to ${reason}; it is not fetched.`), "", 4);
        }
        // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily).
        if (opts.all) (callback as unknown as (e: null, all: typeof addresses) => void)(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: Error) => callback(new UrlGuardError(`The host ${host} can't be resolved (${error.message}).`), "", 4),
    );
  };
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  const literalReason = isIP(literal) ? isBlocked(literal) : null;
  if (literalReason) {
    return Promise.reject(new UrlGuardError(`That address is ${literalReason}; it is not fetched.`));
  }
  return new Promise((resolveOpened, reject) => {
    const req = request(url, {
      method: "GET",
      agent: new Agent({ keepAlive: false }),
      ...(options.ca ? { ca: options.ca } : {}),
      lookup: guardedLookup,
      headers: { accept: "image/*", "user-agent": "Dailies/1 (image check)" },
      timeout: Math.max(1, deadline - Date.now()),
    });
    req.on("timeout", () => req.destroy(new UrlGuardError("The image address did not answer in time.")));
    req.on("error", (error) => reject(error instanceof UrlGuardError ? error : new UrlGuardError(`The image could not be fetched (${error.message}).`)));
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

function readCapped(stream: IncomingMessage, maxBytes: number, deadline: number): Promise<Buffer> {
  const declared = Number(stream.headers["content-length"] ?? "0");
  if (declared > maxBytes) {
    stream.destroy();
    return Promise.reject(new UrlGuardError(`The image is ${declared} bytes, over the ${maxBytes}-byte limit.`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => stream.destroy(new UrlGuardError("The image took too long to download.")), Math.max(1, deadline - Date.now()));
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) stream.destroy(new UrlGuardError(`The image is over the ${maxBytes}-byte limit.`));
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
