import { serve, type ServerType } from "@hono/node-server";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Server as HttpServer } from "node:http";
import { join, resolve } from "node:path";
import type { Logger } from "pino";
import type { DisplayCurrency, Provider } from "../shared/api";
import { parseFaultsJson } from "../simulator/faults-config";
import { parseTimingSetting } from "../simulator/timing";
import { DEFAULT_TIME_SCALE, startSimulator, type Simulator } from "../simulator/simulator";
import { createApp } from "./app";
import { prepareDataDir } from "./data-dir";
import { openSql } from "./db/open-sql";
import { shareChanges } from "./db/shared-changes";
import type { Sql } from "./db/sql";
import type { Env } from "./env";
import { LIMIT_SETTING, resolveSpendLimits } from "./jobs/default-limits";
import { createJobRunner, type JobRunner } from "./jobs/job-runner";
import { createLearnedTimes, type LearnedTimes } from "./jobs/learned-times";
import type { SpendLimits } from "./jobs/spend-limits";
import type { Budgets } from "./jobs/budgets";
import { CATALOGUE_REFRESH_MS, createCataloguePrices, type CataloguePrices } from "./jobs/catalogue-prices";
import { createUsageReconciler, type UsageReconciler } from "./jobs/reconcile-usage";
import { createInsightQueries, type InsightQueries } from "./store/insight-queries";
import { createModelAvailability, type ModelAvailabilityRegistry } from "./jobs/model-availability";
import { chooseFfmpeg } from "./media/ffmpeg";
import { cleanLegacyUploads } from "./images/clean-stored-upload";
import { decodeSlots } from "./images/decode-slots";
import type { MediaStore } from "./media/media-store";
import { openMediaStore } from "./media/open-media-store";
import { sweepOrphans } from "./media/sweep-orphans";
import { openStores, type Stores } from "./store/stores";
import { createAimlapiClient, type UpstreamClient } from "./upstream/aimlapi-client";
import { loadAuthConfig, type AuthConfig } from "./auth/auth-config";
import { createAllowedOrigins, type AllowedOrigins } from "./http/origin-guards";
import { parsePriceTable, type PriceTable } from "./routes/usage-routes";
import { createReelQueue, type ReelQueue } from "./reels/reel-queue";
import { createReadiness, databaseProbe, mediaProbe, type Readiness } from "./ops/readiness";

/** Everything the app's parts need, made once here; each part picks what it uses. */
export type StudioDeps = Stores & {
  media: MediaStore;
  client: UpstreamClient;
  runner: JobRunner;
  /** How long takes of each kind have taken here (the runner's poll plans and `/api/timings`). */
  learnedTimes: LearnedTimes;
  provider: Provider;
  /** How long a take may run before it is given up on. */
  deadlineMs: number;
  log: Logger;
  limits: SpendLimits;
  budgets: Budgets;
  /** Which models new takes may use now (MODELS_ENABLED, and models the provider refused as retired). */
  availability: ModelAvailabilityRegistry;
  /** The provider's prices from its model catalogue, refreshed daily. */
  catalogue: CataloguePrices;
  /** The insights' day rollup: one per studio, its cache shared by every request. */
  insights: InsightQueries;
  /** The daily check of the ledger against the provider's `GET /v2/usage`. */
  reconciler: UsageReconciler;
  /** The currency money is shown in (CURRENCY, CURRENCY_PER_USD); the wire and the ledger stay in USD. */
  currency: DisplayCurrency;
  staticDir: string | null;
  auth: AuthConfig;
  /** The Host and Origin values this studio answers to (its port is added once it listens). */
  origins: AllowedOrigins;
  db: Sql;
  priceTable: PriceTable;
  /** Reels waiting to be cut, one at a time. */
  reelQueue: ReelQueue;
  /** What `GET /api/ready` answers: the database and media probes, or "shutting down". */
  readiness: Readiness;
  /** Session clock; tests move it forward. */
  now?: () => number;
};

export type Studio = {
  url: string;
  provider: Provider;
  simulator: Simulator | null;
  app: ReturnType<typeof createApp>;
  runner: JobRunner;
  close(): Promise<void>;
};

/**
 * Wires the studio together. Without an AIMLAPI_KEY the simulator starts on its own
 * loopback port and the same upstream client talks to it over HTTP, so the real client
 * code path is what every offline run exercises.
 */
