import { bundledFfmpegPath, ffmpegMajorVersion } from "../media/ffmpeg";

/** The ffmpeg builds on this machine worth testing against: the bundled one and a system one of version 5 or later. */
export async function availableFfmpegs(): Promise<{ label: string; path: string }[]> {
  const found = [{ label: "the bundled ffmpeg", path: bundledFfmpegPath() }];
  const major = await ffmpegMajorVersion("ffmpeg").catch(() => null);
  if (major !== null && major >= 5) found.unshift({ label: `the system ffmpeg ${major}`, path: "ffmpeg" });
  return found;
}
