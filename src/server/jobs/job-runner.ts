import type { Logger } from "pino";
import type { ModelId } from "../../shared/models";
import { ERROR_CODES, type ErrorCode } from "../../shared/api-error";
import type { TakesStore } from "../store/takes-store";
import type { UpstreamClient } from "../upstream/aimlapi-client";
import { describeTaskFailure } from "../upstream/failure-messages";
import type { PollReply } from "../upstream/parse-reply";
import { UpstreamError } from "../upstream/upstream-error";
import type { MediaStore } from "../media/media-store";
import type { TakeCharge, TakeRecord } from "../takes/take";
import { ArchiveError, archiveVideo } from "./archive-video";
import { backoffMs } from "./backoff";
import { startLeaseKeeper } from "./lease-keeper";
import { LeaseLostError } from "../store/leases";
import type { CompletionTimes } from "../../shared/completion-times";
import type { LearnedTimes } from "./learned-times";
import { nextPollDelay, planPolls, type PollPlan } from "./poll-plan";
import { outcomeUnknownMessage } from "./create-verdict";
import { createPacer, findRequest, LOGS_CALL_GAP_MS } from "./request-lookup";

export type JobRunnerOptions = {
  store: TakesStore;
  client: UpstreamClient;
  media: MediaStore;
  log: Logger;
  pollIntervalMs: number;
  /** The longest gap a learned poll plan may leave (POLL_MAX_GAP_MS). */
  pollMaxGapMs: number;
  /** The fixed loop whose GETs make a job's poll budget (POLL_BUDGET_LOOP_MS). */
  pollBudgetLoopMs: number;
  /** How long takes of each kind have taken; the plans are made from it. */
  learnedTimes: LearnedTimes;
  concurrency: number;
  downloadTimeoutMs: number;
  /** The upstream's origin, the one place result URLs may be fetched from without the URL guard. */
  resultOrigin: string;
  /** The ffmpeg that checks archived videos; default: the one picked at start-up. */
  ffmpeg?: string;
  /** First gap before re-trying a failed archive; doubles per attempt up to 30 s. */
  archiveRetryBaseMs: number;
  /** How long after an ambiguous create the usage log must show nothing before the take fails as never received (CHECK_SETTLE_MS). */
  checkSettleMs: number;
  /** The catalogue's price of a take, kept as an estimate for a completed take whose charge was never reported. */
  priceOf?: (model: ModelId, durationSeconds: number) => number | null;
  /** The least gap between two calls to the usage log (its documented limit is 200 a minute). */
  logsCallGapMs?: number;
  /** How long a lease on a take lasts (JOB_LEASE_MS): renewed at a third of it, taken over by another replica once it lapses. */
  leaseMs?: number;
  now?: () => number;
};

type Slot = { dueAt: number; errors: number; archiveAttempts: number };

const NOT_FOUND_STRIKES = 3;
/** Failed reads of the usage log (other than 429) before a checking take falls back to "outcome unknown". */
const LOG_READ_ATTEMPTS = 3;
const MAX_ARCHIVE_ATTEMPTS = 6;

/**
 * The BFF's background poller: every unfinished job is polled here, never by the browser,
 * so jobs finish with no tab open and after a restart. One in-memory slot per job; the
 * database row is the truth.
 */
