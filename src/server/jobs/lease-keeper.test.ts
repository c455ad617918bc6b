import pino from "pino";
import { describe, expect, it } from "vitest";
import { startLeaseKeeper } from "./lease-keeper";

const log = pino({ level: "silent" });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until `done()` holds (a busy machine delays timers; no test here counts on their timing). */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 10_000) throw new Error("waited 10 s");
    await wait(10);
  }
}

describe("the lease keeper", () => {
  it("renews every third of the lease, hands the kept ids over, then adopts what it claimed, in that order", async () => {
    const calls: string[] = [];
    const keeper = startLeaseKeeper({
      leaseMs: 300,
      renew: async () => (calls.push("renew"), new Set(["a"])),
      kept: (ids) => calls.push(`kept ${[...ids].join()}`),
      claimLapsed: async () => (calls.push("claim"), ["b"]),
      adopt: async (rows) => void calls.push(`adopt ${rows.join()}`),
      log,
      what: "test",
    });
    // Nothing at once: the first round comes a third of the lease later.
    expect(calls).toEqual([]);
    await until(() => calls.length >= 4);
    expect(calls.slice(0, 4)).toEqual(["renew", "kept a", "claim", "adopt b"]);
    await until(() => calls.filter((c) => c === "renew").length >= 3);
    await keeper.stop();
    const after = calls.length;
    await wait(250);
    expect(calls.length).toBe(after);
  });

  it("never starts a round while one is under way, and stop() waits for it", async () => {
    let running = 0;
    let most = 0;
    let finished = 0;
    const keeper = startLeaseKeeper({
      leaseMs: 300,
      renew: async () => {
        running++;
        most = Math.max(most, running);
        await wait(250);
        running--;
        finished++;
      },
      claimLapsed: async () => [],
      adopt: async () => undefined,
      log,
      what: "test",
    });
    await until(() => running === 1);
    // Two more ticks pass while the round is still under way: neither starts another.
    await wait(220);
    await keeper.stop();
    expect(running).toBe(0);
    expect(finished).toBeGreaterThanOrEqual(1);
    expect(most).toBe(1);
  });

  it("keeps going after a round that failed, and takes nothing over once stopped mid-round", async () => {
    let rounds = 0;
    const adopted: string[][] = [];
    let release: () => void = () => undefined;
    const keeper = startLeaseKeeper({
      leaseMs: 300,
      renew: async () => {
        rounds++;
        if (rounds === 1) throw new Error("database out of reach");
        if (rounds === 3) await new Promise<void>((resolve) => (release = resolve));
        return new Set<string>();
      },
      claimLapsed: async () => ["x"],
      adopt: async (rows) => void adopted.push(rows),
      log,
      what: "test",
    });
    // The first round failed before it claimed anything; the second adopted.
    await until(() => adopted.length === 1);
    expect(adopted).toEqual([["x"]]);
    await until(() => rounds === 3);
    const stopped = keeper.stop();
    release();
    await stopped;
    expect(adopted).toEqual([["x"]]);
  });
});
