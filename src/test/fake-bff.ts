import { vi } from "vitest";
import { MODEL_LIST } from "@/shared/models";
import type { ErrorCode } from "@/shared/api-error";
import type { Take } from "@/shared/take";
import type { Upload } from "@/shared/api";
import type { Estimate, Usage } from "@/shared/usage";

export type FakeRequest = { method: string; url: URL; params: Record<string, string>; init: RequestInit | undefined };
export type FakeHandler = (request: FakeRequest) => Response | Promise<Response>;

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

export function apiError(status: number, code: ErrorCode, message: string, fields?: Record<string, string>): Response {
  return json(status, { error: { code, message, ...(fields ? { fields } : {}) } });
}

/** What `GET /api/session` answers: by default a studio without sign-in, as before sign-in existed. */
export function makeSession(mode: "none" | "password" | "proxy" = "none", user: { name: string; isAdmin?: boolean } | null = { name: "studio", isAdmin: true }) {
  return { mode, user: user ? { name: user.name, isAdmin: user.isAdmin ?? false } : null };
}

/** A usage report with every period empty unless given. */
/** An estimate as `GET /api/usage/estimate` answers: no basis, no money, no budget, unless told. */
export function makeEstimate(overrides: Partial<Estimate> = {}): Estimate {
  return { perTake: null, total: null, basis: "unknown", sampleSize: 0, perTakeUsd: null, totalUsd: null, usdBasis: null, budget: { user: null, studio: null }, ...overrides };
}

export function makeUsage(periods: Partial<Record<"today" | "week" | "month", Partial<Usage["periods"][number]>>> = {}): Usage {
  const since = { today: "2025-01-15T00:00:00.000Z", week: "2025-01-13T00:00:00.000Z", month: "2025-01-01T00:00:00.000Z" };
  return {
    periods: (["today", "week", "month"] as const).map((period) => ({
      period,
      since: since[period],
      takes: 0,
      tokens: 0,
      usd: 0,
      byUser: [],
      byModel: [],
      ...periods[period],
    })),
  };
}

const DEFAULT_ROUTES: Record<string, FakeHandler> = {
  "GET /api/session": () => json(200, makeSession()),
  "GET /api/usage": () => json(200, makeUsage()),
  "GET /api/usage/estimate": () => json(200, makeEstimate()),
  "GET /api/health": () => json(200, { status: "ok", provider: "aimlapi" }),
  "GET /api/models": () => json(200, { models: MODEL_LIST.map((model) => ({ ...model, availability: { state: "available", since: null, reason: null } })) }),
  "GET /api/generations": () => json(200, { items: [], nextCursor: null }),
  "GET /api/projects": () => json(200, { items: [] }),
};

/**
 * Replaces `fetch` with a tiny router answering in the BFF's shapes ("GET /api/generations/:id").
 * Returns the mock so tests can assert on the exact requests.
 */
export function stubBff(routes: Record<string, FakeHandler> = {}) {
  const table = { ...DEFAULT_ROUTES, ...routes };
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    const url = new URL(String(input), "http://dailies.test");
    for (const [key, handler] of Object.entries(table)) {
      const [routeMethod, pattern = ""] = key.split(" ");
      const params = routeMethod === method ? matchPath(pattern, url.pathname) : null;
      if (params) return handler({ method, url, params, init });
    }
    return apiError(404, "not_found", `The fake BFF has no route for ${method} ${url.pathname}.`);
  });
  vi.stubGlobal("fetch", fetchMock);
  // Uploads go through XMLHttpRequest (for progress): route them through the same table,
  // recorded as calls of the mock so `callsTo` sees them too.
  const xhrs: FakeXhr[] = [];
  class RoutedXhr extends FakeXhr {
    override send(body: unknown) {
      super.send(body);
      xhrs.push(this);
      void Promise.resolve(fetchMock(this.url, { method: this.method, body: body as BodyInit }))
        .then(async (response) => {
          const text = await response.text();
          this.progress(1, 1);
          this.respond(response.status, text);
        })
        .catch(() => this.fail());
    }
  }
  vi.stubGlobal("XMLHttpRequest", RoutedXhr);
  return Object.assign(fetchMock, { xhrs });
}

type ProgressListener = ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null;

/**
 * The few parts of XMLHttpRequest an upload uses. It records what was sent; a test drives
 * it with `progress`, `respond` and `fail`, and the page with `abort`.
 */
export class FakeXhr {
  method = "";
  url = "";
  body: unknown = null;
  status = 0;
  responseText = "";
  done = false;
  aborted = false;
  readonly headers: Record<string, string> = {};
  readonly upload: { onprogress: ProgressListener } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }

  send(body: unknown) {
    this.body = body;
  }

  abort() {
    if (this.done) return;
    this.done = true;
    this.aborted = true;
    this.onabort?.();
  }

  progress(loaded: number, total: number) {
    if (!this.done) this.upload.onprogress?.({ loaded, total, lengthComputable: true });
  }

  respond(status: number, body: string) {
    if (this.done) return;
    this.done = true;
    this.status = status;
    this.responseText = body;
    this.onload?.();
  }

  fail() {
    if (this.done) return;
    this.done = true;
    this.onerror?.();
  }
}

