import { spawn } from "node:child_process";
import { rm, rename } from "node:fs/promises";
import path from "node:path";
import { writeFrame } from "./input-image";
import { FPS } from "./models";
import type { RenderMode } from "./render-mode";
import type { StillRenders } from "./still-renders";

export type RenderSpec = {
  id: string;
  width: number;
  height: number;
  duration: number;
  seed: number;
  first: Buffer | undefined;
  /** `null` when the request had no last frame; `undefined` bytes mean "render a backdrop". */
  last: Buffer | undefined | null;
  outFile: string;
};

export type RenderContext = {
  ffmpegPath: string;
  workDir: string;
  signal: AbortSignal;
  log: (line: string) => void;
  mode: RenderMode;
  /** In "still" mode: clips made before, copied instead of rendered again (still-renders.ts). */
  stills?: StillRenders;
};

const PUSH_IN = 0.12;

/**
 * One still in, `frames` frames out: zoompan's `d` repeats the input, so the JPEG is
 * decoded once rather than per frame (`-loop 1` took twice as long). zoompan rounds x/y to
 * whole input pixels; the still is written at twice the output size so the move advances
 * in half-pixel steps and does not visibly judder.
 */
function zoompan(zoom: string, frames: number, width: number, height: number): string {
  return `zoompan=z='${zoom}':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=${frames}:s=${width}x${height}:fps=${FPS},setsar=1`;
}

/** One still in, `frames` identical frames out, decoded once (the still is written at the output size). */
function hold(frames: number): string {
  return `loop=loop=${frames - 1}:size=1:start=0,setpts=N/${FPS}/TB,setsar=1`;
}

/**
 * The filter graph: a slow push-in on the first frame, and with a last frame a crossfade onto
 * it while pulling back. In "still" mode the frames are held instead of moved.
 */
export function filterGraph(spec: Pick<RenderSpec, "width" | "height" | "duration">, withLast: boolean, mode: RenderMode): string {
  const { width, height, duration } = spec;
  const frames = duration * FPS;
  const move = (zoom: string) => (mode === "still" ? hold(frames) : zoompan(zoom, frames, width, height));
  const first = `[0:v]${move(`1+${PUSH_IN}*on/${frames - 1}`)}`;
  if (!withLast) return `${first},format=yuv420p[v]`;
  // Alpha fade instead of xfade: the bundled ffmpeg (2018) predates xfade.
  const fadeStart = (duration * 0.35).toFixed(3);
  const fadeLength = (duration * 0.5).toFixed(3);
  return [
    `${first}[a]`,
    `[1:v]${move(`${1 + PUSH_IN}-${PUSH_IN}*on/${frames - 1}`)},format=yuva420p,fade=t=in:st=${fadeStart}:d=${fadeLength}:alpha=1[b]`,
    `[a][b]overlay=shortest=1,format=yuv420p[v]`,
  ].join(";");
}

function runFfmpeg(ffmpegPath: string, args: string[], signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, { stdio: ["ignore", "ignore", "pipe"], signal, killSignal: "SIGKILL" });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on("error", reject);
    child.on("close", (code, killedBy) => {
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg exited with ${code ?? killedBy}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
    });
  });
}

/** Renders a real H.264 MP4 (yuv420p, 24 fps, faststart), written under a temporary name and renamed when complete. */
export async function renderVideo(spec: RenderSpec, context: RenderContext): Promise<"rendered" | "copied"> {
  const { mode } = context;
  // A moving frame is written at twice the output size (see zoompan); a held one at the size itself.
  const scale = mode === "still" ? 1 : 2;
  const frameSize = { width: spec.width * scale, height: spec.height * scale, seed: spec.seed };
  const firstFile = path.join(context.workDir, `${spec.id}-first.jpg`);
  const lastFile = path.join(context.workDir, `${spec.id}-last.jpg`);
  const partFile = `${spec.outFile}.part`;
  const withLast = spec.last !== null;
  try {
    await writeFrame(spec.first, frameSize, firstFile, context.log);
    if (withLast) await writeFrame(spec.last ?? undefined, { ...frameSize, seed: spec.seed + 1 }, lastFile, context.log);
    const stills = mode === "still" ? context.stills : undefined;
    const key = stills ? await stills.keyOf(withLast ? [firstFile, lastFile] : [firstFile], spec) : null;
    if (stills && key && (await stills.copy(key, partFile))) {
      await rename(partFile, spec.outFile);
      return "copied";
    }
    await runFfmpeg(
      context.ffmpegPath,
      [
        ...["-hide_banner", "-nostdin", "-loglevel", "error", "-y"],
        ...["-i", firstFile],
        ...(withLast ? ["-i", lastFile] : []),
        ...["-filter_complex", filterGraph(spec, withLast, mode), "-map", "[v]", "-an"],
        ...["-frames:v", String(spec.duration * FPS), "-r", String(FPS)],
        ...["-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p"],
        ...["-movflags", "+faststart", "-f", "mp4", partFile],
      ],
      context.signal,
    );
    await rename(partFile, spec.outFile);
    if (key) stills?.remember(key, spec.outFile);
    return "rendered";
  } finally {
    await Promise.all([firstFile, lastFile, partFile].map((file) => rm(file, { force: true })));
  }
}
