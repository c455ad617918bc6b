import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../logger";
import { bundledFfmpegPath, chooseFfmpeg, ffmpegMajorVersion, runFfmpeg } from "./ffmpeg";

const dir = mkdtempSync(join(tmpdir(), "dailies-ffmpeg-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capturedLog() {
  const lines: string[] = [];
  return { lines, log: createLogger("info", [], { write: (line: string) => lines.push(line) }) };
}

describe("the ffmpeg pool", () => {
  it("never runs more ffmpeg processes at once than there are cores", async () => {
    // A stand-in binary that records how many copies of itself are running.
    const fake = join(dir, "counting-ffmpeg.sh");
    writeFileSync(
      fake,
      `#!/bin/sh\nmkdir -p "${dir}/running"\ntouch "${dir}/running/$$"\nls "${dir}/running" | wc -l >> "${dir}/counts"\nsleep 0.3\nrm "${dir}/running/$$"\n`,
    );
    chmodSync(fake, 0o755);
    const cores = availableParallelism();
    await Promise.all(Array.from({ length: cores + 3 }, () => runFfmpeg(["-version"], { binary: fake })));
    const counts = readFileSync(join(dir, "counts"), "utf8").trim().split("\n").map(Number);
    expect(counts).toHaveLength(cores + 3);
    expect(Math.max(...counts)).toBeLessThanOrEqual(cores);
  });
});

describe("chooseFfmpeg", () => {
  it("uses FFMPEG_PATH as given, and warns when it is older than 5", async () => {
    const { lines, log } = capturedLog();
    // Its own path: the choice is made once per setting per process, and other test files
    // sharing this one (Vitest runs them without isolation) may have chosen the bundled path.
    const old = join(dir, "old-ffmpeg");
    symlinkSync(bundledFfmpegPath(), old);
    expect(await chooseFfmpeg(old, log)).toBe(old);
    expect(lines.join("\n")).toMatch(/FFMPEG_PATH is not ffmpeg 5 or later/);
  });

  it("without FFMPEG_PATH, takes ffmpeg 5 or later from PATH, else the bundled one with a warning", async () => {
    const systemMajor = await ffmpegMajorVersion("ffmpeg").catch(() => null);
    if (systemMajor !== null && systemMajor >= 5) {
      const system = capturedLog();
      expect(await chooseFfmpeg(undefined, system.log)).toBe("ffmpeg");
      expect(system.lines).toEqual([]);
    }
    const none = capturedLog();
    expect(await chooseFfmpeg(undefined, none.log, join(dir, "not-installed"))).toBe(bundledFfmpegPath());
    const old = capturedLog();
    expect(await chooseFfmpeg(undefined, old.log, bundledFfmpegPath())).toBe(bundledFfmpegPath());
    for (const { lines } of [none, old]) expect(lines.join("\n")).toMatch(/using the bundled 2018 build.*apt-get install ffmpeg/);
  });

  it("stops start-up with the path named when FFMPEG_PATH does not run", async () => {
    const { log } = capturedLog();
    await expect(chooseFfmpeg(join(dir, "no-such-ffmpeg"), log)).rejects.toThrow(/FFMPEG_PATH=.*no-such-ffmpeg does not run/);
  });
});
