import { createServer, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeUpstream, type FakeReply } from "../testing/fake-upstream";
import { createAimlapiClient, type UpstreamCreate } from "./aimlapi-client";
import { UpstreamError } from "./upstream-error";

const KEY = "test-key-123456";
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

/** A client of a fresh fake upstream; the previous one of the test, if any, is closed first. */
async function clientFor(reply: (method: string) => FakeReply | Promise<FakeReply>, timeoutMs = 2000) {
  await close?.();
  const fake = await startFakeUpstream((r) => reply(r.method));
  close = fake.close;
  return { fake, client: createAimlapiClient({ baseUrl: fake.url, apiKey: KEY, timeoutMs }) };
}

const base: UpstreamCreate = {
  model: "gen4_turbo",
  prompt: "slow dolly",
  imageUrl: "https://images.example.com/a.jpg",
  lastImageUrl: null,
  ratio: "16:9",
  duration: 5,
  seed: 42,
};

describe("createAimlapiClient", () => {
  it("sends the vendor body and bearer to the vendor path", async () => {
    const { fake, client } = await clientFor(() => ({ status: 201, json: { id: "u1", status: "queued", meta: { usage: { tokens_used: 3 } } } }));
    const reply = await client.create(base, "take-1");
    expect(reply).toMatchObject({ id: "u1", state: "queued", tokensUsed: 3 });
    const [request] = fake.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/v2/generate/video/runway/generation");
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.parse(request!.body)).toEqual({
      model: "runway/gen4_turbo",
      image_url: "https://images.example.com/a.jpg",
      prompt: "slow dolly",
      ratio: "16:9",
      duration: 5,
      seed: 42,
    });
  });

  it("names gen3a_turbo without a prefix, sends last_image_url, and leaves out an empty prompt", async () => {
    const { fake, client } = await clientFor(() => ({ json: { id: "u2", status: "queued" } }));
    await client.create({ ...base, model: "gen3a_turbo", lastImageUrl: "data:image/png;base64,AAAA" }, "take-1");
    await client.create({ ...base, prompt: "" }, "take-1");
    expect(JSON.parse(fake.requests[0]!.body)).toMatchObject({ model: "gen3a_turbo", last_image_url: "data:image/png;base64,AAAA" });
    expect(JSON.parse(fake.requests[1]!.body)).not.toHaveProperty("prompt");
  });

  it("polls with generation_id in the query", async () => {
    const { fake, client } = await clientFor(() => ({ json: { id: "u1", status: "completed", video: [{ url: "https://x.example/v.mp4" }] } }));
    const reply = await client.poll("abc/1");
    expect(fake.requests[0]?.url).toBe("/v2/generate/video/runway/generation?generation_id=abc%2F1");
    expect(reply).toMatchObject({ state: "completed", videoUrl: "https://x.example/v.mp4" });
  });

  it("sends the universal family's names to its one URL, and polls there, when asked to", async () => {
    await close?.();
    const fake = await startFakeUpstream((r) =>
      r.method === "POST"
        ? { status: 201, json: { id: "g1", status: "queued" } }
        : { json: { id: "g1", status: "completed", video: { url: "https://cdn.example/g1.mp4" }, meta: { usage: { credits_used: 120000 } } } },
    );
    close = fake.close;
    const client = createAimlapiClient({ baseUrl: fake.url, apiKey: KEY, timeoutMs: 2000, endpoints: "universal" });
    await client.create({ ...base, model: "gen3a_turbo", lastImageUrl: "https://images.example.com/z.jpg", ratio: "9:16" }, "take-1");
    const reply = await client.poll("g1");
    expect(fake.requests.map((r) => r.url)).toEqual(["/v2/video/generations", "/v2/video/generations?generation_id=g1"]);
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({
      model: "gen3a_turbo",
      image_url: "https://images.example.com/a.jpg",
      tail_image_url: "https://images.example.com/z.jpg",
      prompt: "slow dolly",
      aspect_ratio: "9:16",
      duration: 5,
      seed: 42,
    });
    expect(reply).toMatchObject({ state: "completed", videoUrl: "https://cdn.example/g1.mp4", tokensUsed: 120000 });
  });

  it.each([
    [401, "upstream_auth", /AIMLAPI_KEY/],
    [403, "upstream_out_of_credits", /top it up/],
    [413, "payload_too_large", /smaller image/],
    [400, "upstream_bad_input", /Body validation error/],
    [503, "upstream_unavailable", /HTTP 503/],
  ])("turns HTTP %i into %s", async (status, code, message) => {
    const { client } = await clientFor(() => ({
      status,
      json: { message: status === 400 ? "Body validation error!" : "nope", statusCode: String(status), path: "/v2", requestId: "r", timestamp: "t" },
    }));
    const error = await client.create(base, "take-1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code, httpStatus: status });
    expect((error as Error).message).toMatch(message);
  });

  it("reads Retry-After on 429", async () => {
    const { client } = await clientFor(() => ({ status: 429, json: { message: "Too many" }, headers: { "retry-after": "7" } }));
    const error = (await client.poll("x").catch((e: unknown) => e)) as UpstreamError;
    expect(error.code).toBe("upstream_rate_limited");
    expect(error.retryAfterMs).toBe(7000);
  });

  it("refuses a 200 that is not JSON and a create without an id", async () => {
    const { client } = await clientFor((method) => (method === "GET" ? { text: "<html>gateway</html>" } : { json: { status: "queued" } }));
    await expect(client.poll("x")).rejects.toMatchObject({ kind: "bad_reply" });
    await expect(client.create(base, "take-1")).rejects.toMatchObject({ kind: "bad_reply" });
  });

  it.each([
    ["with an honest Content-Length", false],
    ["sent chunked, with no Content-Length", true],
  ])("refuses a reply over 1 MB %s, from a create and a poll", async (_label, chunked) => {
    const huge = { id: "u1", status: "completed", video: ["https://x.example/v.mp4"], padding: "x".repeat(2 * 1024 * 1024) };
    const { client } = await clientFor(() => ({ json: huge, chunked }));
    for (const call of [() => client.create(base, "take-1"), () => client.poll("u1")]) {
      const error = (await call().catch((e: unknown) => e)) as UpstreamError;
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject({ kind: "bad_reply", code: "upstream_unavailable", detail: null });
      expect(error.message).toMatch(/over 1 MB/);
    }
  });

  it("keeps the status of an oversized error reply", async () => {
    const { client } = await clientFor(() => ({ status: 401, text: "x".repeat(2 * 1024 * 1024), chunked: true }));
    await expect(client.poll("u1")).rejects.toMatchObject({ code: "upstream_auth", httpStatus: 401, detail: null });
  });

  it.each([
    ["with an honest Content-Length", false],
    ["sent chunked", true],
  ])("reads a reply of exactly 1 MB %s", async (_label, chunked) => {
    const shell = JSON.stringify({ id: "u1", status: "queued", padding: "" });
    const json = JSON.parse(shell.replace('""', JSON.stringify("p".repeat(1024 * 1024 - shell.length)))) as object;
    expect(Buffer.byteLength(JSON.stringify(json))).toBe(1024 * 1024);
    const { client } = await clientFor(() => ({ json, chunked }));
    await expect(client.poll("u1")).resolves.toMatchObject({ id: "u1", state: "queued" });
  });

  it("keeps a character whose bytes are split between two chunks", async () => {
    // 16-byte chunks read one by one: "é" (2 bytes) starts on the last byte of the first.
    const prefix = '{"message":"';
    const message = "mmmé and more";
    const { client } = await clientFor(() => ({ status: 400, text: `${prefix}${message}"}`, chunked: true, chunkBytes: 16 }));
    const error = (await client.create(base, "take-1").catch((e: unknown) => e)) as UpstreamError;
    expect(error.detail).toBe(message);
  });

  it("reads an error reply whose JSON is not an object as text", async () => {
    const { client } = await clientFor(() => ({ status: 400, json: "nope" }));
    await expect(client.create(base, "take-1")).rejects.toMatchObject({ code: "upstream_bad_input", detail: '"nope"' });
  });

  it("has no Retry-After wait when the header is missing", async () => {
    const { client } = await clientFor(() => ({ status: 429, json: { message: "Too many" } }));
    await expect(client.poll("x")).rejects.toMatchObject({ code: "upstream_rate_limited", retryAfterMs: null });
  });

  it("says so when an accepted create has no id", async () => {
    const { client } = await clientFor(() => ({ status: 201, json: { status: "queued" } }));
    await expect(client.create(base, "take-1")).rejects.toMatchObject({
      kind: "bad_reply",
      code: "upstream_unavailable",
      message: "The AI/ML API accepted the request but sent no generation id.",
    });
  });

  it("reports an unreachable upstream as a network error without the key", async () => {
    const client = createAimlapiClient({ baseUrl: "http://127.0.0.1:1", apiKey: KEY, timeoutMs: 2000 });
    const error = (await client.poll("x").catch((e: unknown) => e)) as UpstreamError;
    expect(error.kind).toBe("network");
    expect(JSON.stringify({ m: error.message, d: error.detail })).not.toContain(KEY);
  });
  it("reads Retry-After as seconds or as a date, never below zero, and ignores a header it can't read", async () => {
    const retryAfter = async (header: string) => {
      const { client } = await clientFor(() => ({ status: 429, json: { message: "Too many" }, headers: { "retry-after": header } }));
      const error = (await client.poll("x").catch((e: unknown) => e)) as UpstreamError;
      return error.retryAfterMs;
    };
    expect(await retryAfter("0")).toBe(0);
    expect(await retryAfter("-5")).toBe(0);
    expect(await retryAfter("1.5")).toBe(1500);
    expect(await retryAfter("soon")).toBeNull();
    expect(await retryAfter(new Date(Date.now() - 60_000).toUTCString())).toBe(0);
    const later = (await retryAfter(new Date(Date.now() + 60_000).toUTCString()))!;
    expect(later).toBeGreaterThan(55_000);
    expect(later).toBeLessThanOrEqual(60_000);
  });

  it("gives the upstream's message and its listed errors as the detail, or the start of a reply that isn't JSON", async () => {
    const detailFor = async (reply: FakeReply) => {
      const { client } = await clientFor(() => reply);
      const error = (await client.create(base, "take-1").catch((e: unknown) => e)) as UpstreamError;
      return error.detail;
    };
    expect(await detailFor({ status: 400, json: { message: "Body validation error", errors: [{ message: "ratio is invalid" }, "x", null, { message: "seed too big" }] } })).toBe(
      "Body validation error ratio is invalid; seed too big",
    );
    expect(await detailFor({ status: 400, json: { message: "Body validation error", errors: [] } })).toBe("Body validation error");
    expect(await detailFor({ status: 400, json: { message: "Bad", errors: "not a list" } })).toBe("Bad");
    expect(await detailFor({ status: 400, json: { message: 7 } })).toBe('{"message":7}');
    expect(await detailFor({ status: 502, text: `<html>${"g".repeat(400)}</html>` })).toBe(`<html>${"g".repeat(294)}`);
    expect(await detailFor({ status: 502, text: "" })).toBeNull();
    expect(await detailFor({ status: 400, json: { message: `bad key ${KEY}` } })).toBe("bad key [redacted]");
  });

  it("keeps the start of a 200 reply that isn't JSON as its detail, without the key", async () => {
    const { client } = await clientFor(() => ({ text: `oops ${KEY} ${"z".repeat(400)}` }));
    const error = (await client.poll("x").catch((e: unknown) => e)) as UpstreamError;
    expect(error).toMatchObject({ kind: "bad_reply", code: "upstream_unavailable", httpStatus: 200, message: "The AI/ML API sent a reply that isn't JSON." });
    expect(error.detail).toBe(`oops [redacted] ${"z".repeat(300 - 6 - KEY.length)}`);
  });

  it("sends JSON headers only with a body: the create has a content type, the poll none", async () => {
    const { fake, client } = await clientFor(() => ({ json: { id: "u1", status: "queued" } }));
    await client.create(base, "take-1");
    await client.poll("u1");
    expect(fake.requests.map((r) => [r.method, r.headers["content-type"], r.headers.accept])).toEqual([
      ["POST", "application/json", "application/json"],
      ["GET", undefined, "application/json"],
    ]);
  });

  it("calls a refused connection connect (it never reached the upstream) and a silent one a timeout", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const refused = createAimlapiClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY, timeoutMs: 2000 });
    const refusal = (await refused.create(base, "take-1").catch((e: unknown) => e)) as UpstreamError;
    // The operator's detail is the low-level reason, not fetch's "fetch failed".
    expect(refusal.detail).toBe(`TypeError: connect ECONNREFUSED 127.0.0.1:${port}`);
    await expect(refused.create(base, "take-1")).rejects.toMatchObject({
      kind: "connect",
      code: "upstream_unavailable",
      message: "Can't reach the AI/ML API. Check the network or AIMLAPI_BASE_URL.",
    });
    const { client: slow } = await clientFor(() => new Promise<FakeReply>(() => {}), 200);
    await expect(slow.poll("x")).rejects.toMatchObject({
      kind: "timeout",
      code: "upstream_unavailable",
      message: "The AI/ML API did not answer in time. Try again in a few minutes.",
    });
  });
  it("reads a 204 with no body, and a 200 whose connection breaks mid-body, as a reply that isn't JSON with an empty detail", async () => {
    const { client } = await clientFor(() => ({ status: 204 }));
    await expect(client.poll("x")).rejects.toMatchObject({ kind: "bad_reply", httpStatus: 204, detail: "" });
    // Promises 100 bytes, sends 10, then drops the connection.
    const sockets = new Set<Socket>();
    const broken = createServer((socket) => {
      sockets.add(socket);
      socket.once("data", () => socket.end("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"id\":\"u1\",", () => socket.destroy()));
    });
    const port = await new Promise<number>((resolve) => broken.listen(0, "127.0.0.1", () => resolve((broken.address() as { port: number }).port)));
    try {
      const client2 = createAimlapiClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY, timeoutMs: 2000 });
      await expect(client2.poll("x")).rejects.toMatchObject({ kind: "bad_reply", httpStatus: 200, detail: "" });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => broken.close(resolve));
    }
  });
});

