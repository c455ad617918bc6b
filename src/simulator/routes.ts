import { Hono } from "hono";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { checkCreateBody, checkUniversalCreateBody } from "./create-request";
import type { CreateCheck, CreateRequest } from "./create-request";
import { errorBody } from "./error-body";
import type { WireIssue } from "./error-body";
import { pollReply, universalPollReply, universalUsageOf, usageOf } from "./jobs";
import type { Job, ReplyShape } from "./jobs";
import { resultIdOf, withFaults } from "./fault-middleware";
import type { SimEnv } from "./fault-middleware";
import type { FaultPlan } from "./fault-plan";
import type { Injection } from "./injection";
import { serveMp4 } from "./serve-file";
import type { Stats } from "./stats";
import { chargeOf, USD_PER_CREDIT, validClientRequestId } from "./request-log";
import { SIM_MODELS } from "./models";
import { createHash } from "node:crypto";
import type { RequestLog } from "./request-log";

export const GENERATION_PATH = "/v2/generate/video/runway/generation";
/** The universal family: one URL for every video model, `aspect_ratio`/`tail_image_url`, `video: {url}`, `meta.usage.credits_used`. */
export const UNIVERSAL_PATH = "/v2/video/generations";
export const LOGS_PATH = "/v2/logs";
export const USAGE_PATH = "/v2/usage";
export const MODELS_PATH = "/v1/models";
/** Whole-body cap: two 5 MB data URIs and some JSON, like a gateway's body-parser limit. */
const BODY_MAX_BYTES = 12 * 1024 * 1024;

export type RouteContext = {
  apiKey: string;
  replyShape: ReplyShape;
  stats: Stats;
  faults: FaultPlan;
  /** Aborted when the simulator closes, to stop replies still trickling out. */
  signal: AbortSignal;
  log(line: string): void;
  findJob(id: string): Job | undefined;
  /** `injection` overrides the prompt's markers (a `job-error` fault dooms the job). */
  createJob(request: CreateRequest, injection: Injection | undefined): Job;
  fileOf(id: string): string | undefined;
  requestLog: RequestLog;
  /** Models refused as retired (`model` as the vendor URL spells it), like a provider that switched one off. */
  retiredModels: ReadonlySet<string>;
  /** False once the vendor URL is "switched off": it answers 404 and only the universal URL works. */
  vendorUrl: boolean;
};

function fail(c: Context<SimEnv>, status: ContentfulStatusCode, message: string, errors?: WireIssue[]) {
  return c.json(errorBody(status, message, c.req.path, errors), status);
}

/** `GET /v1/models`: each model still offered, its id and, asked for, its price per second of video (what a job is charged). */
function catalogue(withPricing: boolean, retired: ReadonlySet<string>) {
  return {
    // A retired model leaves the catalogue, as it would at a provider that switched it off.
    data: SIM_MODELS.filter((model) => !retired.has(model.wireName)).map((model) => ({
      id: model.wireName,
      type: "video",
      info: { name: model.wireName, developer: "Runway" },
      ...(withPricing ? { pricing: { units: [{ name: "second", content: "video", origin: "generated", price: ((model.tokensUsed[5] ?? 0) * USD_PER_CREDIT) / 5, per: 1 }] } } : {}),
    })),
  };
}

/** The tracing and cost headers of an inference reply (the contract's "Cost and tracing"). */
function traceHeaders(c: Context<SimEnv>, job: Job | undefined, clientRequestId: string | null): void {
  if (job) c.header("x-inference-id", job.id);
  if (clientRequestId) c.header("x-client-request-id", clientRequestId);
  const charge = job ? chargeOf(job, Date.now()) : { credits: 0, usd: 0 };
  c.header("x-aimlapi-credits-used", String(charge.credits));
  c.header("x-aimlapi-usd-spent", charge.usd.toFixed(9));
}

