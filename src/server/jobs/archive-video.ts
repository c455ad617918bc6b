import { createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { MediaDir } from "../media/media-dir";

const MAX_VIDEO_BYTES = 512 * 1024 * 1024;

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

/**
 * Downloads a provider's result URL (signed, expiring within 24–48 h) into the media folder.
 * The file lands under its final name only once it is complete and looks like an MP4.
 */
export async function archiveVideo(media: MediaDir, url: string, fileName: string, timeoutMs: number): Promise<number> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok || !response.body) throw new Error(`the result URL answered HTTP ${response.status}`);
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > MAX_VIDEO_BYTES) throw new Error(`the video is ${declared} bytes, over the ${MAX_VIDEO_BYTES}-byte limit`);
  const temp = media.tempPath();
  try {
    let bytes = 0;
    const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
    body.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_VIDEO_BYTES) body.destroy(new Error("the video is larger than the archive accepts"));
    });
    await pipeline(body, createWriteStream(temp));
    if (declared && bytes !== declared) throw new Error(`the download stopped at ${bytes} of ${declared} bytes`);
    if (bytes === 0 || !(await looksLikeMp4(temp))) throw new Error("the result is not an MP4 file");
    media.moveIn(temp, "videos", fileName);
    return bytes;
  } catch (error) {
    media.remove(temp);
    throw error;
  }
}
