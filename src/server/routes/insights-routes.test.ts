import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES, type ErrorCode } from "../../shared/api-error";
import { insightsSchema } from "../../shared/insights";
import { openStudioSql } from "../testing/test-sql";
import { openStores } from "../store/stores";
import { startHarness, type Harness } from "../testing/studio-harness";

const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), "dailies-insights-"));
let h: Harness;

type Seed = { model: "gen4_turbo" | "gen3a_turbo"; author: string; prompt?: string; runS?: number; usd?: number; error?: ErrorCode; circled?: boolean; favourite?: boolean; deleted?: boolean; daysAgo?: number };

/** A studio's takes, written through its store, then served by a studio started on the same folder. */
async function seed(takes: Seed[]): Promise<void> {
  const db = await openStudioSql(dir);
  const { store } = openStores(db);
  for (const s of takes) {
    const [take] = await store.createTakes([
      { model: s.model, prompt: s.prompt ?? "a slow push-in", ratio: "16:9", duration: 5, seed: 1, image: { url: "https://images.example.com/a.jpg" }, lastImage: null, provider: "aimlapi", deadlineAt: Date.now() + DAY, idempotencyKey: null, author: s.author },
    ]);
    const id = take!.id;
    const accepted = await store.markAccepted(id, `up-${id}`, "queued", null, { inferenceId: `up-${id}`, credits: null, usd: s.usd ?? 0 });
    if (s.error) {
      await store.markFailed(id, { code: s.error, message: "failed" });
    } else {
      await store.update(id, { finishedAt: accepted.submittedAt! + (s.runS ?? 0) * 1000 });
      await store.markCompleted(id, { videoFile: "v.mp4", bytes: 1, width: 1, height: 1, durationSeconds: 5, posterFile: "p.jpg" });
    }
    await db.run("UPDATE generations SET review_state = ?, favourite = ?, created_at = created_at - ? WHERE id = ?", [s.circled ? "circled" : "unreviewed", s.favourite ? 1 : 0, (s.daysAgo ?? 0) * DAY, id]);
    if (s.deleted) await store.deleteSettled(id, s.author);
  }
  await db.close();
}

beforeAll(async () => {
  await seed([
    { model: "gen4_turbo", author: "Ana", runS: 20, usd: 0.25, circled: true },
    { model: "gen4_turbo", author: "Ana", runS: 40, usd: 0.25, favourite: true },
    { model: "gen4_turbo", author: "Ana", prompt: "a real person, close up", error: ERROR_CODES.safetyInput },
    { model: "gen4_turbo", author: "Ben", prompt: "a real person, close up", error: ERROR_CODES.safetyOutput },
    { model: "gen3a_turbo", author: "Ben", runS: 10, usd: 0.125, favourite: true },
    { model: "gen3a_turbo", author: "Ben", error: ERROR_CODES.deadlineExceeded },
    { model: "gen3a_turbo", author: "Ben", error: ERROR_CODES.outcomeUnknown, deleted: true },
    { model: "gen3a_turbo", author: "Ben", error: ERROR_CODES.upstreamInternal },
    // Outside the default window (the 28 days to the end of today).
    { model: "gen4_turbo", author: "Ana", runS: 99, usd: 9, daysAgo: 40 },
  ]);
  h = await startHarness({}, dir);
});
afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("GET /api/insights", () => {
  it("gives per model takes, success, failure kinds, time to complete, spend and cost per kept take, deleted takes counted", async () => {
    const insights = insightsSchema.parse(await (await fetch(`${h.url}/api/insights`)).json());
    expect(insights.groupBy).toBe("model");
    expect(insights.rows).toEqual([
      {
        key: "gen3a_turbo",
        takes: 4,
        completed: 1,
        failed: 3,
        successRate: 0.25,
        failures: { moderation: 0, provider: 1, timeout: 1, unknown: 1 },
        medianSeconds: 10,
        p90Seconds: 10,
        spendUsd: 0.125,
        circled: 0,
        favourites: 1,
        costPerCircledUsd: null,
        costPerFavouriteUsd: 0.125,
      },
      {
        key: "gen4_turbo",
        takes: 4,
        completed: 2,
        failed: 2,
        successRate: 0.5,
        failures: { moderation: 2, provider: 0, timeout: 0, unknown: 0 },
        medianSeconds: 30,
        p90Seconds: 38,
        spendUsd: 0.5,
        circled: 1,
        favourites: 1,
        costPerCircledUsd: 0.5,
        costPerFavouriteUsd: 0.5,
      },
    ]);
    expect(insights.moderatedPrompts).toEqual([{ prompt: "a real person, close up", failures: 2 }]);
    expect(insights.moderatedFrames).toEqual([{ url: "https://images.example.com/a.jpg", uploadId: null, thumbUrl: null, failures: 2 }]);
  });

  it("groups by creator and by week, and takes a window", async () => {
    const byAuthor = insightsSchema.parse(await (await fetch(`${h.url}/api/insights?groupBy=author`)).json());
    expect(byAuthor.rows.map((r) => [r.key, r.takes, r.spendUsd])).toEqual([
      ["Ana", 3, 0.5],
      ["Ben", 5, 0.125],
    ]);
    const from = new Date(Date.now() - 60 * DAY).toISOString().slice(0, 10);
    const byWeek = insightsSchema.parse(await (await fetch(`${h.url}/api/insights?groupBy=week&from=${from}`)).json());
    expect(byWeek.rows).toHaveLength(2);
    expect(byWeek.rows.every((r) => new Date(`${r.key}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(byWeek.rows.map((r) => r.takes)).toEqual([1, 8]);
    expect((await fetch(`${h.url}/api/insights?groupBy=prompt`)).status).toBe(400);
    expect((await fetch(`${h.url}/api/insights?from=yesterday`)).status).toBe(400);
  });

  it("exports the same rows as CSV", async () => {
    const reply = await fetch(`${h.url}/api/insights/csv?groupBy=author`);
    expect(reply.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(reply.headers.get("content-disposition")).toMatch(/^attachment; filename="dailies-insights-author-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect((await reply.text()).split("\r\n")).toEqual([
      "author,takes,completed,failed,successRate,medianSeconds,p90Seconds,spendUsd,circled,favourites,costPerCircledUsd,costPerFavouriteUsd,moderationFailures,providerFailures,timeoutFailures,unknownFailures",
      "Ana,3,2,1,0.6666666666666666,30,38,0.5,1,1,0.5,0.5,1,0,0,0",
      "Ben,5,1,4,0.2,10,10,0.125,0,1,,0.125,1,1,1,1",
      "",
    ]);
  });
});
