import type { Injection } from "./injection";
import type { SimModel } from "./models";

export type ReplyShape = "strings" | "object" | "objects";

export type Job = {
  id: string;
  model: SimModel;
  duration: number;
  createdAt: number;
  queuedMs: number;
  totalMs: number;
  injection: Injection;
  render: { state: "pending" } | { state: "done" } | { state: "failed"; message: string };
  /** Stands in for the signature of the vendor's signed result URL. */
  jwt: string;
};

type Outcome = { status: string; video: boolean; error: { name: string; message: string } | null };

/**
 * Status is derived from the clock on each poll rather than driven by timers, so there is
 * nothing to cancel on close. A job completes only when its timeline has run out AND its
 * MP4 exists: a client must never be handed a URL that 404s.
 */
export function outcomeAt(job: Job, now: number): Outcome {
  const { injection, render } = job;
  if (injection.kind === "status") return { status: injection.status, video: false, error: null };
  const elapsed = now - job.createdAt;
  if (elapsed < job.queuedMs) return { status: "queued", video: false, error: null };
  if (elapsed < job.totalMs) return { status: "generating", video: false, error: null };
  if (injection.kind === "error") {
    return { status: "error", video: false, error: { name: injection.name, message: injection.message } };
  }
  if (render.state === "failed") {
    return { status: "error", video: false, error: { name: "INTERNAL", message: render.message } };
  }
  if (render.state === "done") return { status: "completed", video: true, error: null };
  return { status: "generating", video: false, error: null };
}

function videoField(url: string, shape: ReplyShape) {
  if (shape === "object") return { url };
  if (shape === "objects") return [{ url }];
  return [url];
}

export function usageOf(job: Pick<Job, "model" | "duration">) {
  return { usage: { tokens_used: job.model.tokensUsed[job.duration] ?? 0 } };
}

export function pollReply(job: Job, now: number, origin: string, shape: ReplyShape) {
  const outcome = outcomeAt(job, now);
  const url = `${origin}/files/${job.id}.mp4?_jwt=${job.jwt}`;
  return {
    id: job.id,
    status: outcome.status,
    video: outcome.video ? videoField(url, shape) : null,
    error: outcome.error,
    meta: usageOf(job),
  };
}

export function universalUsageOf(job: Pick<Job, "model" | "duration">) {
  return { usage: { credits_used: job.model.tokensUsed[job.duration] ?? 0 } };
}

/** A poll on the universal URL: `video` is one object, usage is in credits. */
export function universalPollReply(job: Job, now: number, origin: string) {
  return { ...pollReply(job, now, origin, "object"), meta: universalUsageOf(job) };
}
