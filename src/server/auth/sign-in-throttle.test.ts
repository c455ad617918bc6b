import { describe, expect, it } from "vitest";
import { cleanupsPerTest } from "../testing/harness-around";
import { openTestSql } from "../testing/test-sql";
import { createSignInThrottle, type Attempt, type SignInThrottle, type ThrottleOptions } from "./sign-in-throttle";

const cleanup = cleanupsPerTest();

/** A throttle over a fresh studio database (SQLite in memory, or Postgres on the lane). */
async function throttleOn(options: ThrottleOptions = {}): Promise<SignInThrottle> {
  const db = await openTestSql();
  cleanup(() => db.close());
  return createSignInThrottle(db, options);
}

async function begin(throttle: SignInThrottle, key: string): Promise<Attempt> {
  const started = await throttle.begin(key);
  if ("refused" in started) throw new Error(`${key} refused: ${JSON.stringify(started.refused)}`);
  return started.attempt;
}
const refusal = async (throttle: SignInThrottle, key: string) => {
  const started = await throttle.begin(key);
  return "refused" in started ? started.refused : null;
};
/** One failed attempt, or why it was refused. */
const fail = async (throttle: SignInThrottle, key: string) => {
  const started = await throttle.begin(key);
  if ("refused" in started) return started.refused;
  await started.attempt.fail();
  return null;
};

describe("the sign-in throttle", () => {
  it("lets the first attempts through, then doubles the wait per client", async () => {
    let now = 0;
    const throttle = await throttleOn({ freeAttempts: 3, now: () => now });
    for (let i = 0; i < 3; i++) expect(await fail(throttle, "1.2.3.4")).toBeNull();
    expect(await fail(throttle, "1.2.3.4")).toEqual({ reason: "locked", retryAfterMs: 1000 });
    now += 1000;
    expect(await fail(throttle, "1.2.3.4")).toBeNull();
    expect(await fail(throttle, "1.2.3.4")).toEqual({ reason: "locked", retryAfterMs: 2000 });
    expect(await fail(throttle, "5.6.7.8")).toBeNull();
    now += 2000;
    await (await begin(throttle, "1.2.3.4")).succeed();
    expect(await fail(throttle, "1.2.3.4")).toBeNull();
  });

  it("caps the wait at the longest one", async () => {
    let now = 0;
    const throttle = await throttleOn({ freeAttempts: 1, maxWaitMs: 3000, windowMs: 60_000, now: () => now });
    for (const wait of [1000, 2000, 3000, 3000]) {
      expect(await fail(throttle, "a")).toBeNull();
      expect(await refusal(throttle, "a")).toEqual({ reason: "locked", retryAfterMs: wait });
      now += wait;
    }
  });

  it("counts an attempt when it starts and lets only two run at once per client", async () => {
    const throttle = await throttleOn({ freeAttempts: 5 });
    const [a, b] = await Promise.all([throttle.begin("9.9.9.9"), throttle.begin("9.9.9.9")]);
    expect(await throttle.begin("9.9.9.9")).toEqual({ refused: { reason: "in-flight", retryAfterMs: 1000 } });
    if ("refused" in a || "refused" in b) throw new Error("should be let through");
    await a.attempt.cancel();
    await b.attempt.fail();
    await b.attempt.fail(); // settling twice changes nothing
    for (let i = 0; i < 4; i++) expect(await fail(throttle, "9.9.9.9")).toBeNull();
    expect((await fail(throttle, "9.9.9.9"))?.reason).toBe("locked");
  });

  it("settles an attempt once: a second fail does not free a second slot", async () => {
    const throttle = await throttleOn({ inFlightPerClient: 1, freeAttempts: 10 });
    const attempt = await begin(throttle, "a");
    await attempt.fail();
    await attempt.fail();
    await begin(throttle, "a");
    expect((await refusal(throttle, "a"))?.reason).toBe("in-flight");
  });
});

