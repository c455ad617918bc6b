import { Hono } from "hono";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { checkCreateBody } from "./create-request";
import type { CreateRequest } from "./create-request";
import { errorBody } from "./error-body";
import type { WireIssue } from "./error-body";
import { pollReply, usageOf } from "./jobs";
import type { Job, ReplyShape } from "./jobs";
import { resultIdOf, withFaults } from "./fault-middleware";
import type { SimEnv } from "./fault-middleware";
import type { FaultPlan } from "./fault-plan";
import type { Injection } from "./injection";
import { serveMp4 } from "./serve-file";
import type { Stats } from "./stats";

export const GENERATION_PATH = "/v2/generate/video/runway/generation";
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
};

function fail(c: Context<SimEnv>, status: ContentfulStatusCode, message: string, errors?: WireIssue[]) {
  return c.json(errorBody(status, message, c.req.path, errors), status);
}

export function createRoutes(ctx: RouteContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const faults = { plan: ctx.faults, stats: ctx.stats, signal: ctx.signal, log: ctx.log };

  app.use(GENERATION_PATH, async (c, next) => {
    if (c.req.header("authorization") !== `Bearer ${ctx.apiKey}`) return fail(c, 401, "Unauthorized");
    await next();
  });

  app.post(
    GENERATION_PATH,
    withFaults("create", faults),
    bodyLimit({ maxSize: BODY_MAX_BYTES, onError: (c) => fail(c, 413, "request entity too large") }),
    async (c) => {
      // Like a body-parser gateway: a body that is not declared JSON is not parsed at all.
      let body: unknown = {};
      if (c.req.header("content-type")?.includes("json")) {
        try {
          body = JSON.parse(await c.req.text());
        } catch (error) {
          return fail(c, 400, error instanceof Error ? error.message : "Malformed JSON");
        }
      }
      const check = await checkCreateBody(body);
      if (!check.ok) return fail(c, check.status, check.message, check.errors);
      const job = ctx.createJob(check.request, c.get("injection"));
      ctx.stats.creates += 1;
      return c.json({ id: job.id, status: "queued", meta: usageOf(job) }, 201);
    },
  );

  app.get(GENERATION_PATH, withFaults("poll", faults), (c) => {
    ctx.stats.polls += 1;
    const id = c.req.query("generation_id");
    if (!id) {
      return fail(c, 400, "Query validation error!", [
        { code: "invalid_type", path: ["generation_id"], message: "generation_id is required" },
      ]);
    }
    const job = ctx.findJob(id);
    if (!job) return fail(c, 404, `Generation ${id} not found`);
    return c.json(pollReply(job, Date.now(), new URL(c.req.url).origin, ctx.replyShape));
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

  app.get("/__simulator/stats", (c) => c.json(ctx.stats));

  app.notFound((c) => fail(c, 404, `Cannot ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => fail(c, 500, `Internal server error: ${error.message}`));
  return app;
}
