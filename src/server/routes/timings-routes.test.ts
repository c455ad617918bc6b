/**
 * What the poller learns: each take's finish as a bracket (the last poll that found it running,
 * the first that found it done), served at /api/timings, and the plan made from it (one GET
 * for takes this short, against the fixed 10 s loop's one).
 */
import { describe, expect, it } from "vitest";
import { timingsResponseSchema } from "../../shared/api";
import { takeSchema } from "../../shared/take";
import { sendTake, studiosPerTest, watch } from "../testing/fake-studio";
import type { FakeReply } from "../testing/fake-upstream";
import { testVideo } from "../testing/test-video";

const started = studiosPerTest();
const RENDER_MS = 400;

describe("GET /api/timings and the poll plan", () => {
  it("learns when takes finished, without the detection lag, and plans from it", async () => {
    const video = await testVideo(320, 240, 1);
    let doneAt = 0;
    let polls = 0;
    let firstPollRuns = true;
    const { h } = await started(
      (n, base): FakeReply => {
        if (n < 0) return { bytes: video };
        polls++;
        // The first poll of a take finds it running, however late a busy machine sends it.
        const running = Date.now() < doneAt || (firstPollRuns && polls === 1);
        return running ? { json: { id: "up-1", status: "generating" } } : { json: { id: "up-1", status: "completed", video: [`${base}/video.mp4`] } };
      },
      undefined,
      { POLL_INTERVAL_MS: "60" },
    );
    const empty = timingsResponseSchema.parse(await (await fetch(`${h.url}/api/timings`)).json());
    expect(empty.timings).toContainEqual({ model: "gen4_turbo", duration: 5, samples: 0, quantilesMs: [] });

    for (let take = 0; take < 5; take++) {
      polls = 0;
      doneAt = Date.now() + RENDER_MS;
      const { last } = await watch(h, await sendTake(h));
      expect(last.status).toBe("completed");
      // A poll saw it running: its start is recorded.
      expect(last.timings.startedAt).not.toBeNull();
    }
    const { timings } = timingsResponseSchema.parse(await (await fetch(`${h.url}/api/timings`)).json());
    const learned = timings.find((t) => t.model === "gen4_turbo" && t.duration === 5)!;
    expect(learned.samples).toBe(5);
    expect(learned.quantilesMs).toHaveLength(21);
    // Brackets 60 ms wide around a 400 ms render: the median lies inside, not at the detection.
    expect(learned.quantilesMs[10]).toBeGreaterThan(RENDER_MS - 80);
    expect(learned.quantilesMs[10]).toBeLessThan(RENDER_MS + 300);
    expect(timings.find((t) => t.model === "gen3a_turbo" && t.duration === 5)?.samples).toBe(0);

    // Learned: the fixed 10 s loop would spend one GET on a 0.4 s take, and so does the plan
    // (one poll when every take seen was done), where the steady 60 ms interval spent about seven.
    polls = 0;
    firstPollRuns = false;
    doneAt = Date.now() + RENDER_MS;
    // Its one poll comes when every take seen was done, so even the first poll finds it done.
    const { last } = await watch(h, await sendTake(h));
    expect(takeSchema.parse(last).status).toBe("completed");
    expect(polls).toBe(1);
  });
});
