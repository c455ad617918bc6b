import { describe, expect, it } from "vitest";
import { createSignInThrottle, type Attempt } from "./sign-in-throttle";

type Throttle = ReturnType<typeof createSignInThrottle>;

function begin(throttle: Throttle, key: string): Attempt {
  const started = throttle.begin(key);
  if ("refused" in started) throw new Error(`${key} refused: ${JSON.stringify(started.refused)}`);
  return started.attempt;
}
const refusal = (throttle: Throttle, key: string) => {
  const started = throttle.begin(key);
  return "refused" in started ? started.refused : null;
};

describe("the sign-in throttle's window", () => {
  it("forgets a client only once the window has passed since its last attempt", () => {
    let now = 0;
    const make = () => createSignInThrottle({ freeAttempts: 1, windowMs: 10_000, now: () => now });
    const atEdge = make();
    now = 0;
    begin(atEdge, "a").fail();
    now = 10_000; // exactly the window: still remembered, so this is its second failure
    begin(atEdge, "a").fail();
    expect(refusal(atEdge, "a")).toEqual({ reason: "locked", retryAfterMs: 2000 });

    const past = make();
    now = 0;
    begin(past, "a").fail();
    now = 10_001; // past it: a fresh start
    begin(past, "a").fail();
    expect(refusal(past, "a")).toEqual({ reason: "locked", retryAfterMs: 1000 });
  });

  it("never forgets a client while its attempt is still being checked", () => {
    let now = 0;
    const throttle = createSignInThrottle({ inFlightPerClient: 1, windowMs: 10_000, now: () => now });
    const slow = begin(throttle, "a");
    now = 60_000;
    expect(refusal(throttle, "a")).toEqual({ reason: "in-flight", retryAfterMs: 1000 });
    slow.fail();
  });

  it("times the wait from the answer, not from when a slow check started", () => {
    let now = 0;
    const throttle = createSignInThrottle({ freeAttempts: 1, now: () => now });
    const attempt = begin(throttle, "a");
    now = 5_000;
    attempt.fail();
    expect(refusal(throttle, "a")).toEqual({ reason: "locked", retryAfterMs: 1000 });
  });

  it("settles an attempt once: a second fail does not free a second slot", () => {
    const throttle = createSignInThrottle({ inFlightPerClient: 1, freeAttempts: 10 });
    const attempt = begin(throttle, "a");
    attempt.fail();
    attempt.fail();
    begin(throttle, "a");
    expect(refusal(throttle, "a")?.reason).toBe("in-flight");
  });
});

describe("a full throttle", () => {
  it("drops an idle client that is not locked to make room", () => {
    const throttle = createSignInThrottle({ maxClients: 1, freeAttempts: 5 });
    begin(throttle, "a").fail();
    expect(refusal(throttle, "b")).toBeNull();
  });

  it("never drops a client whose attempt is being checked", () => {
    const throttle = createSignInThrottle({ maxClients: 1, freeAttempts: 5 });
    const held = begin(throttle, "a");
    expect(refusal(throttle, "b")).toEqual({ reason: "full", retryAfterMs: 1000 });
    held.fail();
  });

  it("after refusing a newcomer, looks for room again only a second later", () => {
    let now = 0;
    const throttle = createSignInThrottle({ maxClients: 1, freeAttempts: 5, now: () => now });
    const held = begin(throttle, "a");
    expect(refusal(throttle, "b")?.reason).toBe("full");
    held.succeed(); // "a" could now be dropped…
    now = 500;
    expect(refusal(throttle, "b")?.reason).toBe("full"); // …but not within the second
    now = 1000;
    expect(refusal(throttle, "b")).toBeNull();
  });
});
