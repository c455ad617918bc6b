import Database from "better-sqlite3";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { takeSchema } from "../../shared/take";
import { sendTake, studiosPerTest, watch } from "../testing/fake-studio";
import type { FakeReply } from "../testing/fake-upstream";
import { testVideo } from "../testing/test-video";

/** What the poller makes of each kind of poll reply, one scripted upstream per test. */
const studio = studiosPerTest();
const mp4 = () => testVideo(320, 240, 1);

const status = (s: string, extra: Record<string, unknown> = {}): FakeReply => ({ json: { id: "up-1", status: s, ...extra } });
const notFound: FakeReply = { status: 404, json: { message: "Not Found", statusCode: 404 } };

/** A take whose n-th poll gets `replies[n - 1]` (the last repeats); the video is the test MP4. */
async function takeThrough(replies: ((base: string) => FakeReply)[]) {
  const pollTimes: number[] = [];
  // A 12 s deadline: a take the poller mishandles ends there rather than at the watch's limit.
  const { h, fake } = await studio(
    async (n, base) => {
      if (n < 0) return { bytes: await mp4() };
      pollTimes.push(Date.now());
      return replies[Math.min(n, replies.length) - 1]!(base);
    },
    undefined,
    { JOB_DEADLINE_MINUTES: "0.2" },
  );
  const id = await sendTake(h);
  const { last, seen } = await watch(h, id);
  const polls = fake.requests.filter((r) => r.method === "GET" && !r.url.startsWith("/video")).length;
  return { h, id, take: takeSchema.parse(last), polls, pollTimes, seen };
}
const done = (base: string) => status("completed", { video: [`${base}/video.mp4`] });

describe("the poller", () => {
  it("fails a job the provider answers 404 for three polls in a row, and asks no more", async () => {
    const { take, polls } = await takeThrough([() => notFound]);
    expect(take.error).toEqual({ code: "generation_failed", message: "The provider no longer knows this take. Generate it again.", detail: "Not Found", retryable: true });
    // Three on the vendor URL, and before the third fails the take, one on the universal URL.
    expect(polls).toBe(4);
  });

  it("rides out a run of 5xx polls, and 404s that don't repeat back to back, then completes", async () => {
    const replies = [503, 502, 503].map((code) => () => ({ status: code, json: { message: "busy" } }));
    const between = [() => status("generating"), () => notFound];
    const { take, polls } = await takeThrough([...replies, ...between, ...between, done]);
    expect(take.status).toBe("completed");
    expect(polls).toBe(8);
  });

  it("fails a job that reports failed without a reason, naming the status it reported", async () => {
    const { take } = await takeThrough([() => status("failed")]);
    expect(take.error).toMatchObject({ code: "generation_failed", message: /failed at the provider/, detail: 'The provider reported "failed".' });
    expect(take.timings.finishedAt).not.toBeNull();
  });

  it("polls again when the provider says completed without a video, and completes once it sends one", async () => {
    const { take, polls } = await takeThrough([() => status("completed"), done]);
    expect(take).toMatchObject({ status: "completed", video: { bytes: (await mp4()).length } });
    expect(polls).toBe(2);
  });

  it("keeps polling a status it does not know, as queued, and at the deadline fails the take naming that status", async () => {
    const { take, polls, seen } = await takeThrough([() => status("queued"), () => status("mystery")]);
    expect([...seen]).toEqual(["queued", "failed"]);
    expect(take.timings.startedAt).toBeNull();
    expect(take.error).toMatchObject({ code: "deadline_exceeded", detail: 'The provider last reported "mystery".' });
    expect(polls).toBeGreaterThan(2);
  });

  it("starts the take's clock at the first poll that says generating, and stores how often it asked", async () => {
    const { h, id, take, pollTimes } = await takeThrough([() => status("queued"), () => status("generating"), () => status("generating"), done]);
    const startedAt = Date.parse(take.timings.startedAt ?? "");
    expect(startedAt).toBeGreaterThanOrEqual(pollTimes[1]!);
    expect(startedAt).toBeLessThanOrEqual(pollTimes[2]!);
    const db = new Database(join(h.dataDir, "dailies.sqlite"), { readonly: true });
    try {
      expect(db.prepare("SELECT poll_count FROM generations WHERE id = ?").get(id)).toEqual({ poll_count: 4 });
    } finally {
      db.close();
    }
  });
});
