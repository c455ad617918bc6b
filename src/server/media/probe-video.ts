import { runFfmpeg } from "./ffmpeg";

export type VideoFacts = { width: number; height: number; durationSeconds: number };

/**
 * Decodes the whole file (`-xerror`: the first corrupt packet fails the run), so a truncated or
 * non-video download is caught here rather than in a creator's player. Resolves with the first
 * video stream's frame size and the container's duration.
 */
export async function probeVideo(file: string): Promise<VideoFacts> {
  let stderr: string;
  try {
    stderr = await runFfmpeg(["-xerror", "-i", file, "-map", "0:v:0", "-f", "null", "-"]);
  } catch (error) {
    throw new Error(`the video does not decode (${error instanceof Error ? error.message : String(error)})`);
  }
  // Only the input section describes the file; the output section describes the null muxer.
  const input = stderr.split(/^Output #0/m)[0] ?? "";
  const stream = /Stream #0:\d+.*?: Video: .*?, (\d{2,5})x(\d{2,5})/.exec(input);
  const duration = /Duration: (\d+):(\d+):([\d.]+)/.exec(input);
  const frames = [...stderr.matchAll(/frame=\s*(\d+)/g)].at(-1);
  if (!stream) throw new Error("the file has no video stream with a frame size");
  const seconds = duration ? Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]) : 0;
  if (!(seconds > 0)) throw new Error("the video has no duration");
  if (!frames || Number(frames[1]) === 0) throw new Error("the video has no frames that decode");
  return { width: Number(stream[1]), height: Number(stream[2]), durationSeconds: seconds };
}
