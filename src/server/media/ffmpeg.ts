import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import type { Logger } from "pino";
import { createTaskPool } from "../../node/task-pool";

const run = promisify(execFile);

/** The 2018 static build inside `@ffmpeg-installer/ffmpeg`: the last resort. */
export function bundledFfmpegPath(): string {
  return (createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg") as { path: string }).path;
}

/** The major version `-version` reports; null for a git snapshot (the bundled build). Rejects if it does not run. */
export async function ffmpegMajorVersion(binary: string): Promise<number | null> {
  const { stdout } = await run(binary, ["-version"], { timeout: 10_000 });
  const major = /^ffmpeg version n?(\d+)\./.exec(stdout);
  return major ? Number(major[1]) : null;
}

const MIN_MAJOR = 5;
const choices = new Map<string, Promise<string>>();
let chosen: string | null = null;

async function choose(configured: string | undefined, log: Logger, onPathName: string): Promise<string> {
  if (configured) {
    const major = await ffmpegMajorVersion(configured).catch((error: unknown) => {
      throw new Error(`FFMPEG_PATH=${configured} does not run (${error instanceof Error ? error.message : String(error)}).`);
    });
    if (major === null || major < MIN_MAJOR) log.warn({ ffmpeg: configured, major }, "FFMPEG_PATH is not ffmpeg 5 or later; install a current one");
    return configured;
  }
  const onPath = await ffmpegMajorVersion(onPathName).catch(() => null);
  if (onPath !== null && onPath >= MIN_MAJOR) return onPathName;
  const bundled = bundledFfmpegPath();
  log.warn(
    { ffmpeg: bundled },
    "no ffmpeg 5 or later on PATH: using the bundled 2018 build to check provider videos; install a current one (apt-get install ffmpeg) or set FFMPEG_PATH",
  );
  return bundled;
}

/**
 * Picks the ffmpeg that decodes provider files, once per setting: FFMPEG_PATH, else `ffmpeg`
 * on PATH when it is version 5 or later, else the bundled build (with a warning). It also
 * becomes the default for callers that pass no binary. `onPathName` is for tests.
 */
export async function chooseFfmpeg(configured: string | undefined, log: Logger, onPathName = "ffmpeg"): Promise<string> {
  // Stryker disable next-line StringLiteral: any stand-in for "no FFMPEG_PATH" makes the same key
  const key = `${configured ?? ""}\0${onPathName}`;
  let choice = choices.get(key);
  if (!choice) {
    choice = choose(configured, log, onPathName);
    choices.set(key, choice);
    choice.catch(() => choices.delete(key));
  }
  chosen = await choice;
  return chosen;
}

/** The ffmpeg picked at start-up, or the bundled one before any was picked. */
export function defaultFfmpeg(): string {
  return chosen ?? bundledFfmpegPath();
}

/**
 * Input options for a file that came from outside: the demuxer is named (no probing of
 * dozens of formats) and only local files and pipes may be opened, so a crafted file can't
 * make ffmpeg fetch URLs or read playlists.
 */
export function untrustedInput(file: string, format: "mov" | "image2"): string[] {
  return ["-f", format, "-protocol_whitelist", "file,pipe", "-i", file];
}

// One pool for every decode (archive checks, posters, last frames): a burst of finished
// takes must not start more ffmpeg processes than there are cores.
const pool = createTaskPool(availableParallelism());

export type FfmpegRun = { binary?: string; timeoutMs?: number };

/** Runs ffmpeg in the pool with a time limit; rejects with its last lines of stderr on failure. */
export async function runFfmpeg(args: readonly string[], options: FfmpegRun = {}): Promise<string> {
  return pool.run(async () => {
    try {
      const { stderr } = await run(options.binary ?? defaultFfmpeg(), ["-hide_banner", "-nostdin", ...args], {
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 8 * 1024 * 1024,
      });
      return stderr;
    } catch (error) {
      // Stryker disable next-line all: the wording of the reason, which reaches only the operator's log (callers turn it into their own words)
      const stderr = (error as { stderr?: string }).stderr ?? "";
      // Stryker disable next-line all: as above
      throw new Error(`ffmpeg failed: ${stderr.trim().split("\n").slice(-3).join(" ") || String(error)}`);
    }
  });
}
