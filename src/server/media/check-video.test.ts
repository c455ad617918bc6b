/**
 * The archive check's one ffmpeg run (checkVideo): it refuses what does not decode, and the
 * poster it writes on the way is the frame at 0.5 s, at most 640 px wide, with each ffmpeg a
 * studio may run. archive-check.test.ts drives the same check through a whole take.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { availableFfmpegs } from "../testing/ffmpeg-binaries";
import { colourSwitchVideo, corruptMiddle, testVideo } from "../testing/test-video";
import { checkVideo, probeVideo } from "./probe-video";

const binaries = await availableFfmpegs();
const dir = mkdtempSync(join(tmpdir(), "dailies-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function fileOf(bytes: Buffer): { video: string; poster: string } {
  n += 1;
  const video = join(dir, `v${n}.mp4`);
  writeFileSync(video, bytes);
  return { video, poster: join(dir, `p${n}.jpg`) };
}

async function centreColour(jpeg: string): Promise<{ r: number; g: number; b: number; width: number; height: number }> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const at = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
  return { r: data[at]!, g: data[at + 1]!, b: data[at + 2]!, width: info.width, height: info.height };
}

describe.each(binaries)("checkVideo with $label", ({ path: binary }) => {
  it("reads the decoded size and length and writes the frame at 0.5 s as a 640 px poster", async () => {
    // Red until 0.25 s, blue after: a poster from the first frame would be red.
    const { video, poster } = fileOf(await colourSwitchVideo("red", "blue", 0.25, 2));
    const facts = await checkVideo(video, poster, binary);
    expect(facts.width).toBe(1280);
    expect(facts.height).toBe(720);
    expect(facts.durationSeconds).toBeCloseTo(2, 1);
    const colour = await centreColour(poster);
    expect(colour).toMatchObject({ width: 640, height: 360 });
    expect(colour.b).toBeGreaterThan(200);
    expect(colour.r).toBeLessThan(60);
  });

  it("takes the frame at or just before 0.5 s, not a later one", async () => {
    // Green until 0.6 s, then red: 0.5 s is still green.
    const { video, poster } = fileOf(await colourSwitchVideo("green", "red", 0.6, 1.5));
    await checkVideo(video, poster, binary);
    const colour = await centreColour(poster);
    expect(colour.g).toBeGreaterThan(100);
    expect(colour.r).toBeLessThan(60);
  });

  it("still gives a clip shorter than 0.5 s a poster (its last frame before the mark)", async () => {
    const { video, poster } = fileOf(await colourSwitchVideo("blue", "red", 1, 0.25, 320, 240));
    const facts = await checkVideo(video, poster, binary);
    expect(facts).toMatchObject({ width: 320, height: 240 });
    const colour = await centreColour(poster);
    expect(colour).toMatchObject({ width: 320, height: 240 });
    expect(colour.b).toBeGreaterThan(200);
  });

  it("refuses a frame corrupted in the middle, though the poster frame before it decoded", async () => {
    const { video, poster } = fileOf(corruptMiddle(await testVideo(320, 240, 3)));
    await expect(checkVideo(video, poster, binary)).rejects.toThrow(/does not decode/);
  });

  it("refuses a file cut at 99 %", async () => {
    const whole = await testVideo(320, 240, 3);
    const { video, poster } = fileOf(whole.subarray(0, Math.floor(whole.length * 0.99)));
    await expect(checkVideo(video, poster, binary)).rejects.toThrow(/does not decode/);
    expect(statSync(video).size).toBeLessThan(whole.length);
  });

  it("probeVideo (the reel planner's fallback) reads the decoded size and length, and refuses a cut file", async () => {
    const { video } = fileOf(await colourSwitchVideo("red", "blue", 0.5, 2, 640, 360));
    expect(await probeVideo(video, binary)).toMatchObject({ width: 640, height: 360, durationSeconds: expect.closeTo(2, 1) });
    const whole = await testVideo(320, 240, 3);
    const cut = fileOf(whole.subarray(0, Math.floor(whole.length * 0.9)));
    await expect(probeVideo(cut.video, binary)).rejects.toThrow(/does not decode/);
  });
});
