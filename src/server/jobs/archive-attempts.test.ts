import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { takeSchema } from "../../shared/take";
import { sendTake, studiosPerTest, watch } from "../testing/fake-studio";
import { waitForTerminal } from "../testing/studio-harness";
import { testVideo } from "../testing/test-video";

/** A made (and paid for) video is fetched again on failure, a bounded number of times. */
const studio = studiosPerTest();
const mp4 = () => testVideo(320, 240, 1);

describe("archive attempts", () => {
  it("bound a finishing take instead of its deadline, and fetch the file again without polling again", async () => {
    const { h, fake, videoHits } = await studio(
      async (n, base) => {
        if (n === -1) {
          // The first download outlives the deadline (1.2 s), then fails.
          await new Promise((r) => setTimeout(r, 2000));
          return { status: 500, text: "cdn busy" };
        }
        if (n < 0) return { bytes: await mp4() };
        return { json: { id: "up-1", status: "completed", video: [`${base}/video.mp4`] } };
      },
      undefined,
      { JOB_DEADLINE_MINUTES: "0.02" },
    );
    const id = await sendTake(h);
    expect(takeSchema.parse(await waitForTerminal(h.url, id))).toMatchObject({ status: "completed", video: { bytes: (await mp4()).length } });
    expect(videoHits).toHaveLength(2);
    expect(fake.requests.filter((r) => r.method === "GET" && !r.url.startsWith("/video"))).toHaveLength(1);
  });

  it("end when the studio can't store the checked file (its posters folder is gone): failed after six, not retried forever", async () => {
    const { h, videoHits } = await studio(async (n, base) => (n < 0 ? { bytes: await mp4() } : { json: { id: "up-1", status: "completed", video: [`${base}/video.mp4`] } }));
    const posters = join(h.dataDir, "media", "posters");
    rmSync(posters, { recursive: true });
    writeFileSync(posters, "not a folder");
    // Watched until a seventh download at the latest, so a retry without end fails fast.
    const { last } = await watch(h, await sendTake(h), 60_000, () => videoHits.length > 6);
    expect(last).toMatchObject({ status: "failed", video: null, error: { code: "archive_failed", detail: "The provider's result could not be downloaded." } });
    expect(videoHits).toHaveLength(6);
  }, 90_000);
});