export function createRoutes(ctx: RouteContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const faults = { plan: ctx.faults, stats: ctx.stats, signal: ctx.signal, log: ctx.log };

  const authenticate = async (c: Context<SimEnv>, next: () => Promise<void>) => {
    if (c.req.header("authorization") !== `Bearer ${ctx.apiKey}`) return fail(c, 401, "Unauthorized");
    await next();
  };
  app.use(GENERATION_PATH, authenticate);
  app.use(UNIVERSAL_PATH, authenticate);
  app.use(LOGS_PATH, authenticate);
  app.use(USAGE_PATH, authenticate);
  app.use(MODELS_PATH, authenticate);

  const create = (check: (body: unknown) => Promise<CreateCheck>, meta: (job: Job) => unknown) => async (c: Context<SimEnv>) => {
    // Like a body-parser gateway: a body that is not declared JSON is not parsed at all.
    let body: unknown = {};
    if (c.req.header("content-type")?.includes("json")) {
      try {
        body = JSON.parse(await c.req.text());
      } catch (error) {
        return fail(c, 400, error instanceof Error ? error.message : "Malformed JSON");
      }
    }
    const clientRequestId = validClientRequestId(c.req.header("x-client-request-id"));
    const asked = body && typeof body === "object" && "model" in body && typeof body.model === "string" ? body.model : null;
    if (asked !== null && ctx.retiredModels.has(asked)) {
      ctx.requestLog.add({ model: asked, job: null, clientRequestId });
      return fail(c, 404, `Model ${asked} is no longer available: it was retired by the provider.`);
    }
    const checked = await check(body);
    if (!checked.ok) {
      ctx.requestLog.add({ model: asked ?? "unknown", job: null, clientRequestId });
      traceHeaders(c, undefined, clientRequestId);
      return fail(c, checked.status, checked.message, checked.errors);
    }
    const job = ctx.createJob(checked.request, c.get("injection"));
    ctx.stats.creates += 1;
    ctx.requestLog.add({ model: job.model.wireName, job, clientRequestId });
    traceHeaders(c, job, clientRequestId);
    return c.json({ id: job.id, status: "queued", meta: meta(job) }, 201);
  };

  const poll = (reply: (job: Job, origin: string) => unknown) => (c: Context<SimEnv>) => {
    ctx.stats.polls += 1;
    const id = c.req.query("generation_id");
    if (!id) {
      return fail(c, 400, "Query validation error!", [
        { code: "invalid_type", path: ["generation_id"], message: "generation_id is required" },
      ]);
    }
    const job = ctx.findJob(id);
    if (!job) return fail(c, 404, `Generation ${id} not found`);
    ctx.stats.pollsPerJob[job.id] = (ctx.stats.pollsPerJob[job.id] ?? 0) + 1;
    traceHeaders(c, job, null);
    return c.json(reply(job, new URL(c.req.url).origin));
  };

  const bodyCap = bodyLimit({ maxSize: BODY_MAX_BYTES, onError: (c) => fail(c, 413, "request entity too large") });
  if (ctx.vendorUrl) {
    app.post(GENERATION_PATH, withFaults("create", faults), bodyCap, create(checkCreateBody, usageOf));
    app.get(GENERATION_PATH, withFaults("poll", faults), poll((job, origin) => pollReply(job, Date.now(), origin, ctx.replyShape)));
  }
  app.post(UNIVERSAL_PATH, withFaults("create", faults), bodyCap, create(checkUniversalCreateBody, universalUsageOf));
  app.get(UNIVERSAL_PATH, withFaults("poll", faults), poll((job, origin) => universalPollReply(job, Date.now(), origin)));

  app.get(LOGS_PATH, withFaults("logs", faults), (c) => {
    const answer = ctx.requestLog.query(new URL(c.req.url).searchParams);
    if ("body" in answer) return c.json(answer.body);
    if (answer.retryAfterSeconds !== undefined) c.header("Retry-After", String(answer.retryAfterSeconds));
    return fail(c, answer.status, answer.message);
  });

  app.get(USAGE_PATH, withFaults("usage", faults), (c) => {
    const answer = ctx.requestLog.usage(new URL(c.req.url).searchParams);
    if ("body" in answer) return c.json(answer.body);
    if (answer.retryAfterSeconds !== undefined) c.header("Retry-After", String(answer.retryAfterSeconds));
    return fail(c, answer.status, answer.message);
  });

  // Signed result URLs need no API key, but the signature must match, as with the real ones.
  app.get("/files/:name", withFaults("result", faults), async (c) => {
    const id = resultIdOf(c.req.param("name"));
    const job = id === undefined ? undefined : ctx.findJob(id);
    const file = id === undefined ? undefined : ctx.fileOf(id);
    if (!job || !file) return c.text("Not Found", 404);
    if (c.req.query("_jwt") !== job.jwt) return c.text("Forbidden: invalid or missing _jwt signature", 403);
    const response = await serveMp4(file, c.req.header("range"));
    if (c.req.method === "GET" && response.status < 300) ctx.stats.downloads += 1;
    return response;
  });

  // The model catalogue, with prices on `include=pricing`, served with an ETag (a 304 for a copy that still holds).
  app.get(MODELS_PATH, (c) => {
    const withPricing = (c.req.query("include") ?? "").split(",").includes("pricing");
    const body = JSON.stringify(catalogue(withPricing, ctx.retiredModels));
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 16)}"`;
    c.header("ETag", etag);
    if (c.req.header("if-none-match") === etag) return c.body(null, 304);
    return c.body(body, 200, { "content-type": "application/json" });
  });

  app.get("/__simulator/stats", (c) => c.json(ctx.stats));

  app.notFound((c) => fail(c, 404, `Cannot ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => fail(c, 500, `Internal server error: ${error.message}`));
  return app;
}
