import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { bundledFfmpegPath } from "../media/ffmpeg";

const run = promisify(execFile);
const cache = new Map<string, Promise<Buffer>>();

/** An MP4 the bundled ffmpeg makes once per argument list, in a temporary folder. */
function made(args: readonly string[]): Promise<Buffer> {
  const key = JSON.stringify(args);
  let bytes = cache.get(key);
  if (!bytes) {
    bytes = (async () => {
      const dir = mkdtempSync(join(tmpdir(), "dailies-video-"));
      const file = join(dir, "clip.mp4");
      try {
        await run(bundledFfmpegPath(), ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", ...args, file]);
        return readFileSync(file);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    })();
    cache.set(key, bytes);
  }
  return bytes;
}

/** A real H.264 MP4 (faststart, like Runway's); `metadata` adds container tags, any key name allowed. */
export function testVideo(width = 320, height = 240, seconds = 1, metadata: Record<string, string> = {}): Promise<Buffer> {
  return made([
    ...["-f", "lavfi", "-i", `testsrc=size=${width}x${height}:rate=24`, "-frames:v", String(seconds * 24)],
    ...Object.entries(metadata).flatMap(([key, value]) => ["-metadata", `${key}=${value}`]),
    ...["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-movflags", "+faststart+use_metadata_tags"],
  ]);
}

/** A clip that shows `first` for `switchAt` seconds, then `then` until `seconds`: tells which frame a still came from. */
export function colourSwitchVideo(first: string, then: string, switchAt: number, seconds: number, width = 1280, height = 720): Promise<Buffer> {
  const colour = (c: string, d: number) => `color=c=${c}:size=${width}x${height}:rate=24:duration=${d}`;
  const graph = seconds <= switchAt ? colour(first, seconds) : `${colour(first, switchAt)}[a];${colour(then, seconds - switchAt)}[b];[a][b]concat=n=2:v=1:a=0`;
  return made(["-filter_complex", graph, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-movflags", "+faststart"]);
}

/** A valid MP4 holding only a sine tone: a container with no video stream. */
export function testAudioOnly(seconds = 2): Promise<Buffer> {
  return made(["-f", "lavfi", "-i", `sine=frequency=440:duration=${seconds}`, "-c:a", "aac", "-movflags", "+faststart"]);
}

/** The top-level box `type` of an MP4 as [offset, size]. */
export function findBox(mp4: Buffer, type: string): [number, number] {
  for (let offset = 0; offset + 8 <= mp4.length; ) {
    const size = mp4.readUInt32BE(offset);
    if (mp4.toString("latin1", offset + 4, offset + 8) === type) return [offset, size];
    if (size < 8) break;
    offset += size;
  }
  throw new Error(`no ${type} box`);
}

/** A copy with `length` seeded-random bytes written over the middle of its media data, so frames there fail to decode. */
export function corruptMiddle(mp4: Buffer, length = 2000): Buffer {
  const [offset, size] = findBox(mp4, "mdat");
  const copy = Buffer.from(mp4);
  let x = 12345;
  for (let i = 0, at = offset + Math.floor(size / 2); i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    copy[at + i] = x & 0xff;
  }
  return copy;
}
