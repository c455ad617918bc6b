import { createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { extractPoster } from "../media/extract-poster";
import type { MediaDir } from "../media/media-dir";
import { probeVideo, type VideoFacts } from "../media/probe-video";

const MAX_VIDEO_BYTES = 512 * 1024 * 1024;

export type ArchivedVideo = VideoFacts & { bytes: number; videoFile: string; posterFile: string };

/** Does the file start like an ISO-BMFF (MP4) file: a box whose type is `ftyp`? */
async function looksLikeMp4(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await handle.read(head, 0, 12, 0);
    return bytesRead === 12 && head.toString("latin1", 4, 8) === "ftyp";
  } finally {
    await handle.close();
  }
}

async function download(url: string, temp: string, timeoutMs: number): Promise<number> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok || !response.body) throw new Error(`the result URL answered HTTP ${response.status}`);
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_VIDEO_BYTES) throw new Error(`the video is ${declared} bytes, over the ${MAX_VIDEO_BYTES}-byte limit`);
  let bytes = 0;
  const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  body.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > MAX_VIDEO_BYTES) body.destroy(new Error("the video is larger than the archive accepts"));
  });
  await pipeline(body, createWriteStream(temp));
  if (declared && bytes !== declared) throw new Error(`the download stopped at ${bytes} of ${declared} bytes`);
  return bytes;
}

/**
 * Downloads a provider's result URL (signed, expiring within 24–48 h), checks it decodes as a
 * video and cuts its poster. Files land under their final names only after every check passed,
 * and before the caller marks the row completed, so a completed row never points at a missing
 * or broken file.
 */
export async function archiveVideo(
  media: MediaDir,
  url: string,
  id: string,
  timeoutMs: number,
): Promise<ArchivedVideo> {
  const tempVideo = media.tempPath();
  const tempPoster = `${media.tempPath()}.jpg`;
  try {
    const bytes = await download(url, tempVideo, timeoutMs);
    if (bytes === 0 || !(await looksLikeMp4(tempVideo))) throw new Error("the result is not an MP4 file");
    // The check and the poster run side by side: they read the same file, and a creator is
    // waiting. The poster is only kept if the check passes.
    // Both are awaited before anything is cleaned up, so no ffmpeg writes after the finally.
    const [probed, poster] = await Promise.allSettled([probeVideo(tempVideo), extractPoster(tempVideo, tempPoster)]);
    if (probed.status === "rejected") throw probed.reason;
    if (poster.status === "rejected") throw poster.reason;
    const facts = probed.value;
    const videoFile = `${id}.mp4`;
    const posterFile = `${id}.jpg`;
    media.moveIn(tempPoster, "posters", posterFile);
    media.moveIn(tempVideo, "videos", videoFile);
    return { ...facts, bytes, videoFile, posterFile };
  } finally {
    media.remove(tempVideo);
    media.remove(tempPoster);
  }
}
