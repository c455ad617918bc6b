import { describe, expect, it } from "vitest";
import { ERROR_CODES, type ErrorCode } from "../../shared/api-error";
import { openTestSql } from "../testing/test-sql";
import { createInsightQueries } from "./insight-queries";
import { createTakesStore } from "./takes-store";

const at = (day: number, hour = 0) => Date.UTC(2026, 10, day, hour);

type Seed = { author: string; model: "gen4_turbo" | "gen3a_turbo"; createdAt: number; runS?: number; usd?: number; error?: ErrorCode; deleted?: boolean };

/** Takes recorded at set instants through the store; a window that starts mid-week (Wednesday 2026-11-04, 06:00 UTC). */
async function studio(seeds: Seed[]) {
  const db = await openTestSql();
  let clock = 0;
  const store = createTakesStore(db, () => clock);
  for (const s of seeds) {
    clock = s.createdAt;
    const [take] = await store.createTakes([
      { model: s.model, prompt: "a slow push-in", ratio: "16:9", duration: 5, seed: 1, image: { url: "https://images.example.com/a.jpg" }, lastImage: null, provider: "aimlapi", deadlineAt: clock + 3_600_000, idempotencyKey: null, author: s.author },
    ]);
    const accepted = await store.markAccepted(take!.id, "up", "queued", null, { inferenceId: "up", credits: null, usd: s.usd ?? 0 });
    if (s.error) await store.markFailed(take!.id, { code: s.error, message: "failed" });
    else {
      await store.update(take!.id, { finishedAt: accepted.submittedAt! + (s.runS ?? 0) * 1000 });
      await store.markCompleted(take!.id, { videoFile: "v.mp4", bytes: 1, width: 1, height: 1, durationSeconds: 5, posterFile: "p.jpg" });
    }
    if (s.deleted) await store.deleteSettled(take!.id, s.author);
  }
  return { queries: createInsightQueries(db), store, db };
}

const seeds: Seed[] = [
  { author: "Ed", model: "gen4_turbo", createdAt: at(3), runS: 99, usd: 9 },
  { author: "Cy", model: "gen4_turbo", createdAt: at(4, 12), runS: 10, usd: 0.1 },
  { author: "Cy", model: "gen4_turbo", createdAt: at(9) - 1, runS: 20, usd: 0.1 },
  { author: "Dee", model: "gen3a_turbo", createdAt: at(9), runS: 30, usd: 0.3, deleted: true },
  { author: "Cy", model: "gen3a_turbo", createdAt: at(10), error: ERROR_CODES.safetyInput },
];

describe("insight queries", () => {
  it("counts an author whose only take in the window was deleted, and leaves out one with none in it", async () => {
    const { queries } = await studio(seeds);
    const rows = await queries.grouped("author", at(4, 6), at(11));
    expect(rows.map((r) => [r.key, r.takes, r.completed, r.failed, r.failures.moderation, r.medianSeconds, r.p90Seconds, r.spendUsd])).toEqual([
      ["Cy", 3, 2, 1, 1, 15, 19, 0.2],
      ["Dee", 1, 1, 0, 0, null, null, 0.3],
    ]);
  });

  it("cuts weeks at Monday 00:00 UTC, the first one from where the window starts", async () => {
    const { queries } = await studio(seeds);
    const rows = await queries.grouped("week", at(4, 6), at(11));
    expect(rows.map((r) => [r.key, r.takes, r.completed, r.failed, r.medianSeconds, r.p90Seconds, r.spendUsd])).toEqual([
      ["2026-11-02", 2, 2, 0, 15, 19, 0.2],
      ["2026-11-09", 2, 1, 1, null, null, 0.3],
    ]);
    expect((await queries.grouped("model", at(4, 6), at(11))).map((r) => [r.key, r.takes])).toEqual([
      ["gen3a_turbo", 2],
      ["gen4_turbo", 2],
    ]);
  });

  it("keeps whole days until a take of that day changes, and reads the window's partial days afresh", async () => {
    const { queries, store, db } = await studio(seeds);
    const window = [at(4, 6), at(11)] as const;
    const first = await queries.grouped("author", ...window);
    expect(first.find((r) => r.key === "Cy")!.favourites).toBe(0);
    // A favourite through the store bumps its day (the trigger): the next answer counts it.
    const cy = await db.get<{ id: string }>("SELECT id FROM generations WHERE created_at = ?", [at(9) - 1]);
    await store.setMarks(cy!.id, { favourite: true });
    expect((await queries.grouped("author", ...window)).find((r) => r.key === "Cy")!.favourites).toBe(1);
    // Behind the triggers' back (no version bump), a whole day's figures stay as kept…
    await db.run(db.engine === "postgres" ? "DROP TRIGGER insight_days_update ON generations" : "DROP TRIGGER insight_days_update");
    await db.run("UPDATE generations SET favourite = 0 WHERE id = ?", [cy!.id]);
    expect((await queries.grouped("author", ...window)).find((r) => r.key === "Cy")!.favourites).toBe(1);
    // …while a window that starts inside that day reads its part afresh,
    expect((await queries.grouped("author", at(8, 12), at(9))).find((r) => r.key === "Cy")!.favourites).toBe(0);
    // and once the day's version moves, the whole day is read again.
    await db.run("UPDATE insight_days SET version = version + 1 WHERE day = ?", [Math.floor((at(9) - 1) / 86_400_000)]);
    expect((await queries.grouped("author", ...window)).find((r) => r.key === "Cy")!.favourites).toBe(0);
  });

  it("says the same as one pass over the raw rows, for any window", async () => {
    const { queries } = await studio(seeds);
    const whole = await queries.grouped("model", at(1), at(20));
    const edges = await queries.grouped("model", at(2, 13), at(10, 1));
    expect(whole.map((r) => [r.key, r.takes, r.spendUsd])).toEqual([
      ["gen3a_turbo", 2, 0.3],
      ["gen4_turbo", 3, 9.2],
    ]);
    expect(edges).toEqual(whole);
    expect(await queries.moderatedPrompts(at(1), at(20))).toEqual([{ prompt: "a slow push-in", failures: 1 }]);
    expect(await queries.moderatedPrompts(at(11), at(20))).toEqual([]);
    // A window under a day that crosses midnight from Sunday into Monday: each take in its own week.
    expect((await queries.grouped("week", at(8, 12), at(9, 12))).map((r) => [r.key, r.takes])).toEqual([
      ["2026-11-02", 1],
      ["2026-11-09", 1],
    ]);
  });
});