export function createJobRunner(options: JobRunnerOptions) {
  const { store, client, media, log } = options;
  const now = options.now ?? Date.now;
  const slots = new Map<string, Slot>();
  const inFlight = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  // A plan per learned curve: made again only when the curve is.
  const plans = new WeakMap<CompletionTimes, PollPlan>();
  const pace = createPacer(options.logsCallGapMs ?? LOGS_CALL_GAP_MS);
  // Stryker disable next-line MethodExpression,ArithmeticOperator: only how often due takes are looked for (every 25–250 ms), not what a step does
  const tickMs = Math.max(25, Math.min(250, Math.floor(options.pollIntervalMs / 4)));

  function schedule(id: string, delayMs: number, patch: Partial<Slot> = {}): void {
    // Stryker disable next-line ObjectLiteral: every reader of errors and archiveAttempts reads a missing one as 0
    const slot = slots.get(id) ?? { dueAt: 0, errors: 0, archiveAttempts: 0 };
    slots.set(id, { ...slot, ...patch, dueAt: now() + delayMs });
  }

  // Stryker disable next-line BlockStatement: tick() parked the slot at an infinite due time before the step, so a slot left behind is never stepped again; only memory differs
  function finish(id: string): void {
    slots.delete(id);
  }

  async function fail(row: TakeRecord, code: ErrorCode, message: string, detail: string | null = null): Promise<void> {
    await store.markFailed(row.id, { code, message, detail });
    log.info({ generationId: row.id, code }, "generation failed");
    finish(row.id);
  }

  async function archive(row: TakeRecord, url: string): Promise<void> {
    const slot = slots.get(row.id);
    // Stryker disable next-line OptionalChaining: archive() runs only inside step(), which tick() calls for a take with a slot
    const attempt = (slot?.archiveAttempts ?? 0) + 1;
    try {
      const video = await archiveVideo(media, url, row.id, {
        timeoutMs: options.downloadTimeoutMs,
        trustedOrigin: options.resultOrigin,
        ffmpeg: options.ffmpeg,
      });
      await store.markCompleted(row.id, video, options.priceOf?.(row.model, row.duration) ?? null);
      // Takes like this one are planned again from the next poll on, with this take learned.
      options.learnedTimes.forget(row.model, row.duration);
      log.info({ generationId: row.id, bytes: video.bytes, width: video.width, height: video.height }, "generation archived and completed");
      finish(row.id);
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      // The low-level reason (addresses, ffmpeg's words) goes to the log; the take says it in words.
      const reason = error instanceof Error ? error.message : String(error);
      const archiveError = error instanceof ArchiveError ? error : null;
      if (attempt >= MAX_ARCHIVE_ATTEMPTS || archiveError?.permanent) {
        log.warn({ generationId: row.id, attempt, reason }, "archive failed; giving up");
        const detail = archiveError?.userDetail ?? "The provider's result could not be downloaded.";
        await fail(row, ERROR_CODES.archiveFailed, "The video was made but could not be saved to the studio. Generate it again.", detail);
        return;
      }
      log.warn({ generationId: row.id, attempt, reason }, "archive failed; retrying");
      schedule(row.id, backoffMs(attempt, options.archiveRetryBaseMs, 30_000), { archiveAttempts: attempt });
    }
  }

  async function applyReply(row: TakeRecord, reply: PollReply & { charge?: TakeCharge }): Promise<void> {
    const tokens = reply.tokensUsed ?? row.tokensUsed;
    switch (reply.state) {
      case "failed": {
        const failure = reply.failure ?? { reason: null, message: `The provider reported "${reply.rawStatus}".` };
        const { code, message } = describeTaskFailure(failure);
        await store.update(row.id, { upstreamStatus: reply.rawStatus, tokensUsed: tokens, finishedAt: row.finishedAt ?? now(), charge: reply.charge });
        await fail(row, code, message, failure.message);
        return;
      }
      case "completed": {
        if (!reply.videoUrl) {
          log.warn({ generationId: row.id }, "upstream says completed but sent no video URL; polling again");
          schedule(row.id, options.pollIntervalMs);
          return;
        }
        // "finishing" until the file is archived and checked: completed only once it is safe.
        const updated = await store.update(row.id, {
          status: "finishing",
          finishedAt: row.finishedAt ?? now(),
          upstreamStatus: reply.rawStatus,
          resultUrl: reply.videoUrl,
          tokensUsed: tokens,
          charge: reply.charge,
        });
        await archive(updated, reply.videoUrl);
        return;
      }
      case "unknown":
        log.warn({ generationId: row.id, status: reply.rawStatus }, "unknown upstream status; polling until the deadline");
        await store.update(row.id, { upstreamStatus: reply.rawStatus });
        schedule(row.id, options.pollIntervalMs);
        return;
      default:
        await store.update(row.id, {
          status: reply.state,
          upstreamStatus: reply.rawStatus,
          tokensUsed: tokens,
          charge: reply.charge,
          pendingSeenAt: now(),
          ...(reply.state === "generating" && row.startedAt === null ? { startedAt: now() } : {}),
        });
        schedule(row.id, await pollDelay(row), { errors: 0 });
    }
  }

  /** The poll plan (poll-plan.ts) for takes of this kind, from what has been learned of them. */
  async function pollDelay(row: TakeRecord): Promise<number> {
    const times = await options.learnedTimes.get(row.model, row.duration);
    let plan = plans.get(times);
    if (!plan) {
      plan = planPolls(times, { maxGapMs: options.pollMaxGapMs, budgetLoopMs: options.pollBudgetLoopMs });
      plans.set(times, plan);
    }
    // Stryker disable next-line ArithmeticOperator,LogicalOperator: only when the next poll goes out
    const elapsedMs = now() - (row.submittedAt ?? row.createdAt);
    return nextPollDelay(plan, elapsedMs, options.pollIntervalMs);
  }

  /** The take's fallback when the usage log cannot settle it: today's "may have been charged" message. */
  function unknownOutcome(row: TakeRecord, why: string): Promise<void> {
    // Stryker disable next-line StringLiteral,LogicalOperator: only the words of an ambiguity recorded before migration 10 had a reason
    return fail(row, ERROR_CODES.outcomeUnknown, outcomeUnknownMessage(row.checkReason ?? "gave no clear answer"), why);
  }

  /**
   * An ambiguous create, looked up in the provider's usage log by its client request id (the
   * take's id): found, the generation is tracked as if the create had answered; absent once
   * the log has had `checkSettleMs` to show it, the take never arrived and fails, uncharged,
   * with Retry safe; unreadable, it falls back to "outcome unknown".
   */
  async function checkLog(row: TakeRecord): Promise<void> {
    let result;
    try {
      result = await findRequest(client, row.id, row.createdAt, now(), pace);
    } catch (error) {
      // Stryker disable next-line OptionalChaining: checkLog runs only inside step(), for a take with a slot
      const errors = (slots.get(row.id)?.errors ?? 0) + 1;
      const upstream = error instanceof UpstreamError ? error : null;
      const reason = error instanceof Error ? error.message : String(error);
      const noAccess = upstream?.httpStatus === 401 || upstream?.httpStatus === 403 || upstream?.httpStatus === 404;
      const limited = upstream?.httpStatus === 429;
      log.warn({ generationId: row.id, errors, status: upstream?.httpStatus, reason }, "usage log not read");
      if (noAccess || (!limited && errors >= LOG_READ_ATTEMPTS) || now() > row.deadlineAt) {
        return unknownOutcome(row, `Its usage log could not be read either (${upstream?.httpStatus ? `HTTP ${upstream.httpStatus}` : "no answer"}).`);
      }
      schedule(row.id, backoffMs(errors, options.pollIntervalMs, 60_000, upstream?.retryAfterMs ?? null), { errors });
      return;
    }
    if (result.kind === "too_busy") return unknownOutcome(row, "Its usage log held too many requests around that time to find this one.");
    if (result.kind === "found") {
      const { inferenceId, status, credits, usd } = result.row;
      if (inferenceId) {
        log.info({ generationId: row.id, upstreamId: inferenceId }, "ambiguous create found in the usage log; tracking it");
        await store.markAccepted(row.id, inferenceId, "queued", null, { inferenceId, credits, usd });
        schedule(row.id, 0, { errors: 0 });
        return;
      }
      if (status === "failed") {
        return fail(row, ERROR_CODES.generationFailed, "The AI/ML API received this take and refused it (its usage log says the request failed), so nothing was charged. Retry it.");
      }
      return unknownOutcome(row, "Its usage log shows the request but not the generation it started.");
    }
    const waited = now() - row.createdAt;
    if (waited >= options.checkSettleMs) {
      log.info({ generationId: row.id, waitedMs: waited }, "ambiguous create absent from the usage log; never received");
      return fail(
        row,
        ERROR_CODES.notReceived,
        "This take never reached the AI/ML API: its usage log has no request from it, so nothing was charged. Retry is safe.",
        // Stryker disable next-line StringLiteral,LogicalOperator: only the words of an ambiguity recorded before migration 10 had a reason
        `The create ${row.checkReason ?? "gave no clear answer"}; the usage log was read for ${Math.round(waited / 1000)} s.`,
      );
    }
    schedule(row.id, Math.min(options.pollIntervalMs, options.checkSettleMs - waited), { errors: 0 });
  }

  async function step(id: string): Promise<void> {
    const row = await store.get(id);
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: no settled or deleted take has a slot: fail() and a completed archive drop it, start() takes only unfinished ones, a running take can't be deleted
    if (!row || row.status === "completed" || row.status === "failed") return finish(id);
    if (row.status === "checking") return checkLog(row);
    // A finishing take is bounded by its archive attempts, not the deadline: the video is
    // made and paid for, and its signed URL stays valid for a day.
    if (row.resultUrl) return archive(row, row.resultUrl);
    // Stryker disable next-line EqualityOperator: a step on the deadline's very millisecond may go either way
    if (now() > row.deadlineAt) {
      const minutes = Math.round((row.deadlineAt - row.createdAt) / 60_000);
      const detail = row.upstreamStatus ? `The provider last reported "${row.upstreamStatus}".` : "The provider never reported progress.";
      return fail(row, ERROR_CODES.deadlineExceeded, `The provider did not finish this take within ${minutes} minutes, so Dailies gave up on it. Try again.`, detail);
    }
    // Stryker disable next-line ConditionalExpression: every stepped take has its upstream id: track() follows markAccepted, and start() fails the half-sent ones
    if (!row.upstreamId) return finish(id);
    try {
      // The poll that would fail the take on a third 404 asks the other URL family too (AIMLAPI_ENDPOINTS changed since it was sent).
      // Stryker disable next-line OptionalChaining: step() runs only for a take with a slot (tick() found it)
      const lastChance = (slots.get(id)?.errors ?? 0) + 1 >= NOT_FOUND_STRIKES;
      const reply = await client.poll(row.upstreamId, { otherFamilyOn404: lastChance });
      await applyReply(await store.update(id, { pollCount: row.pollCount + 1 }), reply);
    } catch (error) {
      if (error instanceof LeaseLostError) throw error;
      // One bad reply never changes a job's state: back off and ask again until the deadline.
      // A 404 only counts once it repeats: a gateway hiccup must not lose a paid take.
      // Stryker disable next-line OptionalChaining: step() runs only for a take with a slot (tick() found it)
      const errors = (slots.get(id)?.errors ?? 0) + 1;
      if (error instanceof UpstreamError && error.httpStatus === 404 && errors >= NOT_FOUND_STRIKES) {
        return fail(row, ERROR_CODES.generationFailed, "The provider no longer knows this take. Generate it again.", error.detail);
      }
      const retryAfter = error instanceof UpstreamError ? error.retryAfterMs : null;
      log.warn({ generationId: id, errors, err: error instanceof Error ? error.message : String(error) }, "poll failed; backing off");
      schedule(id, backoffMs(errors, options.pollIntervalMs, 60_000, retryAfter), { errors });
    }
  }

  function tick(): void {
    // Stryker disable next-line EqualityOperator: a take due this very millisecond goes at the next tick instead
    const due = [...slots.entries()].filter(([id, slot]) => slot.dueAt <= now() && !inFlight.has(id));
    // Stryker disable next-line MethodExpression,ArithmeticOperator,ArrowFunction: only which due takes go first when more are due than POLL_CONCURRENCY; the rest go at a later tick
    due.sort((a, b) => a[1].dueAt - b[1].dueAt);
    for (const [id] of due.slice(0, Math.max(0, options.concurrency - inFlight.size))) {
      inFlight.add(id);
      // Parked until step() reschedules it, so a slow call never runs twice at once.
      const slot = slots.get(id);
      // Stryker disable next-line ConditionalExpression: the slot was just listed, and a take under way is also kept out by inFlight (above)
      if (slot) slot.dueAt = Number.POSITIVE_INFINITY;
      step(id)
        .catch((error: unknown) => {
          if (error instanceof LeaseLostError) {
            log.info({ generationId: id }, "another replica holds this take now; no longer polled here");
            return finish(id);
          }
          log.error({ generationId: id, err: error instanceof Error ? error.message : String(error) }, "job step crashed; retrying later");
          schedule(id, options.pollIntervalMs);
        })
        .finally(() => inFlight.delete(id));
    }
  }

  /** Takes this replica has just been leased: after its own restart, or another replica's death. */
  async function adopt(claimed: readonly TakeRecord[]): Promise<void> {
    for (const row of claimed) {
      if (slots.has(row.id)) continue;
      if (row.status === "checking") {
        // Its create ended ambiguously before the stop: reading the usage log goes on.
        schedule(row.id, 0);
        continue;
      }
      if (row.submitState === "pending") {
        // The create may or may not have reached the provider; sending it again could
        // charge twice, so it is failed with an explanation instead.
        await fail(
          row,
          ERROR_CODES.submitInterrupted,
          "Dailies stopped while sending this take, so it may not have reached the provider. Check your provider dashboard before generating it again.",
        );
        continue;
      }
      schedule(row.id, 0);
    }
  }

  let leases: { stop(): Promise<void> } | null = null;

  return {
    /** Claims every unfinished job no live replica holds: the restart path, and a dead replica's takes later on. */
    async start(): Promise<void> {
      await adopt(await store.claimUnfinished("restart"));
      timer ??= setInterval(tick, tickMs);
      timer.unref();
      // A take whose lease another replica took (this one stalled past it) is dropped, so no
      // take is polled by two replicas; its writes would be refused anyway (LeaseLostError).
      leases ??= startLeaseKeeper({
        leaseMs: options.leaseMs ?? 30_000,
        renew: () => store.renewLeases(),
        kept: (held) => {
          for (const id of slots.keys()) if (!held.has(id) && !inFlight.has(id)) finish(id);
        },
        claimLapsed: () => store.claimUnfinished("lapsed"),
        adopt,
        log,
        what: "job",
      });
    },
    /** Starts reading the usage log for a take whose create ended ambiguously (send-take.ts). */
    async check(id: string): Promise<void> {
      schedule(id, 0);
    },
    async track(id: string, delayMs?: number): Promise<void> {
      const row = await store.get(id);
      schedule(id, delayMs ?? (row ? await pollDelay(row) : options.pollIntervalMs));
    },
    /**
     * Keeps the leases no longer: once the studio's handlers are done (a take being sent stays
     * this replica's until its create has answered), before the database closes.
     */
    async releaseLeases(): Promise<void> {
      await leases?.stop();
      leases = null;
    },
    /** Stops polling and waits (bounded) for calls already under way, so nothing writes after. */
    async stop(): Promise<void> {
      // Stryker disable next-line ConditionalExpression: clearInterval(null) does nothing
      if (timer) clearInterval(timer);
      timer = null;
      const until = Date.now() + 10_000;
      while (inFlight.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