describe("the sign-in throttle's window", () => {
  it("forgets a client only once the window has passed since its last attempt", async () => {
    let now = 0;
    const options = { freeAttempts: 1, windowMs: 10_000, now: () => now };
    const atEdge = await throttleOn(options);
    now = 0;
    await (await begin(atEdge, "a")).fail();
    now = 10_000; // exactly the window: still remembered, so this is its second failure
    await (await begin(atEdge, "a")).fail();
    expect(await refusal(atEdge, "a")).toEqual({ reason: "locked", retryAfterMs: 2000 });

    const past = await throttleOn(options);
    now = 0;
    await (await begin(past, "a")).fail();
    now = 10_001; // past it: a fresh start
    await (await begin(past, "a")).fail();
    expect(await refusal(past, "a")).toEqual({ reason: "locked", retryAfterMs: 1000 });
  });

  it("never forgets a client while its attempt is still being checked", async () => {
    let now = 0;
    const throttle = await throttleOn({ inFlightPerClient: 1, windowMs: 10_000, now: () => now });
    const slow = await begin(throttle, "a");
    now = 60_000;
    expect(await refusal(throttle, "a")).toEqual({ reason: "in-flight", retryAfterMs: 1000 });
    await slow.fail();
  });

  it("times the wait from the answer, not from when a slow check started", async () => {
    let now = 0;
    const throttle = await throttleOn({ freeAttempts: 1, now: () => now });
    const attempt = await begin(throttle, "a");
    now = 5_000;
    await attempt.fail();
    expect(await refusal(throttle, "a")).toEqual({ reason: "locked", retryAfterMs: 1000 });
  });

  it("sweeps clients forgotten by the window as newcomers arrive, a few at a time", async () => {
    let now = 0;
    const throttle = await throttleOn({ windowMs: 10_000, now: () => now });
    for (let i = 0; i < 25; i++) expect(await fail(throttle, `10.0.0.${i}`)).toBeNull();
    now = 10_001;
    expect(await fail(throttle, "10.0.1.1")).toBeNull();
    expect(await throttle.size()).toBe(25 - 10 + 1);
    expect(await fail(throttle, "10.0.1.2")).toBeNull();
    expect(await throttle.size()).toBe(25 - 20 + 2);
  });
});

describe("a full throttle", () => {
  it("drops an idle client that is not locked to make room", async () => {
    const throttle = await throttleOn({ maxClients: 1, freeAttempts: 5 });
    await (await begin(throttle, "a")).fail();
    expect(await refusal(throttle, "b")).toBeNull();
  });

  it("never drops a client whose attempt is being checked", async () => {
    const throttle = await throttleOn({ maxClients: 1, freeAttempts: 5 });
    const held = await begin(throttle, "a");
    expect(await refusal(throttle, "b")).toEqual({ reason: "full", retryAfterMs: 1000 });
    await held.fail();
  });

  it("after refusing a newcomer, looks for room again only a second later", async () => {
    let now = 0;
    const throttle = await throttleOn({ maxClients: 1, freeAttempts: 5, now: () => now });
    const held = await begin(throttle, "a");
    expect((await refusal(throttle, "b"))?.reason).toBe("full");
    await held.succeed(); // "a" could now be dropped…
    now = 500;
    expect((await refusal(throttle, "b"))?.reason).toBe("full"); // …but not within the second
    now = 1000;
    expect(await refusal(throttle, "b")).toBeNull();
  });

  it("keeps locked clients when full of new ones, until the window forgets them", async () => {
    let now = 0;
    const throttle = await throttleOn({ freeAttempts: 1, maxClients: 3, now: () => now });
    for (const key of ["1.1.1.1", "2.2.2.2", "3.3.3.3"]) await fail(throttle, key);
    expect(await fail(throttle, "4.4.4.4")).toEqual({ reason: "full", retryAfterMs: 1000 });
    expect((await fail(throttle, "1.1.1.1"))?.reason).toBe("locked");
    now += 500;
    expect((await fail(throttle, "4.4.4.4"))?.reason).toBe("full");
    now += 16 * 60_000; // past the window: the three are swept, so room again
    expect(await fail(throttle, "4.4.4.4")).toBeNull();
    expect(await throttle.size()).toBe(1);
  });
});
