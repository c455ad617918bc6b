import { stat } from "node:fs/promises";
import { runFfmpeg, untrustedInput } from "./ffmpeg";

export type VideoFacts = { width: number; height: number; durationSeconds: number };

const OUTPUT_FACTS = ["-map_metadata", "-1", "-map_chapters", "-1", "-f", "null", "-"];

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
  return decodeChecked(["-xerror", ...untrustedInput(file, "mov"), "-map", "0:v:0", ...OUTPUT_FACTS], binary);
}

const POSTER_MAX_WIDTH = 640;
const POSTER_AT_SECONDS = 0.5;

/**
 * The archive check: one ffmpeg run that decodes every frame and writes the poster on the way.
 *
 * Why a full decode, and why it is still the cheapest check that does the job: a container-
 * only check (every sample of the `moov` table inside the file) refuses a truncated file in
 * microseconds, but a frame corrupted in the middle passes it, and only decoding the bitstream
 * finds that. What the decode may skip is everything that reads no bitstream: the deblocking
 * filter (`-skip_loop_filter all`) only smooths decoded pixels, so a corrupt slice still stops
 * the run (`-xerror`), and skipping it saves a tenth of the decode. The poster comes from the
 * same pass (the last frame at or before 0.5 s, rewritten in place by `-update 1`, so a clip
 * shorter than that still gets its first frame), instead of a second ffmpeg start on the file
 * just downloaded: on this machine Debian's ffmpeg takes 0.14 s to start (215 shared
 * libraries), as long as decoding a 5 s 720p clip. The poster's deblocking is skipped too;
 * at 640 px wide and JPEG quality 3 the difference does not show.
 *
 * Metadata and chapters are unmapped from both outputs, so nothing a provider wrote into the
 * file is printed after the output headers (see probeVideo). `poster` is a path the caller
 * removes; it is complete only when this resolves.
 */
export async function checkVideo(file: string, poster: string, binary?: string): Promise<VideoFacts> {
  const posterFilter = `select='lte(t,${POSTER_AT_SECONDS})',scale='min(${POSTER_MAX_WIDTH},iw)':-2`;
  const facts = await decodeChecked(
    [
      ...["-xerror", "-skip_loop_filter", "all", "-threads", "2", ...untrustedInput(file, "mov")],
      ...["-map", "0:v:0", ...OUTPUT_FACTS],
      ...["-map", "0:v:0", "-map_metadata", "-1", "-map_chapters", "-1", "-vf", posterFilter, "-update", "1", "-q:v", "3", "-f", "image2", "-c:v", "mjpeg", "-y", poster],
    ],
    binary,
  );
  if (!(await nonEmpty(poster))) throw new Error("ffmpeg produced no poster frame");
  return facts;
}

async function nonEmpty(path: string): Promise<boolean> {
  try {
    return (await stat(path)).size > 0;
  } catch {
    return false;
  }
}

async function decodeChecked(args: string[], binary: string | undefined): Promise<VideoFacts> {
  let stderr: string;
  try {
    stderr = await runFfmpeg(args, { binary });
  } catch (error) {
    throw new Error(`the video does not decode (${error instanceof Error ? error.message : String(error)})`);
  }
  return readOutputFacts(stderr);
}

/** Reads frame size, frame count and time from the text after the last `Output #0` header (the null output comes first). */
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
