import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { startPasswordHarness, TEST_PASSWORD } from "../testing/password-studio";
import { postJson, type Harness } from "../testing/studio-harness";

const FREE_ATTEMPTS = 5;
const STOPPED = { now: () => 1_800_000_000_000 };

const signIn = (h: Harness, from: string, password: string, name = "Mallory") => postJson(h.url, "/api/session", { name, password }, { "x-forwarded-for": from });

describe("sign-in throttle under a burst (behind a trusted proxy)", () => {
  let h: Harness;
  beforeAll(async () => {
    // A stopped clock: however long the burst takes on a busy machine, no lock-out runs out.
    h = await startPasswordHarness({ TRUSTED_PROXIES: "127.0.0.1, ::1" }, STOPPED);
  });
  afterAll(() => h.stop());

  it("checks at most the free attempts of 200 parallel wrong passwords from one address; the name still signs in from elsewhere", async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => signIn(h, "203.0.113.7", `guess-${i}`)));
    const statuses = answers.map((a) => a.status);
    const checked = statuses.filter((s) => s === 401).length;
    // A 401 is a password that was checked; 429 and 503 were refused before any check.
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(FREE_ATTEMPTS);
    expect(statuses.every((s) => s === 401 || s === 429 || s === 503)).toBe(true);
    const refused = answers.find((a) => a.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(apiErrorSchema.parse(await refused.json()).error.code).toBe("too_many_attempts");

    const elsewhere = await signIn(h, "198.51.100.20", TEST_PASSWORD);
    expect(elsewhere.status).toBe(200);
    expect(await elsewhere.json()).toMatchObject({ user: { name: "Mallory" } });
  });

  it("keys by the right-most untrusted X-Forwarded-For hop: changing the hops to its left escapes nothing", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < FREE_ATTEMPTS + 2; i++) statuses.push((await signIn(h, `10.9.8.${i}, 192.0.2.44`, "wrong")).status);
    expect(statuses.slice(0, FREE_ATTEMPTS)).toEqual(Array(FREE_ATTEMPTS).fill(401));
    expect(statuses.slice(FREE_ATTEMPTS)).toEqual([429, 429]);
    // Another address in the same IPv6 /64 is the same client.
    for (let i = 0; i < FREE_ATTEMPTS; i++) await signIn(h, `2001:db8:5:6::${i + 1}`, "wrong");
    expect((await signIn(h, "2001:db8:5:6:ffff::9", TEST_PASSWORD)).status).toBe(429);
    expect((await signIn(h, "2001:db8:5:7::1", TEST_PASSWORD)).status).toBe(200);
  });
});

describe("sign-in throttle without a trusted proxy", () => {
  it("ignores X-Forwarded-For from a client that is not a trusted proxy", async () => {
    const h = await startPasswordHarness({}, STOPPED);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < FREE_ATTEMPTS + 1; i++) statuses.push((await signIn(h, `198.51.100.${i}`, "wrong")).status);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await h.stop();
    }
  });
});