export async function startStudio(env: Env, log: Logger, options: { listen?: boolean; now?: () => number } = {}): Promise<Studio> {
  const dataDir = resolve(env.DATA_DIR);
  prepareDataDir(dataDir);
  // Checked first: a studio that would be open to the network without sign-in never starts.
  const auth = await loadAuthConfig({ ...env, DATA_DIR: dataDir });
  const ffmpeg = await chooseFfmpeg(env.FFMPEG_PATH, log);
  let simulator: Simulator | null = null;
  let baseUrl = env.AIMLAPI_BASE_URL;
  let apiKey = env.AIMLAPI_KEY;
  const provider: Provider = apiKey ? "aimlapi" : "simulator";
  if (!apiKey) {
    apiKey = `sim-${randomBytes(12).toString("hex")}`;
    simulator = await startSimulator({
      apiKey,
      host: "127.0.0.1",
      port: 0,
      dataDir: join(dataDir, "simulator"),
      ffmpegPath: ffmpeg,
      render: env.SIMULATOR_RENDER,
      ...(env.SIMULATOR_TIME_SCALE ? { timeScale: env.SIMULATOR_TIME_SCALE } : {}),
      ...(env.SIMULATOR_FAULTS ? { faults: parseFaultsJson(env.SIMULATOR_FAULTS) } : {}),
      endpoints: env.SIMULATOR_ENDPOINTS,
      ...(env.SIMULATOR_RETIRED_MODELS ? { retiredModels: env.SIMULATOR_RETIRED_MODELS.split(",").map((m) => m.trim()).filter(Boolean) } : {}),
      timing: parseTimingSetting(env.SIMULATOR_TIMING),
      persist: true,
      log: (line) => log.debug({ component: "simulator" }, line),
    });
    baseUrl = simulator.url;
  }

  const { limits, defaulted } = resolveSpendLimits(
    {
      runningPerUser: env.LIMIT_RUNNING_PER_USER,
      runningStudio: env.LIMIT_RUNNING_STUDIO,
      dailyPerUser: env.LIMIT_DAILY_PER_USER,
      dailyStudio: env.LIMIT_DAILY_STUDIO,
    },
    provider === "aimlapi",
  );
  if (defaulted.length) {
    const named = defaulted.map((key) => `${LIMIT_SETTING[key]}=${limits[key]}`).join(", ");
    log.warn({ limits }, `Spend limits not set, so paid work starts with the defaults ${named}. Set them (0 = no limit) to change this.`);
  }

  const db = await openSql({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA, file: join(dataDir, "dailies.sqlite") });
  const replicaId = env.REPLICA_ID ?? `${hostname()}-${process.pid}`;
  const stores = openStores(db, { owner: replicaId, ms: env.JOB_LEASE_MS });
  const sharedChanges = shareChanges(db, {
    url: env.DATABASE_URL,
    schema: env.DATABASE_SCHEMA,
    replicaId,
    onChange: () => stores.changes.heard(),
    onError: (error) => log.warn({ err: error.message }, "lost the database's change notifications; reconnecting (caches are rebuilt meanwhile)"),
  });
  stores.changes.share(sharedChanges);
  const { store, uploads } = stores;
  const media = await openMediaStore(env, dataDir);
  const client = createAimlapiClient({ baseUrl, apiKey, timeoutMs: env.UPSTREAM_TIMEOUT_MS, endpoints: env.AIMLAPI_ENDPOINTS });
  const origins = createAllowedOrigins(auth.publicOrigins);
  const learnedTimes = createLearnedTimes(store);
  const catalogue = createCataloguePrices(client, log, CATALOGUE_REFRESH_MS, stores.providerWatch.recordCatalogue);
  const reconciler = createUsageReconciler({
    store: stores.providerWatch,
    client,
    log,
    // The built-in simulator keeps its usage in memory: days before it started can't be compared.
    ...(provider === "simulator"
      ? { since: Date.now(), note: "Against the built-in simulator, which forgets its usage when Dailies restarts: only spend since the last start is compared." }
      : {}),
  });
  const runner = createJobRunner({
    store,
    learnedTimes,
    client,
    media,
    log,
    pollIntervalMs: env.POLL_INTERVAL_MS,
    leaseMs: env.JOB_LEASE_MS,
    pollMaxGapMs: env.POLL_MAX_GAP_MS,
    // The documented 10 s loop is in the provider's time: on the simulator, in its scaled time.
    pollBudgetLoopMs: env.POLL_BUDGET_LOOP_MS ?? Math.round(10_000 * (provider === "simulator" ? (env.SIMULATOR_TIME_SCALE ?? DEFAULT_TIME_SCALE) : 1)),
    concurrency: env.POLL_CONCURRENCY,
    downloadTimeoutMs: 120_000,
    resultOrigin: new URL(baseUrl).origin,
    ffmpeg,
    archiveRetryBaseMs: env.ARCHIVE_RETRY_BASE_MS,
    priceOf: catalogue.priceOf,
    checkSettleMs: env.CHECK_SETTLE_MS ?? Math.round(120_000 * (provider === "simulator" ? (env.SIMULATOR_TIME_SCALE ?? DEFAULT_TIME_SCALE) : 1)),
  });
  const insights = createInsightQueries(db);
  const currency: DisplayCurrency = { code: env.CURRENCY, perUsd: env.CURRENCY_PER_USD ?? 1 };
  const reelQueue = createReelQueue({ ...stores, media, ffmpeg, log, leaseMs: env.JOB_LEASE_MS });
  const readiness = createReadiness([databaseProbe(db), mediaProbe(media)]);
  const app = createApp({
    ...stores,
    learnedTimes,
    media,
    client,
    runner,
    provider,
    deadlineMs: env.JOB_DEADLINE_MINUTES * 60_000,
    log,
    staticDir: env.STATIC_DIR ? resolve(env.STATIC_DIR) : null,
    auth,
    origins,
    ...(options.now ? { now: options.now } : {}),
    db,
    priceTable: parsePriceTable(env.PRICE_TABLE),
    limits,
    catalogue,
    reconciler,
    insights,
    currency,
    availability: createModelAvailability(env.MODELS_ENABLED ?? null),
    budgets: { monthlyPerUserUsd: env.BUDGET_MONTHLY_PER_USER_USD, monthlyStudioUsd: env.BUDGET_MONTHLY_STUDIO_USD, currency },
    reelQueue,
    readiness,
  });
  await sweepOrphans(media, store, log);
  decodeSlots.setLimit(env.IMAGE_DECODE_CONCURRENCY, env.IMAGE_DECODE_BUDGET_MP);
  void cleanLegacyUploads({ uploads, media }, log, () => db.open);
  await runner.start();
  await reelQueue.start();
  catalogue.start();
  reconciler.start();
  insights.start();

  // Handlers in flight: a create waiting on the upstream must get to record its upstream id
  // before the database closes, even after its client has gone.
  let handlersInFlight = 0;
  const countedFetch = async (request: Request, ...rest: unknown[]) => {
    handlersInFlight++;
    try {
      return await app.fetch(request, ...(rest as []));
    } finally {
      handlersInFlight--;
    }
  };

  let server: ServerType | null = null;
  let url = "";
  if (options.listen !== false) {
    const started = await new Promise<{ server: ServerType; port: number }>((resolvePort, reject) => {
      const s = serve({ fetch: countedFetch, hostname: env.HOST, port: env.PORT }, (info) => resolvePort({ server: s, port: info.port }));
      s.once("error", reject);
    });
    server = started.server;
    origins.listeningOn(started.port);
    const host = env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST;
    url = `http://${host}:${started.port}`;
  }

  return {
    url,
    provider,
    simulator,
    app,
    runner,
    /**
     * Graceful: stop polling, stop accepting, let in-flight requests finish (idle keep-alive
     * connections are closed at once, busy ones get up to 10 s), then close the database.
     * Unfinished jobs stay in the database and resume at the next start.
     */
    async close() {
      // Not ready from the first moment, so a proxy asking on an open connection looks elsewhere;
      // with SHUTDOWN_DRAIN_MS, requests are still answered that long while the proxy notices.
      readiness.shutDown();
      if (env.SHUTDOWN_DRAIN_MS > 0) await new Promise((resolveDrain) => setTimeout(resolveDrain, env.SHUTDOWN_DRAIN_MS));
      // Polling stops first, so a stopping studio starts no new upstream call.
      catalogue.stop();
      const reconcilerStopped = reconciler.stop();
      insights.stop();
      const runnerStopped = runner.stop();
      if (server) {
        const s = server as HttpServer;
        const closed = new Promise<void>((done) => s.close(() => done()));
        s.closeIdleConnections?.();
        const force = setTimeout(() => s.closeAllConnections?.(), 10_000);
        await closed;
        clearTimeout(force);
      }
      // A create may retry for up to three timeouts; wait that long at most.
      const until = Date.now() + env.UPSTREAM_TIMEOUT_MS * 3 + 15_000;
      while (handlersInFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      await runnerStopped;
      // Takes being sent stayed this replica's until their creates answered (above).
      await runner.releaseLeases();
      await reconcilerStopped;
      await reelQueue.stop();
      await simulator?.close();
      await sharedChanges.close();
      await db.close();
    },
  };
}
