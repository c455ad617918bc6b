import { vi } from "vitest";
import { MODEL_LIST } from "@/shared/models";
import type { Generation } from "@/shared/generation";

export type FakeRequest = { method: string; url: URL; params: Record<string, string>; init: RequestInit | undefined };
export type FakeHandler = (request: FakeRequest) => Response | Promise<Response>;

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

export function apiError(status: number, code: string, message: string, fields?: Record<string, string>): Response {
  return json(status, { error: { code, message, ...(fields ? { fields } : {}) } });
}

const DEFAULT_ROUTES: Record<string, FakeHandler> = {
  "GET /api/health": () => json(200, { status: "ok", provider: "aimlapi" }),
  "GET /api/models": () => json(200, { models: MODEL_LIST }),
  "GET /api/generations": () => json(200, { items: [], nextCursor: null }),
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
  return fetchMock;
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

export function makeGeneration(overrides: Partial<Generation> = {}): Generation {
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
    ...overrides,
  };
}
