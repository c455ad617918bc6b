import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanupsPerTest } from "../testing/harness-around";
import { PASSWORD_SETTINGS, TEST_PASSWORD } from "../testing/password-studio";
import { postJson, startHarness, type Harness } from "../testing/studio-harness";
import { openTestSql } from "../testing/test-sql";
import { createSignInThrottle, type SignInThrottle } from "./sign-in-throttle";

const cleanup = cleanupsPerTest();
const STOPPED = { now: () => 1_800_000_000_000 };

/** Two throttles, as two replicas hold them, over one database. */
async function twoThrottles(): Promise<[SignInThrottle, SignInThrottle]> {
  const db = await openTestSql();
  cleanup(() => db.close());
  return [createSignInThrottle(db, { freeAttempts: 5, ...STOPPED }), createSignInThrottle(db, { freeAttempts: 5, ...STOPPED })];
}

const fail = async (throttle: SignInThrottle, key: string) => {
  const started = await throttle.begin(key);
  if ("refused" in started) return started.refused.reason;
  await started.attempt.fail();
  return "checked";
};

describe("two replicas' throttles on one database", () => {
  it("count one client's attempts together, and a success on one clears it on the other", async () => {
    const [a, b] = await twoThrottles();
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await fail(i % 2 ? b : a, "203.0.113.7"));
    expect(answers).toEqual(["checked", "checked", "checked", "checked", "checked", "locked", "locked"]);

    const other = "198.51.100.20";
    for (let i = 0; i < 4; i++) await fail(a, other);
    const started = await b.begin(other);
    if ("refused" in started) throw new Error("the fifth attempt is free");
    await started.attempt.succeed();
    for (let i = 0; i < 5; i++) expect(await fail(a, other)).toBe("checked");
  });

  it("grant the last free attempt to one of them only, however close together they ask", async () => {
    const [a, b] = await twoThrottles();
    for (let round = 0; round < 10; round++) {
      const key = `192.0.2.${round}`;
      for (let i = 0; i < 4; i++) await fail(a, key);
      const both = await Promise.all([a.begin(key), b.begin(key)]);
      expect(both.filter((s) => "attempt" in s)).toHaveLength(1);
      expect(both.filter((s) => "refused" in s).map((s) => ("refused" in s ? s.refused.reason : null))).toEqual(["locked"]);
    }
  });
});

// Only the Postgres lane runs studios on one database: a SQLite studio owns its data folder's file.
// One data folder: on SQLite one database file, on the Postgres lane one schema (laneSchemaFor).
describe("two studios on one database", () => {
  const start = (dir: string) =>
    startHarness({ ...PASSWORD_SETTINGS, SESSION_SECRET: "s".repeat(32) }, dir, STOPPED).then((h) => {
      let stopped: Promise<void> | undefined;
      const stop = () => (stopped ??= h.stop());
      cleanup(stop);
      return { ...h, stop };
    });
  const signIn = (h: Harness, password: string) => postJson(h.url, "/api/session", { name: "Mallory", password });

  it("lock a client out as one would: wrong passwords alternating between them, and after a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dailies-throttle-"));
    cleanup(async () => rmSync(dir, { recursive: true, force: true }));
    const [one, two] = [await start(dir), await start(dir)];
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn(i % 2 ? two : one, `guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect((await signIn(two, TEST_PASSWORD)).status).toBe(429);

    await one.stop();
    const again = await start(dir);
    const locked = await signIn(again, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBe("1");
  });
});
