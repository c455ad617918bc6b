import { describe, expect, it, vi } from "vitest";
import { createJob, fetchFailure, startWithFaults, setUpFaultFixtures, validCreate } from "./fault-test-support";
import { GENERATION_PATH, TEST_KEY, createGeneration, pollUntilDone } from "./sim-test-client";

setUpFaultFixtures();

const post = (url: string, signal?: AbortSignal) =>
  fetch(`${url}${GENERATION_PATH}`, {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_KEY}`, "content-type": "application/json" },
    body: JSON.stringify(validCreate()),
    ...(signal ? { signal } : {}),
  });

describe("create faults answered before processing create no job", () => {
  it.each([500, 502, 503, 504] as const)("HTTP %i with the contract's error body, then the next call succeeds", async (status) => {
    const sim = await startWithFaults({ create: [{ kind: "http", status, calls: [1] }] });
    const response = await createGeneration(sim.url, validCreate());
    expect(response.status).toBe(status);
    expect(response.headers.get("retry-after")).toBeNull();
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      message: expect.any(String),
      path: GENERATION_PATH,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      statusCode: status,
      timestamp: expect.any(String),
    });
    expect(sim.stats()).toMatchObject({ creates: 0, calls: { create: 1 }, faults: { create: { [`http:${status}`]: 1 } } });

    await createJob(sim);
    expect(sim.stats()).toMatchObject({ creates: 1, calls: { create: 2 } });
  });

  it("429 with and without Retry-After", async () => {
    const sim = await startWithFaults({
      create: [
        { kind: "http", status: 429, retryAfter: 7, calls: [1] },
        { kind: "http", status: 429, calls: [2] },
      ],
    });
    const first = await createGeneration(sim.url, validCreate());
    expect([first.status, first.headers.get("retry-after")]).toEqual([429, "7"]);
    expect(((await first.json()) as { statusCode: number }).statusCode).toBe(429);
    const second = await createGeneration(sim.url, validCreate());
    expect([second.status, second.headers.get("retry-after")]).toEqual([429, null]);
    expect(sim.stats()).toMatchObject({ creates: 0, faults: { create: { "http:429": 2 } } });
  });

  it("a connection reset makes fetch reject", async () => {
    const sim = await startWithFaults({ create: [{ kind: "reset", calls: [1] }] });
    expect(await fetchFailure(post(sim.url))).toBe("ECONNRESET");
    expect(sim.stats()).toMatchObject({ creates: 0, faults: { create: { reset: 1 } } });
    await createJob(sim);
  });

  it("a hang lasts until the client's own timeout", async () => {
    const sim = await startWithFaults({ create: [{ kind: "hang", calls: [1] }] });
    const started = Date.now();
    expect(await fetchFailure(post(sim.url, AbortSignal.timeout(300)))).toBe("TimeoutError");
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(sim.stats()).toMatchObject({ creates: 0, faults: { create: { hang: 1 } } });
    await createJob(sim);
  });
});

describe("after-create faults create the job, then fail the reply (the ambiguous case)", () => {
  it("http-after-create answers 504 though the job exists", async () => {
    const sim = await startWithFaults({ create: [{ kind: "http-after-create", status: 504, calls: [1] }] });
    const response = await createGeneration(sim.url, validCreate());
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ statusCode: 504, message: "Generation timeout" });
    expect(sim.stats()).toMatchObject({ creates: 1, faults: { create: { "http-after-create:504": 1 } } });
  });

  it("reset-after-create resets the connection after creating the job", async () => {
    const sim = await startWithFaults({ create: [{ kind: "reset-after-create", calls: [1] }] });
    expect(await fetchFailure(post(sim.url))).toBe("ECONNRESET");
    expect(sim.stats()).toMatchObject({ creates: 1, faults: { create: { "reset-after-create": 1 } } });
  });

  it("hang-after-create holds the reply after creating the job", async () => {
    const sim = await startWithFaults({ create: [{ kind: "hang-after-create", calls: [1] }] });
    const client = new AbortController();
    const reply = fetchFailure(post(sim.url, client.signal));
    // The client gives up once the job exists, not after a fixed time: on a busy machine 300 ms
    // could pass before the simulator had created it.
    await vi.waitFor(() => expect(sim.stats()).toMatchObject({ creates: 1, faults: { create: { "hang-after-create": 1 } } }), { timeout: 10_000 });
    client.abort();
    expect(await reply).toBe("AbortError");
  });

  it("is skipped, uncounted, when the request is invalid: nothing was created", async () => {
    const sim = await startWithFaults({ create: [{ kind: "reset-after-create", calls: [1] }] });
    expect((await createGeneration(sim.url, { model: "gen3a_turbo" })).status).toBe(400);
    expect(sim.stats()).toMatchObject({ creates: 0, calls: { create: 1 }, faults: { create: {} } });
  });
});

describe("create replies spoiled after the job was created", () => {
  it("malformed JSON: the success status with a truncated body", async () => {
    const sim = await startWithFaults({ create: [{ kind: "malformed-json", calls: [1] }] });
    const response = await createGeneration(sim.url, validCreate());
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toMatch(/json/);
    const text = await response.text();
    expect(text).toMatch(/^\{"id":/);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    expect(sim.stats().creates).toBe(1);
  });

  it.each([
    ["array", (body: unknown) => expect(body).toEqual([expect.objectContaining({ status: "queued" })])],
    ["data", (body: unknown) => expect(body).toEqual({ data: expect.objectContaining({ status: "queued" }) })],
    ["empty", (body: unknown) => expect(body).toEqual({})],
  ] as const)("wrong shape %s", async (shape, check) => {
    const sim = await startWithFaults({ create: [{ kind: "wrong-shape", shape, calls: [1] }] });
    const response = await createGeneration(sim.url, validCreate());
    expect(response.status).toBe(201);
    check(await response.json());
    expect(sim.stats().creates).toBe(1);
  });

  it("an unknown status word", async () => {
    const sim = await startWithFaults({ create: [{ kind: "unknown-status", calls: [1] }] });
    const body = await (await createGeneration(sim.url, validCreate())).json();
    expect(body).toMatchObject({ id: expect.any(String), status: "mystery" });
  });

  it("a trickled reply arrives complete but slowly", async () => {
    const sim = await startWithFaults({ create: [{ kind: "trickle", durationMs: 400, calls: [1] }] });
    const started = Date.now();
    const response = await createGeneration(sim.url, validCreate());
    const headersAfter = Date.now() - started;
    const body = (await response.json()) as { id: string; status: string };
    expect(body.status).toBe("queued");
    expect(Date.now() - started - headersAfter).toBeGreaterThanOrEqual(320); // the body took most of durationMs
    expect(sim.stats()).toMatchObject({ creates: 1, faults: { create: { trickle: 1 } } });
  });
});

describe("job-error faults doom the created job", () => {
  const reasons = ["SAFETY.INPUT.TEXT", "SAFETY.INPUT.IMAGE", "SAFETY.OUTPUT.VIDEO", "INTERNAL.BAD_OUTPUT.CODE01", "ASSET.INVALID", "INTERNAL"];

  it("ends each job in error with its reason, then lets the next job complete", async () => {
    const sim = await startWithFaults({ create: reasons.map((reason, i) => ({ kind: "job-error" as const, reason, calls: [i + 1] })) });
    const ids: string[] = [];
    for (const _ of reasons) ids.push(await createJob(sim));
    const replies = await Promise.all(ids.map((id) => pollUntilDone(sim.url, id, 5_000)));
    expect(replies.map(({ reply }) => [reply.status, reply.error?.name, reply.video])).toEqual(reasons.map((reason) => ["error", reason, null]));
    expect(replies.every(({ reply }) => (reply.error?.message.length ?? 0) > 10)).toBe(true);
    expect(sim.stats().creates).toBe(reasons.length);
    expect(sim.stats().faults.create).toEqual(Object.fromEntries(reasons.map((reason) => [`job-error:${reason}`, 1])));

    const healthy = await pollUntilDone(sim.url, await createJob(sim), 5_000);
    expect(healthy.reply.status).toBe("completed");
  });
});
