import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { availableFfmpegs } from "../testing/ffmpeg-binaries";
import { probeReel } from "../testing/reel-probe";
import { testVideo } from "../testing/test-video";
import { cutReel, reelArgs } from "./cut-reel";
import { renderSlate } from "./slate";

const dir = mkdtempSync(join(tmpdir(), "dailies-cut-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The studio cuts with the ffmpeg it chose at start-up: Debian's when there is one, else the bundled 2018 build.
describe.each(await availableFfmpegs())("a reel cut by $label", ({ label, path }) => {
  it("holds each slate and take for its frames, fitted to the canvas, and reports progress up to the whole", async () => {
    const canvas = { width: 192, height: 108 };
    const slate = join(dir, `${label}-slate.png`);
    writeFileSync(slate, await renderSlate({ project: "P", shot: "SH010", takeId: "t", model: "gen4_turbo", seed: 1, author: "ana", date: "2026-11-30" }, canvas.width, canvas.height));
    const portrait = join(dir, `${label}-portrait.mp4`);
    writeFileSync(portrait, await testVideo(120, 240, 1));
    const out = join(dir, `${label}-reel.mp4`);
    const seen: number[] = [];
    // A 1 s take cut to 30 frames is held on its last frame; one of 24 is cut to 12.
    const segments = [
      { slatePng: slate, slateFrames: 24, video: portrait, takeFrames: 30 },
      { slatePng: slate, slateFrames: 12, video: portrait, takeFrames: 12 },
    ];
    await cutReel(reelArgs(segments, canvas, out), { binary: path, totalSeconds: 78 / 24, onProgress: (f) => seen.push(f), signal: new AbortController().signal, timeoutMs: 60_000 });
    expect(await probeReel(out)).toMatchObject({ codec: "h264", pixFmt: "yuv420p", width: 192, height: 108, frameRate: "24/1", frames: 78, errors: "" });
    expect(seen.at(-1)).toBe(1);
  });
});

it("rejects with ffmpeg's last words when a take does not decode", async () => {
  const bad = join(dir, "bad.mp4");
  writeFileSync(bad, "not a video");
  const args = reelArgs([{ slatePng: bad, slateFrames: 24, video: bad, takeFrames: 24 }], { width: 192, height: 108 }, join(dir, "never.mp4"));
  await expect(cutReel(args, { binary: "/usr/bin/ffmpeg", totalSeconds: 2, onProgress: () => {}, signal: new AbortController().signal, timeoutMs: 60_000 })).rejects.toThrow(/^ffmpeg exited with 1: \S/);
});