describe("tracing and cost", () => {
  it("tags a create with a valid client request id only, and reads the cost headers of create and poll", async () => {
    const headers = { "x-inference-id": "u1", "x-aimlapi-credits-used": "250000", "x-aimlapi-usd-spent": "0.125000000" };
    const { fake, client } = await clientFor(() => ({ status: 201, json: { id: "u1", status: "queued" }, headers }));
    const reply = await client.create(base, "Take_1.a:b-c");
    expect(fake.requests[0]?.headers["x-client-request-id"]).toBe("Take_1.a:b-c");
    expect(reply.charge).toEqual({ inferenceId: "u1", credits: 250_000, usd: 0.125 });
    // Outside the documented alphabet or length: not sent, so the upstream never drops it silently.
    await client.create(base, "has space");
    await client.create(base, "x".repeat(129));
    expect(fake.requests[1]?.headers).not.toHaveProperty("x-client-request-id");
    expect(fake.requests[2]?.headers).not.toHaveProperty("x-client-request-id");
    expect((await client.poll("u1")).charge).toEqual({ inferenceId: "u1", credits: 250_000, usd: 0.125 });
  });

  it("reads missing or garbled cost headers as not known, never as zero", async () => {
    const { client } = await clientFor(() => ({ json: { id: "u1", status: "queued" }, headers: { "x-aimlapi-credits-used": "-5", "x-aimlapi-usd-spent": "about 1" } }));
    expect((await client.poll("u1")).charge).toEqual({ inferenceId: null, credits: null, usd: null });
  });

  it("asks the usage log for a window page by page and reads its rows defensively", async () => {
    const page = {
      data: [
        { created: "2026-07-02T03:04:05.000Z", status: "succeeded", model: "runway/gen4_turbo", cost: { usd: 0.25, credits: 500000 }, inference_id: "g1", client_request_id: "take-1" },
        { created: "not a date", status: "weird", cost: "free", inference_id: "", client_request_id: null },
        "not a row",
      ],
      pagination: { limit: 100, offset: 0, total: 2, has_more: true },
    };
    const { fake, client } = await clientFor(() => ({ json: page }));
    const read = await client.requestLogs({ start: Date.UTC(2026, 6, 2), end: Date.UTC(2026, 6, 3), limit: 100, offset: 200 });
    const url = new URL(fake.requests[0]!.url, "http://x");
    expect(url.pathname).toBe("/v2/logs");
    expect(Object.fromEntries(url.searchParams)).toEqual({ start: "2026-07-02T00:00:00.000Z", end: "2026-07-03T00:00:00.000Z", limit: "100", offset: "200" });
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(read).toEqual({
      hasMore: true,
      rows: [
        { clientRequestId: "take-1", inferenceId: "g1", status: "succeeded", createdAt: Date.parse("2026-07-02T03:04:05.000Z"), credits: 500_000, usd: 0.25 },
        { clientRequestId: null, inferenceId: null, status: null, createdAt: null, credits: null, usd: null },
      ],
    });
    const { client: odd } = await clientFor(() => ({ json: { rows: [] } }));
    expect(await odd.requestLogs({ start: 0, end: 1, limit: 1, offset: 0 })).toEqual({ rows: [], hasMore: false });
  });
});

