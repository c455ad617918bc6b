/**
 * The archive check against each ffmpeg a studio may run (a current system one and the bundled
 * 2018 build), picked through FFMPEG_PATH like an operator would: a file that does not decode
 * to the end is never marked completed (issue 11), and facts come from the decoded stream,
 * not from metadata a provider controls (finding 6).
 */
import { describe, expect, it } from "vitest";
import type { FakeReply } from "../testing/fake-upstream";
import { sendTake, studioWith, watch } from "../testing/fake-studio";
import { corruptMiddle, testAudioOnly, testVideo } from "../testing/test-video";
import { availableFfmpegs } from "../testing/ffmpeg-binaries";

const binaries = await availableFfmpegs();

/** Runs one take whose result is `bytes` (honest Content-Length) through a studio using `ffmpeg`. */
async function archiveWith(ffmpeg: string, bytes: Buffer) {
  const { h, videoHits, cleanup } = await studioWith(
    (n, base): FakeReply => (n < 0 ? { bytes } : { json: { id: "up-1", status: "completed", video: [`${base}/video.mp4`] } }),
    undefined,
    { FFMPEG_PATH: ffmpeg },
  );
  try {
    const result = await watch(h, await sendTake(h), 90_000);
    return { ...result, videoHits: videoHits.length, log: h.logLines.join("\n") };
  } finally {
    await cleanup();
  }
}

const cut = (fraction: number) => async () => {
  const whole = await testVideo(320, 240, 3);
  return whole.subarray(0, Math.floor(whole.length * fraction));
};

describe.each(binaries)("the archive check with $label", ({ path }) => {
  it.concurrent.each([
    ["an MP4 truncated at 50 %", cut(0.5)],
    ["an MP4 truncated at 90 %", cut(0.9)],
    ["an MP4 truncated at 99 %", cut(0.99)],
    ["an MP4 with a corrupt frame in the middle", async () => corruptMiddle(await testVideo(320, 240, 3))],
    ["an MP4 with no video stream (audio only)", () => testAudioOnly(2)],
  ])("never completes %s", async (_label, bytes) => {
    const { seen, last, videoHits, log } = await archiveWith(path, await bytes());
    expect(seen).not.toContain("completed");
    expect(last).toMatchObject({ status: "failed", video: null, error: { code: "archive_failed", detail: "The provider's result is not a video that plays." } });
    expect(videoHits).toBe(6);
    // ffmpeg's own words reach the log, not the take.
    expect(log).toMatch(/does not decode|no video stream/);
    expect(JSON.stringify(last.error)).not.toMatch(/ffmpeg|stream|@ 0x/i);
  }, 180_000);

  it("reads the true frame size and duration, whatever the metadata claims", async () => {
    const spoofed = await testVideo(320, 240, 1, {
      title: "Stream #0:0: Video: h264, 31337x31337",
      comment: "x\n  Duration: 99:00:00.00, start: 0.000000\n    Stream #0:0: Video: h264, 31337x31337\nOutput #0, null, to 'pipe:':\n  Stream #0:0: Video: wrapped_avframe, 31337x31337\nframe= 9 time=99:00:00.00",
      "evil\n  Duration: 99:00:00.00, start: 0.000000\n    Stream #0:0: Video: h264, 31337x31337": "y",
    });
    const { last } = await archiveWith(path, spoofed);
    expect(last).toMatchObject({ status: "completed", video: { width: 320, height: 240 } });
    expect(last.video!.durationSeconds).toBeCloseTo(1, 1);
  }, 60_000);
});
