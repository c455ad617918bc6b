import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ffmpegPath } from "../media/ffmpeg";

const run = promisify(execFile);
const cache = new Map<string, Promise<Buffer>>();

/** A real H.264 MP4 (faststart, like Runway's) made once per size by the bundled ffmpeg. */
export function testVideo(width = 320, height = 240, seconds = 1): Promise<Buffer> {
  const key = `${width}x${height}x${seconds}`;
  let made = cache.get(key);
  if (!made) {
    made = (async () => {
      const dir = mkdtempSync(join(tmpdir(), "dailies-video-"));
      const file = join(dir, "clip.mp4");
      try {
        await run(ffmpegPath(), [
          ...["-hide_banner", "-nostdin", "-loglevel", "error", "-y"],
          ...["-f", "lavfi", "-i", `testsrc=size=${width}x${height}:rate=24`, "-frames:v", String(seconds * 24)],
          ...["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-movflags", "+faststart", file],
        ]);
        return readFileSync(file);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    })();
    cache.set(key, made);
  }
  return made;
}
