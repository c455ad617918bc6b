import { MODEL_IDS, type ModelId } from "../shared/models";
import { availableParallelism } from "node:os";
import { z } from "zod";
import { renderModeSetting } from "../simulator/render-mode";
import { mediaStoreSetting } from "./media/media-store-setting";

const httpUrl = z
  .string()
  .url("must be an http(s) URL")
  .refine((v) => /^https?:\/\//i.test(v), "must start with http:// or https://")
  .transform((v) => v.replace(/\/+$/, ""));

/** Unset (or empty) stays undefined, so "not set" and an explicit 0 ("no limit") differ. */
const limit = z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).optional());

/** `PUBLIC_ORIGIN`: comma-separated full origins (scheme, host, port), nothing after them. */
const publicOrigins = z
  .string()
  .default("")
  .transform((raw, ctx) => {
    const origins: string[] = [];
    for (const entry of raw.split(",").map((s) => s.trim()).filter(Boolean)) {
      let url: URL | null = null;
      try {
        url = new URL(entry);
      } catch {
        url = null;
      }
      if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search || url.hash || url.username) {
        ctx.addIssue({ code: "custom", message: `"${entry}" is not an origin like https://dailies.studio.internal (scheme, host and port only)` });
        return z.NEVER;
      }
      origins.push(url.origin);
    }
    return origins;
  });

