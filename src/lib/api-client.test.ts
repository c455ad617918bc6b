import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { FakeXhr } from "@/test/fake-bff";
import { ApiError, UNREACHABLE_MESSAGE, UploadCancelledError, apiFetch, uploadWithProgress } from "./api-client";

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

describe("uploadWithProgress", () => {
  const file = new File(["png"], "frame.png", { type: "image/png" });

  /** Replaces XMLHttpRequest; returns the requests sent so far. */
  function stubXhr() {
    const sent: FakeXhr[] = [];
    vi.stubGlobal(
      "XMLHttpRequest",
      class extends FakeXhr {
        override send(body: unknown) {
          super.send(body);
          sent.push(this);
        }
      },
    );
    return (index = 0) => {
      const xhr = sent[index];
      if (!xhr) throw new Error(`Request ${index} was not sent`);
      return xhr;
    };
  }

  it("posts the file as multipart, reports progress and returns the parsed body", async () => {
    const sent = stubXhr();
    const onProgress = vi.fn();
    const result = uploadWithProgress("/api/uploads", file, { schema, onProgress });
    expect([sent().method, sent().url]).toEqual(["POST", "/api/uploads"]);
    expect((sent().body as FormData).get("file")).toBe(file);

    sent().progress(1, 4);
    sent().progress(4, 4);
    sent().respond(201, '{"ok":true}');
    await expect(result).resolves.toEqual({ ok: true });
    expect(onProgress.mock.calls).toEqual([[0.25], [1]]);
  });

  it("rejects with the BFF's ApiError on a refusal", async () => {
    const sent = stubXhr();
    const result = uploadWithProgress("/api/uploads", file, { schema });
    sent().respond(422, JSON.stringify({ error: { code: "unsupported_image", message: "No.", fields: { file: "Crop it." } } }));
    expect(await failure(result)).toMatchObject({ status: 422, code: "unsupported_image", fields: { file: "Crop it." } });
  });

  it("explains a network failure", async () => {
    const sent = stubXhr();
    const result = uploadWithProgress("/api/uploads", file, { schema });
    sent().fail();
    expect((await failure(result)).message).toBe(UNREACHABLE_MESSAGE);
  });

  it("aborts on the signal with a distinct cancel error", async () => {
    const sent = stubXhr();
    const controller = new AbortController();
    const result = uploadWithProgress("/api/uploads", file, { schema, signal: controller.signal });
    controller.abort();
    await expect(result).rejects.toBeInstanceOf(UploadCancelledError);
    expect(sent().aborted).toBe(true);
    await expect(uploadWithProgress("/api/uploads", file, { schema, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(UploadCancelledError);
    expect(() => sent(1)).toThrow();
  });
});
