import { open } from "node:fs/promises";
import { guardedDownload } from "../../node/net/guarded-download";
import { UrlRefusedError } from "../../node/net/guarded-fetch";
import type { MediaStore } from "../media/media-store";
import { checkVideo, type VideoFacts } from "../media/probe-video";

const MAX_VIDEO_BYTES = 512 * 1024 * 1024;

export type ArchivedVideo = VideoFacts & { bytes: number; videoFile: string; posterFile: string };

export type ArchiveOptions = {
  timeoutMs: number;
  /** The configured upstream's origin: its own result URLs may be http or loopback (the simulator's are). */
  trustedOrigin: string;
  /** The ffmpeg that checks the file; default: the one picked at start-up. */
  ffmpeg?: string;
};

/**
 * Why an archive failed, twice: `userDetail` in words for the take's detail view, `message`
 * with the low-level reason for the log only. `permanent` failures are not retried.
 */
export class ArchiveError extends Error {
  // Stryker disable next-line StringLiteral: the name shows only in an operator's stack trace
  override name = "ArchiveError";
  constructor(
    readonly userDetail: string,
    reason: string,
    readonly permanent = false,
  ) {
    super(reason);
  }
}

const NOT_DOWNLOADED = "The provider's result could not be downloaded.";
const REFUSED = "The provider's result address points somewhere Dailies does not download from.";
const NOT_A_VIDEO = "The provider's result is not a video that plays.";

/** Does the file start like an ISO-BMFF (MP4) file: a box whose type is `ftyp`? */
async function looksLikeMp4(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    // Zero-filled: a file too short to hold a box header (an empty one too) never spells ftyp.
    const head = Buffer.alloc(8);
    await handle.read(head, 0, 8, 0);
    return head.toString("latin1", 4, 8) === "ftyp";
  } finally {
    await handle.close();
  }
}

// Stryker disable next-line ArrowFunction: the reason only reaches the operator's log
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function download(url: string, temp: string, options: ArchiveOptions): Promise<number> {
  try {
    const { bytes } = await guardedDownload(url, temp, {
      maxBytes: MAX_VIDEO_BYTES,
      timeoutMs: options.timeoutMs,
      trustedOrigin: options.trustedOrigin,
      accept: "video/mp4",
    });
    return bytes;
  } catch (error) {
    if (error instanceof UrlRefusedError) throw new ArchiveError(REFUSED, reasonOf(error), true);
    throw new ArchiveError(NOT_DOWNLOADED, reasonOf(error));
  }
}

async function check(video: string, poster: string, ffmpeg: string | undefined): Promise<VideoFacts> {
  return checkVideo(video, poster, ffmpeg).catch((error: unknown) => {
    throw new ArchiveError(NOT_A_VIDEO, reasonOf(error));
  });
}

/**
 * Downloads a provider's result URL (signed, expiring within 24–48 h) through the URL guard,
 * streamed to disk, then checks it decodes as a video and cuts its poster in the same ffmpeg
 * run (checkVideo says which check and why). Files land under their final names only
 * after every check passed, and before the caller marks the row completed, so a completed row
 * never points at a missing or broken file. Rejects with an ArchiveError.
 */
export async function archiveVideo(media: MediaStore, url: string, id: string, options: ArchiveOptions): Promise<ArchivedVideo> {
  const tempVideo = media.tempPath();
  const tempPoster = `${media.tempPath()}.jpg`;
  try {
    const bytes = await download(url, tempVideo, options);
    // Stryker disable next-line StringLiteral: the reason only reaches the operator's log
    if (!(await looksLikeMp4(tempVideo))) throw new ArchiveError(NOT_A_VIDEO, "the result is not an MP4 file");
    const facts = await check(tempVideo, tempPoster, options.ffmpeg);
    const videoFile = `${id}.mp4`;
    const posterFile = `${id}.jpg`;
    await media.moveIn(tempPoster, "posters", posterFile);
    await media.moveIn(tempVideo, "videos", videoFile);
    return { ...facts, bytes, videoFile, posterFile };
  } finally {
    media.removeTemp(tempVideo);
    media.removeTemp(tempPoster);
  }
}
