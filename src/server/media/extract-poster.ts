import { statSync } from "node:fs";
import { runFfmpeg, untrustedInput } from "./ffmpeg";

const POSTER_MAX_WIDTH = 640;

async function grab(video: string, out: string, atSeconds: number, binary: string | undefined): Promise<boolean> {
  await runFfmpeg(
    [
      ...["-loglevel", "error", "-y", "-ss", String(atSeconds), ...untrustedInput(video, "mov"), "-frames:v", "1"],
      ...["-vf", `scale='min(${POSTER_MAX_WIDTH},iw)':-2`, "-q:v", "3", "-f", "image2", "-c:v", "mjpeg", out],
    ],
    { binary },
  );
  // Seeking past the end succeeds with no output, so the file itself is the answer.
  try {
    return statSync(out).size > 0;
  } catch {
    return false;
  }
}

/** Writes a JPEG still (at 0.5 s, else the first frame), at most 640 px wide, to `out`. */
export async function extractPoster(video: string, out: string, binary?: string): Promise<void> {
  if (await grab(video, out, 0.5, binary).catch(() => false)) return;
  if (await grab(video, out, 0, binary)) return;
  throw new Error("ffmpeg produced no poster frame");
}
