import type { HttpBindings } from "@hono/node-server";
import type { IncomingMessage } from "node:http";
import { Hono } from "hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ERROR_CODES } from "../shared/api-error";
import { MODEL_LIST } from "../shared/models";
import { createAuthLayer } from "./auth/auth-layer";
import type { AppEnv } from "./http/app-env";
import { HttpError } from "./http/http-error";
import { knownHostsOnly, sameOriginWrites } from "./http/origin-guards";
import { requestLog } from "./http/request-log";
import { openApiRoute } from "./openapi/openapi-route";
import { timingsRoutes } from "./routes/timings-routes";
import { usageRoutes } from "./routes/usage-routes";
import { insightsRoutes } from "./routes/insights-routes";
import { providerWatchRoutes } from "./routes/provider-watch-routes";
import { takesRoutes } from "./routes/takes-routes";
import { mediaRoutes } from "./routes/media-routes";
import { takeActionsRoutes } from "./routes/take-actions-routes";
import { familyRoutes } from "./routes/family-routes";
import { notesRoutes, takeNotesRoutes } from "./routes/notes-routes";
import { projectsRoutes } from "./routes/projects-routes";
import { shotsRoutes } from "./routes/shots-routes";
import { projectReelsRoutes, reelsRoutes } from "./routes/reels-routes";
import { reelMediaRoutes } from "./routes/reel-media-routes";
import { uploadsRoutes } from "./routes/uploads-routes";
import type { StudioDeps } from "./studio";

/** Did the request come with a body (a length, or chunks) that nothing has read to its end? */
function bodyLeftUnread(incoming: IncomingMessage | undefined): boolean {
  if (!incoming || incoming.readableEnded) return false;
  const length = incoming.headers["content-length"];
  return length !== undefined ? length !== "0" : incoming.headers["transfer-encoding"] !== undefined;
}

export function createApp(deps: StudioDeps) {
  const app = new Hono<AppEnv>();
  const auth = createAuthLayer(deps.auth, { db: deps.db, ...(deps.now ? { now: deps.now } : {}) });

  app.use(requestLog(deps.log));
  // Hono answers a HEAD with its GET handler and drops the body unread: cancel it, so a stream
  // that holds something until it is read or cancelled (a handoff zip's local copies, a bucket's
  // object) lets go at once.
  app.use(async (c, next) => {
    await next();
    if (c.req.method === "HEAD" && c.res.body) {
      await c.res.body.cancel().catch(() => {});
      c.res = new Response(null, c.res);
    }
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:", "https:"],
        mediaSrc: ["'self'", "blob:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: "same-origin",
      xFrameOptions: "DENY",
      crossOriginResourcePolicy: "same-origin",
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.use(knownHostsOnly(deps.origins));
  app.use(sameOriginWrites(deps.origins));
  // Ahead of the sign-in check: it describes the API's shape and holds no studio data.
  app.get("/api/openapi.json", openApiRoute());
  // Ahead of it too: the proxy in front asks before it sends traffic, and learns nothing private.
  app.get("/api/ready", async (c) => {
    const ready = await deps.readiness.check();
    c.header("cache-control", "no-store");
    return c.json(ready, ready.status === "ready" ? 200 : 503);
  });
  app.use(auth.requireUser);

  // Open to anyone (load balancers, uptime checks); says more only to someone signed in.
  app.get("/api/health", async (c) => c.json((await auth.resolveUser(c)) ? { status: "ok", provider: deps.provider, currency: deps.currency } : { status: "ok" }));
  app.route("/api/session", auth.routes);
  app.route("/api/usage", usageRoutes(deps));
  app.route("/api/insights", providerWatchRoutes(deps));
  app.route("/api/insights", insightsRoutes(deps));
  app.get("/api/models", (c) => c.json({ models: MODEL_LIST.map((model) => ({ ...model, availability: deps.availability.of(model.id) })) }));
  app.route("/api/timings", timingsRoutes(deps));
  app.route("/api/uploads", uploadsRoutes(deps));
  app.route("/api/generations", takesRoutes(deps));
  app.route("/api/generations", takeActionsRoutes(deps));
  app.route("/api/generations", takeNotesRoutes(deps));
  app.route("/api/generations", familyRoutes(deps));
  app.route("/api/notes", notesRoutes(deps));
  app.route("/api/projects", projectsRoutes(deps));
  app.route("/api/shots", shotsRoutes(deps));
  app.route("/api/projects", projectReelsRoutes(deps));
  app.route("/api/reels", reelsRoutes(deps));
  app.route("/media", mediaRoutes(deps));
  app.route("/media/reels", reelMediaRoutes(deps));
  app.all("/api/*", (c) => {
    throw new HttpError(ERROR_CODES.notFound, `No API route for ${c.req.method} ${c.req.path}.`);
  });

  if (deps.staticDir) {
    const root = deps.staticDir;
    app.use("/assets/*", serveStatic({ root, onFound: (_p, c) => c.header("cache-control", "public, max-age=31536000, immutable") }));
    app.use("*", serveStatic({ root }));
    let indexHtml: string | null = null;
    app.get("*", (c) => {
      try {
        indexHtml ??= readFileSync(join(root, "index.html"), "utf8");
      } catch {
        return c.text("The studio's web app is not built yet: run `npm run build` (npm start does it for you).", 503);
      }
      c.header("cache-control", "no-cache");
      return c.html(indexHtml);
    });
  }

  app.onError((error, c) => {
    // A refusal answered before the body was read to its end (an upload over the limit, a
    // sender gone silent): the server will close this connection, so it says so, and a
    // client does not send its next request down a socket that is about to go (EPIPE).
    if (bodyLeftUnread((c.env as Partial<HttpBindings> | undefined)?.incoming)) c.header("Connection", "close");
    if (error instanceof HttpError) return c.json(error.toBody(), error.status);
    // Hono's own (body limits, bad requests): the same envelope, never a 500.
    if (error instanceof HTTPException) {
      return c.json({ error: { code: error.status === 413 ? ERROR_CODES.payloadTooLarge : ERROR_CODES.badRequest, message: error.message || "The request was refused." } }, error.status);
    }
    (c.get("log") ?? deps.log).error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error), path: c.req.path }, "unhandled error");
    return c.json({ error: { code: ERROR_CODES.internal, message: "Something went wrong on the server. Try again; if it persists, tell the operator." } }, 500);
  });

  return app;
}
