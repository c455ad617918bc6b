import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export type ReelProbe = { codec: string; pixFmt: string; width: number; height: number; frameRate: string; frames: number; durationSeconds: number; errors: string };

/**
 * What Debian's ffprobe reads from a finished reel, every frame decoded (`-count_frames`),
 * with whatever it complained of on stderr: for tests, which compare it with the plan.
 */
export async function probeReel(file: string, ffprobe = "/usr/bin/ffprobe"): Promise<ReelProbe> {
  const { stdout, stderr } = await run(ffprobe, [
    ...["-v", "error", "-count_frames", "-select_streams", "v:0"],
    ...["-show_entries", "stream=codec_name,pix_fmt,width,height,r_frame_rate,nb_read_frames:format=duration", "-of", "json", file],
  ]);
  const { streams, format } = JSON.parse(stdout) as { streams: Record<string, string | number>[]; format: { duration: string } };
  const stream = streams[0]!;
  return {
    codec: String(stream.codec_name),
    pixFmt: String(stream.pix_fmt),
    width: Number(stream.width),
    height: Number(stream.height),
    frameRate: String(stream.r_frame_rate),
    frames: Number(stream.nb_read_frames),
    durationSeconds: Number(format.duration),
    errors: stderr.trim(),
  };
}
