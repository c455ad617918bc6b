import { describe, expect, it } from "vitest";
import { createJob, fetchFailure, rawGet, startWithFaults, setUpFaultFixtures } from "./fault-test-support";
import type { FaultsConfig } from "./faults-config";
import { GENERATION_PATH, TEST_KEY, pollGeneration } from "./sim-test-client";

setUpFaultFixtures();

type PollFault = NonNullable<FaultsConfig["poll"]>[number];

/** A simulator whose first poll gets `fault`, and a job to poll. */
async function firstPollFaulted(fault: PollFault) {
  const sim = await startWithFaults({ poll: [{ ...fault, calls: [1] }] });
  const id = await createJob(sim);
  const pollUrl = `${sim.url}${GENERATION_PATH}?generation_id=${id}`;
  /** The second poll must be the real one: a fault never breaks the simulator. */
  const expectHealthy = async () => {
    const reply = await pollGeneration(sim.url, id);
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ id, status: expect.stringMatching(/^(queued|generating|completed)$/) });
  };
  return { sim, id, pollUrl, expectHealthy };
}

const authorised = { authorization: `Bearer ${TEST_KEY}` };

describe("poll faults", () => {
  it.each([500, 502, 503, 504] as const)("HTTP %i with the contract's error body", async (status) => {
    const { sim, id, expectHealthy } = await firstPollFaulted({ kind: "http", status });
    const response = await pollGeneration(sim.url, id);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ statusCode: status, path: GENERATION_PATH, requestId: expect.any(String) });
    await expectHealthy();
    expect(sim.stats()).toMatchObject({ polls: 1, calls: { poll: 2 }, faults: { poll: { [`http:${status}`]: 1 } } });
  });

  it("429 with Retry-After and without", async () => {
    const sim = await startWithFaults({ poll: [{ kind: "http", status: 429, retryAfter: 3, calls: [1] }, { kind: "http", status: 429, calls: [2] }] });
    const id = await createJob(sim);
    const first = await pollGeneration(sim.url, id);
    const second = await pollGeneration(sim.url, id);
    expect([first.status, first.headers.get("retry-after"), second.status, second.headers.get("retry-after")]).toEqual([429, "3", 429, null]);
  });

  it("a connection reset makes fetch reject", async () => {
    const { sim, id, expectHealthy } = await firstPollFaulted({ kind: "reset" });
    expect(await fetchFailure(pollGeneration(sim.url, id))).toBe("ECONNRESET");
    await expectHealthy();
  });

  it("a hang lasts until the client gives up", async () => {
    const { pollUrl, expectHealthy } = await firstPollFaulted({ kind: "hang" });
    expect(await fetchFailure(fetch(pollUrl, { headers: authorised, signal: AbortSignal.timeout(250) }))).toBe("TimeoutError");
    await expectHealthy();
  });

  it("a trickle sends headers at once and the full body in many small writes over durationMs", async () => {
    const { pollUrl, expectHealthy } = await firstPollFaulted({ kind: "trickle", durationMs: 500 });
    const result = await rawGet(pollUrl, authorised);
    expect(result).toMatchObject({ status: 200, failure: undefined });
    expect(result.bytes).toBe(Number(result.headers["content-length"]));
    expect(result.totalMs - result.headersAfterMs).toBeGreaterThanOrEqual(400); // headers first, body over ~durationMs
    expect(result.chunks).toBeGreaterThan(10);
    await expectHealthy();
  });

  it("malformed JSON: 200 with a body cut in half", async () => {
    const { sim, id, expectHealthy } = await firstPollFaulted({ kind: "malformed-json" });
    const response = await pollGeneration(sim.url, id);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.startsWith(`{"id":"${id}"`)).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    await expectHealthy();
  });

  it.each([
    ["array", (body: unknown, id: string) => expect(body).toEqual([expect.objectContaining({ id })])],
    ["data", (body: unknown, id: string) => expect(body).toEqual({ data: expect.objectContaining({ id }) })],
    ["empty", (body: unknown) => expect(body).toEqual({})],
  ] as const)("wrong shape %s", async (shape, check) => {
    const { sim, id, expectHealthy } = await firstPollFaulted({ kind: "wrong-shape", shape });
    const response = await pollGeneration(sim.url, id);
    expect(response.status).toBe(200);
    check(await response.json(), id);
    await expectHealthy();
  });

  it("an unknown status word, custom or the default", async () => {
    const sim = await startWithFaults({ poll: [{ kind: "unknown-status", status: "paused", calls: [1] }, { kind: "unknown-status", calls: [2] }] });
    const id = await createJob(sim);
    const statuses = [];
    for (let i = 0; i < 2; i += 1) statuses.push(((await (await pollGeneration(sim.url, id)).json()) as { id: string; status: string }).status);
    expect(statuses).toEqual(["paused", "mystery"]);
  });

  it("perJob counts each job's own polls, so every job sees the fault", async () => {
    const sim = await startWithFaults({ poll: [{ kind: "http", status: 503, perJob: true, calls: [2] }] });
    const ids = [await createJob(sim), await createJob(sim), await createJob(sim)];
    const statuses: number[] = [];
    for (const round of [1, 2, 3]) {
      for (const id of round === 2 ? [...ids].reverse() : ids) statuses.push((await pollGeneration(sim.url, id)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 503, 503, 503, 200, 200, 200]);
    expect(sim.stats().faults.poll).toEqual({ "http:503": 3 });
  });

  it("is skipped, uncounted, for a spoiling fault when the real reply is an error", async () => {
    const sim = await startWithFaults({ poll: [{ kind: "malformed-json", calls: [1] }] });
    const response = await pollGeneration(sim.url, "00000000-0000-0000-0000-000000000000");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404 });
    expect(sim.stats().faults.poll).toEqual({});
  });
});
