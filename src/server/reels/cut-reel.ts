import { spawn } from "node:child_process";
import { REEL_FPS } from "../../shared/reel";
import { untrustedInput } from "../media/ffmpeg";

/** One slate and the take after it, each cut to an exact number of frames. */
export type ReelSegment = { slatePng: string; slateFrames: number; video: string; takeFrames: number };

type Canvas = { width: number; height: number };

/**
 * Fits a picture inside the canvas without cropping (letterbox or pillarbox), at even sizes
 * for 4:2:0 and without `force_divisible_by`, which the bundled 2018 ffmpeg lacks.
 */
function fitInside({ width, height }: Canvas): string {
  const ratio = `min(${width}/iw\\,${height}/ih)`;
  return `scale=w='2*trunc(${ratio}*iw/2)':h='2*trunc(${ratio}*ih/2)',pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:color=black`;
}

/** Exactly `frames` frames from time zero: a short source is held on its last frame (up to a second). */
const exactly = (frames: number) => `tpad=stop_mode=clone:stop=${REEL_FPS},trim=end_frame=${frames},setpts=PTS-STARTPTS`;

/** ffmpeg's arguments for the whole reel: H.264, yuv420p, 24 fps, faststart, no sound. */
export function reelArgs(segments: readonly ReelSegment[], canvas: Canvas, out: string): string[] {
  const inputs: string[] = [];
  const chains: string[] = [];
  const labels: string[] = [];
  segments.forEach((segment, i) => {
    const seconds = (segment.slateFrames / REEL_FPS).toFixed(4);
    inputs.push("-loop", "1", "-framerate", String(REEL_FPS), "-t", seconds, ...untrustedInput(segment.slatePng, "image2"));
    inputs.push(...untrustedInput(segment.video, "mov"));
    chains.push(`[${2 * i}:v]${fitInside(canvas)},setsar=1,format=yuv420p,${exactly(segment.slateFrames)}[s${i}]`);
    chains.push(`[${2 * i + 1}:v]fps=${REEL_FPS},${fitInside(canvas)},setsar=1,format=yuv420p,${exactly(segment.takeFrames)}[t${i}]`);
    labels.push(`[s${i}][t${i}]`);
  });
  const graph = `${chains.join(";")};${labels.join("")}concat=n=${segments.length * 2}:v=1:a=0[reel]`;
  return [
    ...["-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-nostats", "-progress", "pipe:1"],
    ...inputs,
    ...["-filter_complex", graph, "-map", "[reel]", "-an", "-map_metadata", "-1"],
    ...["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-r", String(REEL_FPS)],
    ...["-movflags", "+faststart", "-f", "mp4", out],
  ];
}

type CutOptions = { binary: string; totalSeconds: number; onProgress: (fraction: number) => void; signal: AbortSignal; timeoutMs: number };

/** Runs ffmpeg, reporting the share of the known length written so far from its `-progress` lines. */
export function cutReel(args: readonly string[], { binary, totalSeconds, onProgress, signal, timeoutMs }: CutOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"], signal, timeout: timeoutMs, killSignal: "SIGKILL" });
    let stderr = "";
    let pending = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        // out_time_ms is in microseconds too (an old misnomer); newer builds add out_time_us.
        const written = /^out_time_(?:us|ms)=(\d+)/.exec(line);
        if (written) onProgress(Math.min(1, Number(written[1]) / 1e6 / totalSeconds));
        // The last report's time is the last frame's start, short of the end by up to a frame.
        if (line === "progress=end") onProgress(1);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on("error", reject);
    child.on("close", (code, killedBy) => {
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg exited with ${code ?? killedBy}: ${stderr.trim().split("\n").slice(-3).join(" | ") || "no message"}`));
    });
  });
}
