import { readFile, rm } from "node:fs/promises";
import { runFfmpeg, untrustedInput } from "./ffmpeg";

/**
 * The final decoded frame of a video, as PNG bytes (lossless, so a continued shot starts
 * exactly where the last one ended). Seeking near the end and letting `-update 1` overwrite
 * one file leaves the last frame, whatever the GOP layout. Runs in the shared ffmpeg pool,
 * with the ffmpeg picked at start-up unless `binary` names another.
 */
export async function extractLastFrame(videoPath: string, tempPath: string, binary?: string): Promise<Buffer> {
  const out = `${tempPath}.png`;
  try {
    await runFfmpeg(
      ["-sseof", "-0.5", ...untrustedInput(videoPath, "mov"), "-an", "-update", "1", "-f", "image2", "-c:v", "png", "-y", out],
      { binary },
    );
    return await readFile(out);
  } finally {
    await rm(out, { force: true });
  }
}