function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = pathname.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = got[i] ?? "";
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}

/** The calls made to one method + path, with their JSON bodies parsed. */
export function callsTo(fetchMock: ReturnType<typeof stubBff>, method: string, pathname: string) {
  return fetchMock.mock.calls
    .filter(([input, init]) => (init?.method ?? "GET") === method && new URL(String(input), "http://dailies.test").pathname === pathname)
    .map(([, init]) => init?.body);
}

/** The full calls (URL and init) made to one method + path. */
export function requestsTo(fetchMock: ReturnType<typeof stubBff>, method: string, pathname: string) {
  return fetchMock.mock.calls
    .map(([input, init]) => ({ url: new URL(String(input), "http://dailies.test"), init }))
    .filter(({ url, init }) => (init?.method ?? "GET") === method && url.pathname === pathname);
}

export function makeTake(overrides: Partial<Take> = {}): Take {
  return {
    id: "gen_1",
    model: "gen4_turbo",
    prompt: "Slow dolly-in on a lighthouse at dawn",
    ratio: "16:9",
    duration: 5,
    seed: 42,
    image: { url: "/media/uploads/up_1.png", uploadId: "up_1" },
    lastImage: null,
    status: "queued",
    provider: "simulator",
    createdAt: "2025-01-01T10:00:00.000Z",
    updatedAt: "2025-01-01T10:00:00.000Z",
    completedAt: null,
    video: null,
    error: null,
    usage: null,
    charge: { state: "pending", usd: null, credits: null, estimated: false },
    favourite: false,
    author: "studio",
    sourceId: null,
    shotId: null,
    projectId: null,
    review: { state: "unreviewed", by: null, at: null },
    noteCount: 0,
    // A single take is a batch of its own, named after it.
    batchId: overrides.id ?? "gen_1",
    timings: { submittedAt: null, startedAt: null, finishedAt: null },
    ...overrides,
  };
}

/** A completed take with its archived video, poster and timings. */
export function makeCompleted(overrides: Partial<Take> = {}): Take {
  const id = overrides.id ?? "gen_1";
  return makeTake({
    status: "completed",
    updatedAt: "2025-01-01T10:00:48.000Z",
    completedAt: "2025-01-01T10:00:48.000Z",
    video: {
      url: `/media/videos/${id}.mp4`,
      contentType: "video/mp4",
      bytes: 1_250_000,
      width: 1280,
      height: 720,
      durationSeconds: 5,
      posterUrl: `/media/posters/${id}.jpg`,
      downloadName: `2025-01-01-gen4_turbo-slow-dolly-in-42.mp4`,
    },
    usage: { tokensUsed: 250 },
    charge: { state: "charged", usd: 0.125, credits: 250_000, estimated: false },
    timings: {
      submittedAt: "2025-01-01T10:00:01.000Z",
      startedAt: "2025-01-01T10:00:04.000Z",
      finishedAt: "2025-01-01T10:00:45.000Z",
    },
    ...overrides,
  });
}

/** A failed take; retryable unless told otherwise. */
export function makeFailed(overrides: Partial<Take> = {}, error: Partial<NonNullable<Take["error"]>> = {}): Take {
  return makeTake({
    status: "failed",
    updatedAt: "2025-01-01T10:00:30.000Z",
    charge: { state: "not_charged", usd: 0, credits: 0, estimated: false },
    error: {
      code: "generation_failed",
      message: "Runway refused the image: it shows a real person.",
      detail: '{"status":"failed","error":"content_moderation: person detected"}',
      retryable: true,
      ...error,
    },
    ...overrides,
  });
}

/** The headers of one recorded call, lower-cased. */
export function headersOf(init: RequestInit | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
}

export function makeUpload(overrides: Partial<Upload> = {}): Upload {
  const id = overrides.id ?? "up_1";
  return {
    id,
    url: `/media/uploads/${id}.png`,
    thumbUrl: `/media/uploads/${id}.thumb.jpg`,
    width: 1920,
    height: 1080,
    contentType: "image/png",
    bytes: 16,
    name: "frame.png",
    author: "studio",
    createdAt: "2025-01-01T09:00:00.000Z",
    ...overrides,
  };
}

/** A file that starts like a PNG, which is all the browser's check reads. */
export function pngFile(name = "frame.png", size = 16): File {
  const bytes = new Uint8Array(Math.max(size, 8));
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new File([bytes], name, { type: "image/png" });
}

/** A completed take whose video lasts `seconds` (the duration asked for as well). */
export function makeCompletedOfLength(id: string, seconds: number, overrides: Partial<Take> = {}): Take {
  const take = makeCompleted({ id, ...overrides });
  return { ...take, duration: seconds, video: take.video && { ...take.video, durationSeconds: seconds }, ...overrides };
}
