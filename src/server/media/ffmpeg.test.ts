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

  /** A stand-in that prints `banner` for -version, as each ffmpeg build words it. */
  function fakeFfmpeg(name: string, banner: string): string {
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/sh\necho "${banner}"\necho "built with gcc 12"\n`);
    chmodSync(file, 0o755);
    return file;
  }

  it("reads the major version as each build prints it", async () => {
    expect(await ffmpegMajorVersion(fakeFfmpeg("v5", "ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers"))).toBe(5);
    expect(await ffmpegMajorVersion(fakeFfmpeg("v12", "ffmpeg version n12.0.1 Copyright (c) 2000-2026"))).toBe(12);
    expect(await ffmpegMajorVersion(fakeFfmpeg("git", "ffmpeg version N-45325-gb173e0353-static https://johnvansickle.com/ffmpeg/"))).toBeNull();
    expect(await ffmpegMajorVersion(fakeFfmpeg("wrapped", "some wrapper: ffmpeg version 7.0"))).toBeNull();
  });

  it("takes the ffmpeg on PATH only from version 5 on: 5 and 12 yes, 4 and a git snapshot no", async () => {
    for (const [name, banner, chosen] of [
      ["path-5", "ffmpeg version 5.0", true],
      ["path-12", "ffmpeg version 12.1", true],
      ["path-4", "ffmpeg version 4.4.2-0ubuntu0.22.04.1", false],
      ["path-git", "ffmpeg version N-45325-gb173e0353-static", false],
    ] as const) {
      const { lines, log } = capturedLog();
      const onPath = fakeFfmpeg(name, banner);
      expect(await chooseFfmpeg(undefined, log, onPath), banner).toBe(chosen ? onPath : bundledFfmpegPath());
      expect(lines.length, banner).toBe(chosen ? 0 : 1);
    }
  });

  it("warns about an FFMPEG_PATH older than 5 or of unknown version, and not about 5 or later", async () => {
    for (const [name, banner, warns] of [
      ["set-5", "ffmpeg version 5.0", false],
      ["set-7", "ffmpeg version 7.1", false],
      ["set-4", "ffmpeg version 4.4", true],
      ["set-git", "ffmpeg version N-1-gabc", true],
    ] as const) {
      const { lines, log } = capturedLog();
      const configured = fakeFfmpeg(name, banner);
      expect(await chooseFfmpeg(configured, log)).toBe(configured);
      expect(lines.some((line) => line.includes("FFMPEG_PATH is not ffmpeg 5 or later")), banner).toBe(warns);
    }
  });

  it("forgets a failed choice, so a start-up after the fix tries again", async () => {
    const { log } = capturedLog();
    const later = join(dir, "installed-later");
    await expect(chooseFfmpeg(later, log)).rejects.toThrow(/does not run/);
    fakeFfmpeg("installed-later", "ffmpeg version 6.0");
    expect(await chooseFfmpeg(later, log)).toBe(later);
  });

  it("stops start-up with the path named when FFMPEG_PATH does not run", async () => {
    const { log } = capturedLog();
    await expect(chooseFfmpeg(join(dir, "no-such-ffmpeg"), log)).rejects.toThrow(/FFMPEG_PATH=.*no-such-ffmpeg does not run/);
  });
});
