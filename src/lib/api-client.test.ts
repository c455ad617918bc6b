import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, UNREACHABLE_MESSAGE, apiFetch } from "./api-client";

const schema = z.object({ ok: z.boolean() });
const respond = (status: number, body: string) =>
  vi.stubGlobal("fetch", vi.fn(async () => new Response(body, { status, headers: { "content-type": "application/json" } })));

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`Expected an ApiError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("apiFetch", () => {
  it("returns the parsed body and sends JSON", async () => {
    respond(200, '{"ok":true,"extra":1}');
    await expect(apiFetch("/api/x", { schema, method: "POST", body: { a: 1 } })).resolves.toEqual({ ok: true });
    const [, init] = vi.mocked(fetch).mock.calls[0] ?? [];
    expect(init?.body).toBe('{"a":1}');
    expect(init?.headers).toMatchObject({ "content-type": "application/json" });
  });

  it("turns the BFF error body into an ApiError", async () => {
    respond(422, JSON.stringify({ error: { code: "validation_failed", message: "Fix the seed.", fields: { seed: "Too big." } } }));
    const error = await failure(apiFetch("/api/x", { schema }));
    expect(error).toMatchObject({ status: 422, code: "validation_failed", message: "Fix the seed.", fields: { seed: "Too big." } });
  });

  it("falls back to a plain sentence when the error body is not the BFF's", async () => {
    respond(502, "<html>Bad gateway</html>");
    const error = await failure(apiFetch("/api/x", { schema }));
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/try again/i);
    expect(error.fields).toEqual({});
  });

  it("explains a network failure", async () => {
    vi.stubGlobal("fetch", vi.fn(() => Promise.reject(new TypeError("Failed to fetch"))));
    const error = await failure(apiFetch("/api/x", { schema }));
    expect(error.message).toBe(UNREACHABLE_MESSAGE);
  });

  it("rejects a success body of the wrong shape", async () => {
    respond(200, '{"ok":"yes"}');
    expect((await failure(apiFetch("/api/x", { schema }))).code).toBe("unexpected_response");
  });
});
