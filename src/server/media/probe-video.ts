import { runFfmpeg, untrustedInput } from "./ffmpeg";

export type VideoFacts = { width: number; height: number; durationSeconds: number };

/**
 * Decodes the whole file (`-xerror`: the first corrupt packet or frame fails the run), so a
 * truncated or non-video download is caught here rather than in a creator's player.
 * Resolves with the decoded frames' size and the decoded duration.
 *
 * The facts are read from what ffmpeg reports about its own output, never from the input
 * dump: that one prints the file's metadata, and a title or a metadata key (raw, newlines
 * and all) can claim any "Stream … 31337x31337" or "Duration: 99:00:00". With metadata and
 * chapters unmapped, everything after the output header is ffmpeg's own words. One parser
 * serves every build, the bundled one without ffprobe included.
 */
export async function probeVideo(file: string, binary?: string): Promise<VideoFacts> {
  let stderr: string;
  try {
    stderr = await runFfmpeg(
      ["-xerror", ...untrustedInput(file, "mov"), "-map", "0:v:0", "-map_metadata", "-1", "-map_chapters", "-1", "-f", "null", "-"],
      { binary },
    );
  } catch (error) {
    throw new Error(`the video does not decode (${error instanceof Error ? error.message : String(error)})`);
  }
  return readOutputFacts(stderr);
}

/** Reads frame size, frame count and time from the text after the last `Output #0` header. */
export function readOutputFacts(stderr: string): VideoFacts {
  const lines = stderr.split(/\r\n|\r|\n/);
  const header = lines.findLastIndex((line) => line.startsWith("Output #0, "));
  const output = header < 0 ? [] : lines.slice(header + 1);
  const stream = output.map((line) => /^ {2,4}Stream #0:0: Video: .*?, (\d{1,5})x(\d{1,5})\b/.exec(line)).find(Boolean);
  const progress = output.filter((line) => line.startsWith("frame=")).at(-1) ?? "";
  const frames = /^frame=\s*(\d+)/.exec(progress);
  const time = /time=(\d+):(\d+):(\d+(?:\.\d+)?)/.exec(progress);
  if (!stream) throw new Error("the file has no video stream with a frame size");
  if (!frames || Number(frames[1]) === 0) throw new Error("the video has no frames that decode");
  const seconds = time ? Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3]) : 0;
  if (!(seconds > 0)) throw new Error("the video has no duration");
  return { width: Number(stream[1]), height: Number(stream[2]), durationSeconds: seconds };
}
