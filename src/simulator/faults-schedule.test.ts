import { describe, expect, it, vi } from "vitest";
import { createJob, fetchFailure, startWithFaults, setUpFaultFixtures } from "./fault-test-support";
import type { FaultsConfig } from "./faults-config";
import { GENERATION_PATH, TEST_KEY, pollGeneration } from "./sim-test-client";
import type { Simulator } from "./simulator";

setUpFaultFixtures();

type PollTrigger = Omit<NonNullable<FaultsConfig["poll"]>[number], "kind" | "status">;

/** The 1-based numbers of the calls, out of `count` polls of an unknown id, that got the 503 fault. */
async function faultedCalls(sim: Simulator, count: number): Promise<number[]> {
  const hit: number[] = [];
  for (let call = 1; call <= count; call += 1) {
    const { status } = await pollGeneration(sim.url, "unknown");
    expect([404, 503]).toContain(status);
    if (status === 503) hit.push(call);
  }
  return hit;
}

const polls503 = (trigger: PollTrigger, seed?: number) =>
  startWithFaults({ ...(seed === undefined ? {} : { seed }), poll: [{ kind: "http", status: 503, ...trigger }] });

describe("schedules", () => {
  it.each<[string, PollTrigger, number[]]>([
    ["the 1st and 3rd calls", { calls: [1, 3] }, [1, 3]],
    ["calls 2–4", { from: 2, to: 4 }, [2, 3, 4]],
    ["from call 9 on", { from: 9 }, [9, 10]],
    ["the first two", { to: 2 }, [1, 2]],
    ["every 5th call", { every: 5 }, [5, 10]],
  ])("hit exactly %s", async (_name, trigger, expected) => {
    const sim = await polls503(trigger);
    expect(await faultedCalls(sim, 10)).toEqual(expected);
    expect(sim.stats()).toMatchObject({ calls: { poll: 10 }, faults: { poll: { "http:503": expected.length } } });
  });

  it("try rules in order, the first that fires winning, and report them in GET /__simulator/stats", async () => {
    const sim = await startWithFaults({
      poll: [
        { kind: "http", status: 503, calls: [2] },
        { kind: "http", status: 500, from: 2, to: 3 },
      ],
    });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await pollGeneration(sim.url, "unknown")).status);
    expect(statuses).toEqual([404, 503, 500, 404]);
    const stats = await (await fetch(`${sim.url}/__simulator/stats`)).json();
    expect(stats).toEqual(sim.stats());
    expect(stats).toMatchObject({ polls: 2, calls: { create: 0, poll: 4, result: 0 }, faults: { poll: { "http:503": 1, "http:500": 1 } } });
  });
});

describe("rates", () => {
  it("are reproducible with the same seed, differ with another, and roughly match the rate over 200 calls", async () => {
    const first = await faultedCalls(await polls503({ rate: 0.3 }, 42), 200);
    const again = await faultedCalls(await polls503({ rate: 0.3 }, 42), 200);
    const other = await faultedCalls(await polls503({ rate: 0.3 }, 43), 200);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    for (const run of [first, other]) expect(Math.abs(run.length - 60)).toBeLessThanOrEqual(25);
  });

  it("are reproducible per job too, though job ids are random", async () => {
    const pattern = async () => {
      const sim = await startWithFaults({ seed: 5, poll: [{ kind: "http", status: 503, perJob: true, rate: 0.4 }] });
      const ids: string[] = [];
      for (let i = 0; i < 8; i += 1) ids.push(await createJob(sim));
      const statuses: number[] = [];
      for (let round = 0; round < 4; round += 1) {
        for (const id of ids) statuses.push((await pollGeneration(sim.url, id)).status);
      }
      return statuses;
    };
    const first = await pattern();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await pattern()).toEqual(first);
  });

  it("0 never fires and 1 always does", async () => {
    expect(await faultedCalls(await polls503({ rate: 0 }), 20)).toEqual([]);
    expect(await faultedCalls(await polls503({ rate: 1 }), 20)).toHaveLength(20);
  });
});

describe("close()", () => {
  it("returns promptly with a hanging request and a trickling reply open", async () => {
    const sim = await startWithFaults({ poll: [{ kind: "hang", calls: [1] }, { kind: "trickle", durationMs: 60_000, calls: [2] }] });
    const headers = { authorization: `Bearer ${TEST_KEY}` };
    const url = `${sim.url}${GENERATION_PATH}?generation_id=${await createJob(sim)}`;
    const hanging = fetchFailure(fetch(url, { headers }));
    await vi.waitFor(() => expect(sim.stats().calls.poll).toBe(1), { timeout: 10_000 }); // the hang is call 1
    const trickling = await fetch(url, { headers });
    expect(trickling.status).toBe(200);
    const body = fetchFailure(Promise.resolve(trickling));
    // Waiting for them, close() would outlast the test's timeout: the hang never ends, the
    // trickle takes 60 s. Cut short, both fail.
    await sim.close();
    expect(await hanging).toMatch(/other side closed|ECONNRESET|UND_ERR_SOCKET/);
    expect(await body).toMatch(/terminated|other side closed|ECONNRESET|UND_ERR_SOCKET/);
  });
});
