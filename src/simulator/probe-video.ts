/** Test support: what ffprobe would say about an MP4, using only the bundled ffmpeg. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export type VideoFacts = { codec: string; pixFmt: string; width: number; height: number; fps: number; seconds: number; frames: number };

export async function probeVideo(ffmpegPath: string, file: string): Promise<VideoFacts> {
  // Decoding to the null muxer prints the stream header and the real frame count.
  const { stderr } = await run(ffmpegPath, ["-hide_banner", "-nostdin", "-i", file, "-f", "null", "-"]);
  const stream = /Stream #0:0.*?: Video: (\w+).*?, (\w+)(?:\([^)]*\))?, (\d+)x(\d+).*?, ([\d.]+) fps/.exec(stderr);
  const duration = /Duration: (\d+):(\d+):([\d.]+)/.exec(stderr);
  const frames = [...stderr.matchAll(/frame=\s*(\d+)/g)].at(-1);
  if (!stream || !duration || !frames) throw new Error(`unexpected ffmpeg output:\n${stderr}`);
  const [, codec = "", pixFmt = "", width, height, fps] = stream;
  const [, h, m, s] = duration;
  return {
    codec,
    pixFmt,
    width: Number(width),
    height: Number(height),
    fps: Number(fps),
    seconds: Number(h) * 3600 + Number(m) * 60 + Number(s),
    frames: Number(frames[1]),
  };
}

/** Top-level MP4 box types in file order: faststart puts `moov` before `mdat`. */
export function topLevelBoxes(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: string[] = [];
  for (let offset = 0; offset + 8 <= bytes.byteLength; ) {
    let size = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (size === 1) size = Number(view.getBigUint64(offset + 8));
    if (size === 0) size = bytes.byteLength - offset;
    if (size < 8) break;
    boxes.push(type);
    offset += size;
  }
  return boxes;
}

/** The frame at `seconds`, scaled to `width`×`height`, as raw RGB bytes. */
async function frameAt(ffmpegPath: string, file: string, seconds: number, width: number, height: number): Promise<Buffer> {
  const { stdout } = await run(
    ffmpegPath,
    ["-hide_banner", "-nostdin", "-loglevel", "error", "-ss", String(seconds), "-i", file, "-frames:v", "1", "-vf", `scale=${width}:${height}`, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
    { encoding: "buffer" },
  );
  return stdout;
}

/** Average RGB of the frame at `seconds`, to tell which still a stretch of the clip shows. */
export async function frameColour(ffmpegPath: string, file: string, seconds: number): Promise<[number, number, number]> {
  const pixel = await frameAt(ffmpegPath, file, seconds, 1, 1);
  return [pixel[0] ?? 0, pixel[1] ?? 0, pixel[2] ?? 0];
}

/** Mean difference per channel (0–255) between the frames at two times, at 64×40: near 0 when the picture holds still. */
export async function frameChange(ffmpegPath: string, file: string, from: number, to: number): Promise<number> {
  const [a, b] = await Promise.all([frameAt(ffmpegPath, file, from, 64, 40), frameAt(ffmpegPath, file, to, 64, 40)]);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}
