import type { HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { errorBody } from "./error-body";
import type { FaultPlan } from "./fault-plan";
import { faultLabel } from "./faults-config";
import type { FaultEndpoint, FaultRule } from "./faults-config";
import { failureMessage } from "./injection";
import type { Injection } from "./injection";
import { resetConnection, sendTrickle, sendTruncated, sendWhole } from "./raw-reply";
import type { RawReply } from "./raw-reply";
import type { Stats } from "./stats";

/** The routes' Hono environment: Node's raw request/response, and a doomed create's injection. */
export type SimEnv = { Bindings: HttpBindings; Variables: { injection: Injection | undefined } };

export type FaultContext = { plan: FaultPlan; stats: Stats; signal: AbortSignal; log(line: string): void };

const HTTP_MESSAGES: Record<number, string> = {
  403: "Forbidden: insufficient credits",
  404: "Not Found",
  429: "Too Many Requests: rate limit exceeded",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Generation timeout",
};

/** Faults that answer before the handler runs: on create, no job is created. */
const BEFORE_HANDLER = new Set<FaultRule["kind"]>(["http", "reset", "hang"]);

export function resultIdOf(fileName: string): string | undefined {
  return /^(.+)\.mp4$/.exec(fileName)?.[1];
}

function jobKeyOf(endpoint: FaultEndpoint, c: Context<SimEnv>): string | undefined {
  if (endpoint === "poll") return c.req.query("generation_id");
  if (endpoint === "result") return resultIdOf(c.req.param("name") ?? "");
  return undefined;
}

function httpFault(c: Context<SimEnv>, endpoint: FaultEndpoint, status: number, retryAfter: number | undefined): Response {
  const headers: Record<string, string> = retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) };
  const code = status as ContentfulStatusCode;
  // Result URLs are a CDN's, so their errors are plain text rather than the API's envelope.
  if (endpoint === "result") {
    const message = status === 403 ? "Forbidden: the signed URL has expired" : (HTTP_MESSAGES[status] ?? "Error");
    return c.text(message, code, headers);
  }
  return c.json(errorBody(status, HTTP_MESSAGES[status] ?? "Error", c.req.path), code, headers);
}

function json(reply: RawReply, value: unknown): RawReply {
  return { ...reply, headers: { ...reply.headers, "content-type": "application/json" }, body: Buffer.from(JSON.stringify(value)) };
}

function reshape(reply: RawReply, shape: "array" | "data" | "empty" | undefined): RawReply {
  const value: unknown = JSON.parse(Buffer.from(reply.body).toString("utf8"));
  if (shape === "array") return json(reply, [value]);
  if (shape === "empty") return json(reply, {});
  return json(reply, { data: value });
}

function withStatus(reply: RawReply, status: string | undefined): RawReply {
  const value = JSON.parse(Buffer.from(reply.body).toString("utf8")) as Record<string, unknown>;
  return json(reply, { ...value, status: status ?? "mystery" });
}

/** Replaces the handler's successful reply with the fault's version of it. */
async function spoil(c: Context<SimEnv>, endpoint: FaultEndpoint, fault: FaultRule, signal: AbortSignal): Promise<void> {
  if (fault.kind === "http-after-create") {
    const response = httpFault(c, endpoint, fault.status, fault.retryAfter);
    c.res = undefined; // otherwise Hono merges the old reply's headers into the new one
    c.res = response;
    return;
  }
  const out = c.env.outgoing;
  const real: RawReply = {
    status: c.res.status,
    headers: Object.fromEntries(c.res.headers),
    body: new Uint8Array(await c.res.arrayBuffer()),
  };
  c.res = undefined;
  c.res = RESPONSE_ALREADY_SENT;
  if (fault.kind === "reset-after-create") resetConnection(out);
  else if (fault.kind === "trickle") await sendTrickle(out, real, fault, signal);
  else if (fault.kind === "truncated") sendTruncated(out, real, fault.fraction ?? 0.5);
  else if (fault.kind === "malformed-json") sendWhole(out, { ...real, body: real.body.subarray(0, Math.floor(real.body.byteLength / 2)) });
  else if (fault.kind === "wrong-shape") sendWhole(out, reshape(real, fault.shape));
  else if (fault.kind === "unknown-status") sendWhole(out, withStatus(real, fault.status));
  // hang-after-create: the job exists and the reply never comes.
}

/**
 * Applies the configured faults to one endpoint. Mounted after authentication, so only
 * authenticated calls are counted. A fault never takes the process down: an error while
 * applying one ends that connection and is logged.
 */
export function withFaults(endpoint: FaultEndpoint, ctx: FaultContext): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    if (c.req.method === "HEAD") return next();
    const { call, fault } = ctx.plan.next(endpoint, jobKeyOf(endpoint, c));
    ctx.stats.calls[endpoint] += 1;
    if (!fault) return next();

    const record = () => {
      const label = faultLabel(fault);
      const counts = ctx.stats.faults[endpoint];
      counts[label] = (counts[label] ?? 0) + 1;
      ctx.log(`fault on ${endpoint} call ${call}: ${label}`);
    };
    if (BEFORE_HANDLER.has(fault.kind)) {
      record();
      if (fault.kind === "http") return httpFault(c, endpoint, fault.status, fault.retryAfter);
      if (fault.kind === "reset") resetConnection(c.env.outgoing);
      return RESPONSE_ALREADY_SENT; // reset, or hang: hold the socket until either side closes it
    }

    if (fault.kind === "job-error") c.set("injection", { kind: "error", name: fault.reason, message: failureMessage(fault.reason) });
    await next();
    if (!c.res.ok) return; // nothing was created or served, so there is nothing to spoil
    record();
    if (fault.kind === "job-error") return;
    try {
      await spoil(c, endpoint, fault, ctx.signal);
    } catch (error) {
      ctx.log(`fault ${faultLabel(fault)} on ${endpoint} failed: ${error instanceof Error ? error.message : String(error)}`);
      c.res = undefined;
      c.res = RESPONSE_ALREADY_SENT;
      c.env.outgoing.destroy();
    }
  };
}