const envSchema = z.object({
  AIMLAPI_KEY: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined)),
  AIMLAPI_BASE_URL: httpUrl.default("https://api.aimlapi.com"),
  /** Which of the AI/ML API's URL families creates and polls go to: "vendor" (`/v2/generate/video/runway/generation`) or "universal" (`/v2/video/generations`). */
  AIMLAPI_ENDPOINTS: z.enum(["vendor", "universal"], { error: 'AIMLAPI_ENDPOINTS must be "vendor" or "universal"' }).default("vendor"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Jobs still unfinished after this long fail with a clear reason. */
  JOB_DEADLINE_MINUTES: z.coerce.number().positive().default(15),
  /** Base gap between upstream polls of one job; Runway updates a task at most every ~5 s. */
  POLL_INTERVAL_MS: z.coerce.number().int().min(50).default(5000),
  /** The longest gap a learned poll plan may leave between two polls of one job (src/server/jobs/poll-plan.ts). */
  POLL_MAX_GAP_MS: z.coerce.number().int().min(50).default(60_000),
  /** The fixed loop whose GETs on the same takes make a job's poll budget: the AI/ML API's documented 10 s (× SIMULATOR_TIME_SCALE on the simulator). */
  POLL_BUDGET_LOOP_MS: z.coerce.number().int().min(50).optional(),
  POLL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /**
   * How long the provider's usage log must show no request from a take whose create ended
   * ambiguously before it fails as never received, nothing charged (× SIMULATOR_TIME_SCALE on
   * the simulator). Until then the take is "checking".
   */
  CHECK_SETTLE_MS: z.coerce.number().int().min(0).optional(),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** On SIGTERM, how long /api/ready answers 503 while requests are still served, before the server stops taking them: a proxy's health-check interval or more behind a load balancer; 0 on one machine. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  SIMULATOR_TIME_SCALE: z.coerce.number().positive().optional(),
  /** Simulator only: "motion" (a push-in, the default) or "still" (the frame held; the test runs use it). */
  SIMULATOR_RENDER: renderModeSetting,
  /** Simulator only: how job durations spread around each model's median, JSON or "fixed" (see src/simulator/timing.ts). */
  SIMULATOR_TIMING: z.string().optional(),
  /** Simulator only: models it refuses as retired, comma-separated as the vendor URL spells them (e.g. `gen3a_turbo`), to try a model going away. */
  SIMULATOR_RETIRED_MODELS: z.string().optional(),
  /** Simulator only: "both" URL families (the default) or "universal" alone, to try the day the vendor URL is switched off. */
  SIMULATOR_ENDPOINTS: z.enum(["both", "universal"], { error: 'SIMULATOR_ENDPOINTS must be "both" or "universal"' }).default("both"),
  /** Simulator only: JSON fault rules (see src/simulator/faults-config.ts), for trying bad days by hand. */
  SIMULATOR_FAULTS: z.string().optional(),
  /** The ffmpeg that checks archived videos and cuts posters; default: the bundled one. */
  FFMPEG_PATH: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** First gap before re-trying a failed archive download; doubles per attempt (capped at 30 s). */
  ARCHIVE_RETRY_BASE_MS: z.coerce.number().int().min(10).default(1000),
  STATIC_DIR: z.string().default("./dist"),
  /** PostgreSQL (`postgres://user:password@host:5432/db`) instead of SQLite in the data folder: needed for several replicas. */
  DATABASE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .trim()
      .refine((v) => /^postgres(ql)?:\/\//.test(v), { error: "DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database (unset: SQLite in DATA_DIR)" })
      .optional(),
  ),
  /** The Postgres schema Dailies keeps its tables in (created if missing); ignored on SQLite. */
  DATABASE_SCHEMA: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, { error: "DATABASE_SCHEMA must be a lower-case name of letters, digits and _ (e.g. dailies)" })
      .default("public"),
  ),
  /** This replica's name among several on one database (default: host name and process id); a stable one lets a restarted replica resume its own takes at once. */
  REPLICA_ID: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).max(100).optional()),
  /** How long a replica's lease on an unfinished take lasts without renewal before another replica takes the take over. */
  JOB_LEASE_MS: z.coerce.number().int().min(300).max(600_000).default(30_000),
  /** Where media is kept: the data folder (unset or `local`), or `s3://bucket/optional/prefix`. */
  MEDIA_STORE: mediaStoreSetting,
  /** An S3-compatible store's URL (MinIO, R2, …); unset: AWS itself. */
  S3_ENDPOINT: z.preprocess((v) => (v === "" ? undefined : v), httpUrl.optional()),
  S3_REGION: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).default("us-east-1")),
  /** Bucket in the path rather than the host name; default: true when S3_ENDPOINT is set. */
  S3_FORCE_PATH_STYLE: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["true", "false"], { error: 'S3_FORCE_PATH_STYLE must be "true" or "false"' }).transform((v) => v === "true").optional(),
  ),
  /** Unset: the AWS SDK's usual chain (its other variables, profiles, instance roles). */
  AWS_ACCESS_KEY_ID: z.string().trim().optional().transform((v) => (v ? v : undefined)),
  AWS_SECRET_ACCESS_KEY: z.string().trim().optional().transform((v) => (v ? v : undefined)),
  /** Media on S3 streamed through the BFF with Range ("proxy"), or a 302 to a short-lived presigned URL after the same checks. */
  MEDIA_REDIRECT: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["proxy", "presigned"], { error: 'MEDIA_REDIRECT must be "proxy" or "presigned"' }).default("proxy")),
  MEDIA_PRESIGN_SECONDS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number({ error: "MEDIA_PRESIGN_SECONDS must be a whole number of seconds" }).int().min(10).max(604_800, "MEDIA_PRESIGN_SECONDS can be at most 604800 (7 days, S3's limit)").default(300),
  ),
  /** Uploaded images decoded at once; each decode holds a whole frame in memory. */
  IMAGE_DECODE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
  /** Megapixels of images decoding at once (16-bit counts double); one image over it still decodes, alone. */
  IMAGE_DECODE_BUDGET_MP: z.coerce.number().positive().max(1000).default(16),

  AUTH_MODE: z.enum(["none", "password", "proxy"]).optional(),
  STUDIO_PASSWORD: z.string().min(8, "use at least 8 characters").optional(),
  STUDIO_PASSWORD_HASH: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 7),
  /** A session unused for this long ends, whatever its absolute expiry. */
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
  /** Where browsers reach the studio; required off loopback (Host and Origin are checked against it). */
  PUBLIC_ORIGIN: publicOrigins,
  PROXY_USER_HEADER: z.string().min(1).default("X-Forwarded-Email"),
  TRUSTED_PROXIES: z.string().default(""),
  ADMINS: z.string().default(""),

  /** Cost control: 0 means no limit; unset means the default for the provider (see spendLimitsFor). */
  LIMIT_RUNNING_PER_USER: limit,
  LIMIT_RUNNING_STUDIO: limit,
  LIMIT_DAILY_PER_USER: limit,
  LIMIT_DAILY_STUDIO: limit,
  /** JSON: typical usage per model and duration before any has been learned, e.g. {"gen4_turbo":{"5":250000}}. */
  PRICE_TABLE: z.string().default(""),
  /** The models new takes may use, comma-separated (e.g. `gen4_turbo`); unset: all. Takes of the others stay in the gallery. */
  MODELS_ENABLED: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return undefined;
      const ids = v.split(",").map((s) => s.trim()).filter(Boolean);
      const unknown = ids.filter((id) => !(MODEL_IDS as readonly string[]).includes(id));
      if (unknown.length) ctx.addIssue({ code: "custom", message: `unknown model ${unknown.join(", ")}; use ${MODEL_IDS.join(", ")}` });
      return ids as ModelId[];
    }),
  /** Monthly budgets in USD of what the provider charged, per person and for the studio (UTC months); unset or 0: none. */
  BUDGET_MONTHLY_PER_USER_USD: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().min(0).default(0)),
  BUDGET_MONTHLY_STUDIO_USD: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().min(0).default(0)),
  /** The currency the studio reads money in (ISO 4217, e.g. EUR). The provider bills in USD: amounts are shown converted at CURRENCY_PER_USD. */
  CURRENCY: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim().toUpperCase() : undefined),
    z.string().refine(isCurrencyCode, { error: "CURRENCY must be an ISO 4217 code such as USD, EUR or GBP" }).default("USD"),
  ),
  /** How many units of CURRENCY one US dollar buys (e.g. 0.92 for EUR); required when CURRENCY is not USD. */
  CURRENCY_PER_USD: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().positive({ error: "CURRENCY_PER_USD must be a number above 0" }).optional()),
}).superRefine((env, check) => {
  if (env.MEDIA_REDIRECT === "presigned" && env.MEDIA_STORE.kind !== "s3") {
    check.addIssue({ code: "custom", path: ["MEDIA_REDIRECT"], message: "MEDIA_REDIRECT=presigned needs media on S3 (MEDIA_STORE=s3://bucket/prefix); the data folder is served through the BFF" });
  }
  if (env.MEDIA_STORE.kind === "s3" && !env.AWS_ACCESS_KEY_ID !== !env.AWS_SECRET_ACCESS_KEY) {
    check.addIssue({ code: "custom", path: [env.AWS_ACCESS_KEY_ID ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID"], message: "set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither (the AWS SDK's usual chain then finds credentials)" });
  }
  if (env.CURRENCY !== "USD" && env.CURRENCY_PER_USD === undefined) {
    check.addIssue({ code: "custom", path: ["CURRENCY_PER_USD"], message: `CURRENCY is ${env.CURRENCY}: set CURRENCY_PER_USD to how many ${env.CURRENCY} one US dollar buys (the provider bills in USD)` });
  }
  if (env.CURRENCY === "USD" && env.CURRENCY_PER_USD !== undefined && env.CURRENCY_PER_USD !== 1) {
    check.addIssue({ code: "custom", path: ["CURRENCY_PER_USD"], message: "CURRENCY_PER_USD must be 1 (or unset) while CURRENCY is USD" });
  }
});

function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf("currency").includes(code);
}

export type Env = z.infer<typeof envSchema>;

/** Parsed once at start-up; a bad value stops the server with the variable named. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}
