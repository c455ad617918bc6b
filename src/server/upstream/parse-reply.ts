/**
 * Tolerant readers for the AI/ML API's replies. The shapes have changed over time
 * (see shared/aimlapi-contract.md): `video` as strings, objects or one object; `error` as a
 * string, an object or a provider detail list; usage as tokens or credits. These never throw.
 */
export type UpstreamState = "queued" | "generating" | "completed" | "failed" | "unknown";

export type UpstreamFailure = { reason: string | null; message: string };

export type PollReply = {
  id: string | null;
  state: UpstreamState;
  rawStatus: string | null;
  videoUrl: string | null;
  failure: UpstreamFailure | null;
  tokensUsed: number | null;
};

const QUEUED = new Set(["queued", "waiting", "pending", "throttled"]);
const GENERATING = new Set(["generating", "active", "processing", "running", "in_progress"]);
const COMPLETED = new Set(["completed", "complete", "succeeded", "success"]);
const FAILED = new Set(["error", "failed", "failure", "cancelled", "canceled"]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function readState(status: unknown): UpstreamState {
  if (typeof status !== "string") return "unknown";
  const s = status.trim().toLowerCase();
  if (QUEUED.has(s)) return "queued";
  if (GENERATING.has(s)) return "generating";
  if (COMPLETED.has(s)) return "completed";
  if (FAILED.has(s)) return "failed";
  return "unknown";
}

function asUrl(v: unknown): string | null {
  if (typeof v === "string" && /^https?:\/\//i.test(v.trim())) return v.trim();
  if (isRecord(v)) return asUrl(v.url);
  return null;
}

export function readVideoUrl(video: unknown): string | null {
  if (Array.isArray(video)) {
    for (const item of video) {
      const url = asUrl(item);
      if (url) return url;
    }
    return null;
  }
  return asUrl(video);
}

function readDetailList(detail: unknown): string | null {
  if (!Array.isArray(detail)) return typeof detail === "string" ? detail : null;
  const parts = detail.map((d) => {
    if (!isRecord(d)) return String(d);
    const loc = Array.isArray(d.loc) ? d.loc.join(".") : null;
    const msg = typeof d.msg === "string" ? d.msg : typeof d.message === "string" ? d.message : JSON.stringify(d);
    return loc ? `${loc}: ${msg}` : msg;
  });
  return parts.length ? parts.join("; ") : null;
}

const REASON = /\b(SAFETY\.(?:INPUT|OUTPUT)(?:\.[A-Z0-9_]+)*|INTERNAL\.BAD_OUTPUT(?:\.[A-Z0-9_]+)*|ASSET\.INVALID|INTERNAL)\b/;

export function readFailure(error: unknown): UpstreamFailure | null {
  if (error === null || error === undefined || error === false || error === "") return null;
  if (typeof error === "string") return { reason: error.match(REASON)?.[1] ?? null, message: error };
  if (isRecord(error)) {
    const name = typeof error.name === "string" ? error.name : typeof error.code === "string" ? error.code : null;
    const text =
      (typeof error.message === "string" && error.message) ||
      readDetailList(error.detail) ||
      readDetailList(error.errors) ||
      name ||
      JSON.stringify(error);
    // Stryker disable next-line StringLiteral: any stand-in for a missing name holds no reason either
    const reason = (name ?? "").match(REASON)?.[1] ?? text.match(REASON)?.[1] ?? null;
    return { reason, message: text };
  }
  if (Array.isArray(error)) {
    const text = readDetailList(error);
    return text ? { reason: text.match(REASON)?.[1] ?? null, message: text } : null;
  }
  return { reason: null, message: String(error) };
}

export function readUsage(body: Record<string, unknown>): number | null {
  const meta = isRecord(body.meta) ? body.meta : null;
  const usage = meta && isRecord(meta.usage) ? meta.usage : isRecord(body.usage) ? body.usage : null;
  if (!usage) return null;
  for (const key of ["tokens_used", "credits_used"]) {
    const raw = usage[key];
    // Numbers, or numeric strings; never `true`, `[5]` or "" (Number() would make those usage).
    const value = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : Number.NaN;
    if (Number.isFinite(value)) return value;
  }
  return null;
}

/** Reads a poll (or create) reply. A body that isn't an object reads as an unknown state. */
export function parsePollReply(body: unknown): PollReply {
  if (!isRecord(body)) {
    return { id: null, state: "unknown", rawStatus: null, videoUrl: null, failure: null, tokensUsed: null };
  }
  const rawStatus = typeof body.status === "string" ? body.status : null;
  let state = readState(body.status);
  const failure = readFailure(body.error);
  const videoUrl = readVideoUrl(body.video);
  // An error object on a job that doesn't say it succeeded means the job failed.
  if (failure && state !== "completed") state = "failed";
  return {
    id: typeof body.id === "string" ? body.id : typeof body.id === "number" ? String(body.id) : null,
    state,
    rawStatus,
    videoUrl,
    failure,
    tokensUsed: readUsage(body),
  };
}
