import { createHash } from "node:crypto";
import { newId } from "../store/new-id";
import { copyFile, stat, writeFile } from "node:fs/promises";
import type { MediaStore } from "../media/media-store";
import type { UploadsStore } from "../store/uploads-store";
import { thumbFileName, type UploadRecord } from "./upload-record";
import { decodeSlots } from "./decode-slots";
import { inspectImage, readImageHeader, type AcceptedType } from "./inspect-image";
import { stripMetadata } from "./strip-metadata";

const EXTENSION: Record<AcceptedType, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/** An upload waiting in the media dir's tmp folder, hashed as it was written. */
export type StagedFile = { path: string; sha256: string; bytes: number };

/** Stages bytes already in memory (a frame ffmpeg made) the way a streamed upload is staged. */
export async function stageBuffer(media: MediaStore, bytes: Buffer): Promise<StagedFile> {
  const path = media.tempPath();
  await writeFile(path, bytes);
  return { path, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
}

/**
 * Checks a staged image and keeps it: the original without location or serials (byte-wise,
 * no re-encode) for display, download and handoff, and an upright, metadata-free copy for
 * the upstream. Identical bytes are stored once. Files are moved in before the row is
 * written, so a row always points at files that exist; the staged file is always removed.
 */
export async function storeUpload(
  uploads: UploadsStore,
  media: MediaStore,
  staged: StagedFile,
  originalName: string | null,
  author: string,
): Promise<{ upload: UploadRecord; created: boolean }> {
  const cleanPath = media.tempPath();
  const upstreamTemp = media.tempPath();
  try {
    const existing = await uploads.findByHash(staged.sha256);
    if (existing) return { upload: existing, created: false };

    // Refused by its header, an image never waits for a decode slot; a kept one is weighed by the frame it will decode to.
    const header = await readImageHeader(staged.path, staged.bytes);
    const image = await decodeSlots.run(() => inspectImage(staged.path, staged.bytes, header), header.decodeMegapixels);
    const stripped = await stripMetadata(staged.path, image.contentType, image.orientation, cleanPath);
    const original = stripped ? cleanPath : staged.path;
    const bytes = stripped ? (await stat(cleanPath)).size : staged.bytes;

    const id = newId();
    const fileName = `${id}.${EXTENSION[image.contentType]}`;
    const upstreamType = image.upstream?.contentType ?? image.contentType;
    const upstreamFileName = `${id}.upstream.${EXTENSION[upstreamType]}`;
    if (image.upstream) await media.writeAtomic("uploads", upstreamFileName, image.upstream.bytes);
    else {
      await copyFile(original, upstreamTemp);
      await media.moveIn(upstreamTemp, "uploads", upstreamFileName);
    }
    await media.writeAtomic("uploads", thumbFileName(id), image.thumb);
    await media.moveIn(original, "uploads", fileName);
    try {
      const upload = await uploads.insert({
        id,
        sha256: staged.sha256,
        contentType: image.contentType,
        width: image.width,
        height: image.height,
        bytes,
        originalName: originalName ? originalName.slice(0, 255) : null,
        fileName,
        upstreamFileName,
        upstreamContentType: upstreamType,
        createdAt: Date.now(),
        author,
        metadataClean: true,
      });
      return { upload, created: true };
    } catch (error) {
      // Best effort: a delete that fails (a bucket) must not hide the race check or the first error.
      for (const name of [fileName, upstreamFileName, thumbFileName(id)]) await media.remove("uploads", name).catch(() => {});
      const raced = await uploads.findByHash(staged.sha256);
      if (raced) return { upload: raced, created: false };
      throw error;
    }
  } finally {
    for (const path of [staged.path, cleanPath, upstreamTemp]) media.removeTemp(path);
  }
}
