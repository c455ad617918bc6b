import { z } from "zod";

/**
 * Per-run fault injection, for chaos tests of a client (off unless configured). Endpoints:
 * `create` = POST generation, `poll` = GET generation, `result` = GET of a result file URL,
 * `logs` = GET /v2/logs, `usage` = GET /v2/usage.
 * Each endpoint has a list of rules; on every call the rules are tried in order and the
 * first whose trigger fires applies. A trigger is exactly one of:
 *
 *   {"rate": 0.2}            a seeded coin flip per call (see `seed`)
 *   {"calls": [1, 3]}        exactly those calls (1-based)
 *   {"from": 2, "to": 4}     a range of calls; either end may be left out
 *   {"every": 5}             calls 5, 10, 15, …
 *
 * Calls are counted per endpoint, or per generation id with `"perJob": true` (poll and
 * result only), so "the 2nd poll of every job" is `{"perJob": true, "calls": [2]}`. A rate
 * decision depends only on seed, endpoint, rule index and call number (with perJob: the
 * job's call number and its order of first appearance on that endpoint, not its random
 * id), never on how calls to other endpoints interleave.
 *
 * Kinds: all endpoints `http` (`status`, optional `retryAfter` seconds), `reset`, `hang`,
 * `trickle` (`durationMs`); create and poll `malformed-json`, `wrong-shape` (`shape`),
 * `unknown-status` (`status`, default "mystery"); create only `job-error` (`reason`) and the
 * `*-after-create` kinds; result only `truncated` (`fraction`, default 0.5); logs and usage
 * only `http`, `reset` and `hang`, for a key whose logs or totals cannot be read.
 *
 * Whether a create job exists after a fault (the client's "never double-charge" rule):
 * - `http`, `reset`, `hang` answer before the request is processed: NO job is created.
 * - `http-after-create`, `reset-after-create`, `hang-after-create` create the job (it counts
 *   in `creates` and runs to completion) and then fail the reply: the ambiguous case where
 *   a client cannot know the id of a job it is being charged for.
 * - `trickle`, `malformed-json`, `wrong-shape`, `unknown-status` mangle a successful
 *   reply, so the job exists too; `job-error` replies normally and dooms the job to `error`.
 * A fault that needs a successful reply (all but the first group) is skipped when the real
 * reply is an error (a 400 create, a 404 poll), and then is not counted as a fault.
 */
export const FAULT_ENDPOINTS = ["create", "poll", "result", "logs", "usage"] as const;
export type FaultEndpoint = (typeof FAULT_ENDPOINTS)[number];

const SEED_MAX = 2 ** 32 - 1;
/** Runway's failure codes (see the contract's "Failure reasons"), with optional sub-codes. */
const FAILURE_REASON = /^(SAFETY\.(INPUT|OUTPUT)(\.[A-Z0-9_]+)*|INTERNAL\.BAD_OUTPUT(\.[A-Z0-9_]+)*|ASSET\.INVALID|INTERNAL)$/;

const callNumber = z.int().min(1);
const trigger = {
  rate: z.number().min(0).max(1).optional(),
  calls: z.array(callNumber).min(1).optional(),
  from: callNumber.optional(),
  to: callNumber.optional(),
  every: callNumber.optional(),
  perJob: z.boolean().optional(),
};

function rule<const Kind extends string, Shape extends z.ZodRawShape>(kind: Kind, shape: Shape) {
  return z.strictObject({ kind: z.literal(kind), ...shape, ...trigger });
}

const http = rule("http", {
  status: z.literal([403, 404, 429, 500, 502, 503, 504], { error: "status must be 403, 404, 429, 500, 502, 503 or 504" }),
  /** Seconds for a `Retry-After` header; no header when left out. */
  retryAfter: z.int().min(0).max(86_400).optional(),
});
const reset = rule("reset", {});
const hang = rule("hang", {});
const trickle = rule("trickle", {
  /** The body is spread evenly over this long. */
  durationMs: z.int().min(1).max(600_000),
  /** At least this many bytes per write (default 1); writes stay ≥ 10 ms apart, so big bodies go in bigger chunks. */
  chunkBytes: z.int().min(1).optional(),
});
const malformedJson = rule("malformed-json", {});
const wrongShape = rule("wrong-shape", {
  /** `array`: `[reply]`; `data` (default): `{"data": reply}`; `empty`: `{}`. */
  shape: z.enum(["array", "data", "empty"]).optional(),
});
const unknownStatus = rule("unknown-status", { status: z.string().regex(/^[A-Za-z0-9_-]+$/).optional() });
const jobError = rule("job-error", {
  reason: z.string().regex(FAILURE_REASON, {
    error: "reason must be SAFETY.INPUT[.*], SAFETY.OUTPUT[.*], INTERNAL.BAD_OUTPUT[.*], ASSET.INVALID or INTERNAL",
  }),
});
const httpAfterCreate = rule("http-after-create", {
  status: z.literal([500, 502, 503, 504], { error: "status must be 500, 502, 503 or 504" }),
  retryAfter: z.int().min(0).max(86_400).optional(),
});
const resetAfterCreate = rule("reset-after-create", {});
const hangAfterCreate = rule("hang-after-create", {});
const truncated = rule("truncated", {
  /** Share of the body sent before the connection is closed; default 0.5. */
  fraction: z.number().gt(0).lt(1).optional(),
});

