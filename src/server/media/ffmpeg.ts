import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The ffmpeg binary: `FFMPEG_PATH`, else the one shipped inside `@ffmpeg-installer/ffmpeg`. */
export function ffmpegPath(): string {
  if (process.env.FFMPEG_PATH) return process.env.FFMPEG_PATH;
  return (createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg") as { path: string }).path;
}

/** Runs ffmpeg with a time limit; rejects with its last lines of stderr on failure. */
export async function runFfmpeg(args: readonly string[], timeoutMs = 60_000): Promise<string> {
  try {
    const { stderr } = await run(ffmpegPath(), ["-hide_banner", "-nostdin", ...args], { timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024 });
    return stderr;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`ffmpeg failed: ${stderr.trim().split("\n").slice(-3).join(" ") || String(error)}`);
  }
}
