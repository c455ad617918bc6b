import { readFile, rm } from "node:fs/promises";
import { runFfmpeg } from "./ffmpeg";

/**
 * The final decoded frame of a video, as PNG bytes (lossless, so a continued shot starts
 * exactly where the last one ended). Seeking near the end and letting `-update 1` overwrite
 * one file leaves the last frame, whatever the GOP layout.
 */
export async function extractLastFrame(videoPath: string, tempPath: string): Promise<Buffer> {
  const out = `${tempPath}.png`;
  try {
    await runFfmpeg(["-sseof", "-0.5", "-i", videoPath, "-an", "-update", "1", "-f", "image2", "-c:v", "png", "-y", out]);
    return await readFile(out);
  } finally {
    await rm(out, { force: true });
  }
}
