import { ERROR_CODES } from "../../shared/api-error";
import type { ImageRef } from "../../shared/take";
import { HttpError } from "../http/http-error";
import { ensureCleanUpload } from "../images/clean-stored-upload";
import { downloadName } from "../media/download-name";
import type { LocalCopy, MediaKind } from "../media/media-store";
import type { StudioDeps } from "../studio";
import type { TakeRecord } from "./take";
import { frameZipName, takeManifest } from "./take-manifest";
import { zipStream, type ZipEntry } from "./zip-stream";
import { noSuchTake } from "./no-such-take";

/**
 * A completed take as one file for an editor: the MP4 under its download name, the poster,
 * `take.json` and the input frames that were uploads. Streamed from the stored files (frames
 * may be 40 MB each), so it is neither held in memory nor written to a temporary file.
 */
export async function buildHandoff(deps: Pick<StudioDeps, "uploads" | "media" | "notes">, take: TakeRecord | undefined, id: string) {
  if (!take) throw noSuchTake(id);
  const video = take.status === "completed" ? take.video : null;
  if (!video) {
    throw new HttpError(ERROR_CODES.notCompleted, `This take is ${take.status}; only a completed take can be handed off.`);
  }
  const videoName = downloadName(take);
  // Cleaned first (a no-op for uploads stored since), so neither the zip nor take.json carries a pre-cleaning original.
  const upload = async (ref: ImageRef | null) => {
    const row = ref && "uploadId" in ref ? await deps.uploads.get(ref.uploadId) : undefined;
    return row ? await ensureCleanUpload(deps, row) : undefined;
  };
  const first = frameZipName("first-frame", await upload(take.image));
  const last = frameZipName("last-frame", await upload(take.lastImage));
  const manifest = takeManifest(take, { video, videoName, frames: { first, last }, notes: await deps.notes.ofTake(take.id), exportedAt: Date.now() });

  // Local copies (the files themselves in the data folder), kept until the zip has been sent.
  const copies: LocalCopy[] = [];
  const releaseAll = () => copies.splice(0).forEach((copy) => copy.release());
  const stored = async (name: string, kind: MediaKind, file: string): Promise<ZipEntry> => {
    const copy = await deps.media.localCopy(kind, file);
    copies.push(copy);
    return { name, path: copy.path };
  };
  try {
    const entries: ZipEntry[] = [
      await stored(videoName, "videos", video.file),
      { name: "take.json", bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) },
    ];
    if (video.posterFile) entries.push(await stored("poster.jpg", "posters", video.posterFile));
    for (const frame of [first, last]) {
      if (frame) entries.push(await stored(frame.zipName, "uploads", frame.upload.fileName));
    }
    const { bytes, stream } = await zipStream(entries, new Date(take.completedAt ?? take.createdAt));
    return { fileName: `${videoName.replace(/\.mp4$/, "")}-handoff.zip`, bytes, stream: releasedAfter(stream, releaseAll) };
  } catch (error) {
    releaseAll();
    throw error;
  }
}

/** The same bytes, with `release` called once the last is read, the reader cancels or a read fails. */
function releasedAfter(stream: ReadableStream<Uint8Array>, release: () => void): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await reader.read();
          if (!next.done) return controller.enqueue(next.value);
          release();
          controller.close();
        } catch (error) {
          release();
          controller.error(error);
        }
      },
      async cancel(reason) {
        await reader.cancel(reason).finally(release);
      },
    },
    { highWaterMark: 0 },
  );
}