type TriggerFields = { [Key in keyof typeof trigger]?: unknown };

function checkTrigger(endpoint: FaultEndpoint) {
  return (rule: TriggerFields, check: z.RefinementCtx) => {
    const given = [rule.rate, rule.calls, rule.every, rule.from ?? rule.to].filter((value) => value !== undefined);
    if (given.length !== 1) check.addIssue({ code: "custom", message: "give exactly one trigger: rate, calls, from/to or every" });
    if (typeof rule.from === "number" && typeof rule.to === "number" && rule.to < rule.from) {
      check.addIssue({ code: "custom", path: ["to"], message: "to must be ≥ from" });
    }
    if (rule.perJob && (endpoint === "create" || endpoint === "logs" || endpoint === "usage")) {
      check.addIssue({ code: "custom", path: ["perJob"], message: "perJob needs a generation id: poll and result only" });
    }
  };
}

function kindError(endpoint: FaultEndpoint, kinds: { shape: { kind: z.ZodLiteral<string> } }[]) {
  return { error: `kind must be one of ${kinds.map((kind) => kind.shape.kind.value).join(", ")} on ${endpoint}` };
}

const createKinds = [
  http,
  reset,
  hang,
  httpAfterCreate,
  resetAfterCreate,
  hangAfterCreate,
  trickle,
  malformedJson,
  wrongShape,
  unknownStatus,
  jobError,
] as const;
const pollKinds = [http, reset, hang, trickle, malformedJson, wrongShape, unknownStatus] as const;
const resultKinds = [http, reset, hang, trickle, truncated] as const;
const logsKinds = [http, reset, hang] as const;

export const faultsSchema = z.strictObject({
  /** Seeds the `rate` coin flips; default 0, so runs are reproducible either way. */
  seed: z.int().min(0).max(SEED_MAX).optional(),
  create: z
    .array(z.discriminatedUnion("kind", createKinds, kindError("create", [...createKinds])).superRefine(checkTrigger("create")))
    .optional(),
  poll: z
    .array(z.discriminatedUnion("kind", pollKinds, kindError("poll", [...pollKinds])).superRefine(checkTrigger("poll")))
    .optional(),
  result: z
    .array(z.discriminatedUnion("kind", resultKinds, kindError("result", [...resultKinds])).superRefine(checkTrigger("result")))
    .optional(),
  logs: z
    .array(z.discriminatedUnion("kind", logsKinds, kindError("logs", [...logsKinds])).superRefine(checkTrigger("logs")))
    .optional(),
  usage: z
    .array(z.discriminatedUnion("kind", logsKinds, kindError("usage", [...logsKinds])).superRefine(checkTrigger("usage")))
    .optional(),
});

/** What a caller writes (the `faults` option, or SIMULATOR_FAULTS as JSON). */
export type FaultsConfig = z.input<typeof faultsSchema>;
export type Faults = z.output<typeof faultsSchema>;
export type FaultRule = NonNullable<Faults[FaultEndpoint]>[number];

/** Validates a fault config, throwing one readable message that lists every problem. */
export function parseFaults(input: unknown, source = "faults"): Faults {
  const parsed = faultsSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid ${source}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Parses SIMULATOR_FAULTS-style JSON; empty or missing text means no faults. */
export function parseFaultsJson(text: string | undefined, source = "SIMULATOR_FAULTS"): Faults | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`Invalid ${source}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseFaults(value, source);
}

/** The key a fault is counted under in stats: the kind, plus the detail that tells faults of one kind apart. */
export function faultLabel(rule: FaultRule): string {
  if (rule.kind === "http" || rule.kind === "http-after-create") return `${rule.kind}:${rule.status}`;
  if (rule.kind === "job-error") return `${rule.kind}:${rule.reason}`;
  return rule.kind;
}