describe("a poll after AIMLAPI_ENDPOINTS changed", () => {
  it("asks the other family's URL when this one says 404, and keeps the 404 when neither knows the id", async () => {
    await close?.();
    const fake = await startFakeUpstream((r) =>
      r.url.startsWith("/v2/video/generations?generation_id=old")
        ? { status: 404, json: { message: "Generation old not found" } }
        : r.url.startsWith("/v2/generate/video/runway/generation?generation_id=old")
          ? { json: { id: "old", status: "completed", video: ["https://cdn.example/old.mp4"] } }
          : { status: 404, json: { message: "not found" } },
    );
    close = fake.close;
    const client = createAimlapiClient({ baseUrl: fake.url, apiKey: KEY, timeoutMs: 2000, endpoints: "universal" });
    // Only when asked to: an ordinary poll keeps its 404, one GET.
    await expect(client.poll("old")).rejects.toMatchObject({ httpStatus: 404 });
    expect(fake.requests).toHaveLength(1);
    expect(await client.poll("old", { otherFamilyOn404: true })).toMatchObject({ state: "completed", videoUrl: "https://cdn.example/old.mp4" });
    expect(fake.requests.slice(1).map((r) => r.url)).toEqual(["/v2/video/generations?generation_id=old", "/v2/generate/video/runway/generation?generation_id=old"]);
    await expect(client.poll("gone", { otherFamilyOn404: true })).rejects.toMatchObject({ httpStatus: 404, detail: "not found" });
    expect(fake.requests).toHaveLength(5);
  });
});
