import { z } from "zod";
import { healthSchema, modelsResponseSchema, readySchema, timingsResponseSchema } from "../../shared/api";
import { sessionSchema, signedOutSchema, signInSchema } from "../../shared/session";
import { estimateQuerySchema, estimateSchema, usageSchema } from "../../shared/usage";
import { insightsQuerySchema, insightsSchema } from "../../shared/insights";
import { catalogueWatchSchema, reconciliationSchema } from "../../shared/provider-watch";
import { empty, json, media, ok, routesTagged, type ApiRoute } from "./api-route";

/** The document's own shape, loosely: enough for a client to know what it fetched. */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

const studio = routesTagged("studio");
const session = routesTagged("session");
const usage = routesTagged("usage");

/** Health, the document itself, models, sign-in and spend. */
export const studioApiRoutes: ApiRoute[] = [
  studio("get /api/health", "getHealth", "Is the studio up", {
    description: "Open to anyone (load balancers, uptime checks); `provider` is added only for someone signed in.",
    open: true,
    replies: ok(healthSchema, "The studio is up."),
  }),
  studio("get /api/ready", "getReadiness", "Can the studio take traffic now", {
    description: "Open to anyone, for the proxy or orchestrator in front: a trivial database query and a small file written and deleted in the media folder, each given 2 s. Not ready while the studio shuts down.",
    open: true,
    replies: {
      200: json(readySchema, "Ready: every check is `ok`."),
      503: json(readySchema, "Not ready: each check that failed says why (no secrets or paths), or `shuttingDown` is set and nothing was checked."),
    },
  }),
  studio("get /api/openapi.json", "getOpenApiDocument", "This document", {
    description: "Open to anyone: it describes the API's shape and holds no studio data. Send `If-None-Match` to revalidate.",
    open: true,
    replies: {
      200: json(openApiDocumentSchema, "The OpenAPI 3.1 document.", { etag: "Changes whenever the document does." }),
      304: empty("The copy named by `If-None-Match` is current."),
    },
  }),
  studio("get /api/models", "listModels", "The models and what each accepts", { replies: ok(modelsResponseSchema, "The capability table the form and the validator share.") }),
  studio("get /api/timings", "listTimings", "How long takes have taken here, per model and length", {
    description: "From the create to done at the provider, over the last 40 takes of each kind, as quantiles at every 5 %; the poll plan learns from the same takes.",
    replies: ok(timingsResponseSchema, "One entry per model and length; `quantilesMs` is empty while fewer than five takes are known."),
  }),
  session("get /api/session", "getSession", "How the studio lets people in, and who is asking", { open: true, replies: ok(sessionSchema, "The sign-in mode and the caller (null: nobody yet).") }),
  session("post /api/session", "signIn", "Sign in with the studio password (`password` mode)", {
    description: "Sets the `dailies_session` cookie. Each address gets a few free attempts, then waits longer and longer.",
    open: true,
    body: { json: signInSchema, maxKb: 4 },
    replies: ok(sessionSchema, "Signed in; the cookie is set."),
    errors: {
      401: "That is not the studio password (`wrong_password`, on the `password` field).",
      409: "This studio has no sign-in (`none`) or signs in through its proxy (`proxy`).",
      429: "Too many wrong passwords, or a sign-in already being checked, from this address; see `Retry-After`.",
      503: "Too many sign-ins being checked studio-wide; see `Retry-After`.",
    },
  }),
  session("delete /api/session", "signOut", "Sign out, ending the session on the server", { open: true, replies: { 204: empty("Signed out; the cookie is cleared.") } }),
  session("delete /api/session/all", "signOutEveryone", "End every session, the caller's too (admins, `password` mode)", {
    replies: ok(signedOutSchema, "How many sessions were ended."),
    errors: { 403: "The caller is not an admin.", 409: "This studio has no sessions (`none` or `proxy` mode)." },
  }),
  usage("get /api/usage", "getUsage", "Spend per person and per model: today, this week, this month (UTC)", { replies: ok(usageSchema, "Takes, the provider's figures and what it charged, per period, deleted takes included.") }),
  usage("get /api/usage/estimate", "estimateCost", "The expected cost of a submit", {
    description: "From the typical usage of past takes of that model and duration (`learned`), else the operator's price table.",
    query: estimateQuerySchema,
    replies: ok(estimateSchema, "The estimate per take and in total."),
    errors: { 400: "A query parameter is missing or out of range (`fields` names it)." },
  }),
  usage("get /api/insights", "getInsights", "Per model, creator or week: takes, success, failure reasons, time to complete, spend, cost per kept take", {
    description: "The window is [from, to) in UTC (default: the 28 days to the end of today); deleted takes count in takes, spend and failures.",
    query: insightsQuerySchema,
    replies: ok(insightsSchema, "One row per group, and the prompts that failed moderation most."),
    errors: { 400: "A query parameter is not a date or not a known grouping (`fields` names it)." },
  }),
  usage("get /api/insights/csv", "exportInsights", "The same rows as CSV", {
    query: insightsQuerySchema,
    replies: { 200: media(["text/csv"], "One line per group, with a header line; served as an attachment.") },
    errors: { 400: "A query parameter is not a date or not a known grouping (`fields` names it)." },
  }),
  usage("get /api/insights/reconciliation", "getReconciliation", "The ledger beside the provider's own totals, per UTC day", {
    description: "Admins only. The last 7 UTC days (today so far included) as last checked: Dailies' charged spend beside `GET /v2/usage`. Checked daily, first 5 minutes after start-up.",
    replies: ok(reconciliationSchema, "The days checked, newest first; empty before the first check."),
    errors: { 403: "Not an admin." },
  }),
  usage("post /api/insights/reconciliation", "runReconciliation", "Check the ledger against the provider now", {
    description: "Admins only. Reads `GET /v2/usage` for each of the last 7 UTC days (7 calls) and answers with the result; a check already running is joined.",
    replies: ok(reconciliationSchema, "The days just checked, newest first."),
    errors: { 403: "Not an admin." },
  }),
  usage("get /api/insights/catalogue", "getCatalogueChanges", "Video models the provider's catalogue started or stopped listing", {
    description: "Admins only. Noticed on the daily catalogue read (`GET /v1/models`); the first read sets what is already there.",
    replies: ok(catalogueWatchSchema, "When the catalogue last answered, how many video models it lists, and the changes, newest first."),
    errors: { 403: "Not an admin." },
  }),
];
