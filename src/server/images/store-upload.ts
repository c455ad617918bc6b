import { createHash, randomBytes } from "node:crypto";
import type { MediaDir } from "../media/media-dir";
import { thumbFileName, type UploadRow, type UploadsStore } from "../store/uploads-store";
import { inspectImage, type AcceptedType } from "./inspect-image";

const EXTENSION: Record<AcceptedType, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/**
 * Checks an uploaded image and keeps it: the original for display and download, and an
 * upright, metadata-free copy for the upstream. Identical bytes are stored once. Files are
 * written before the row, so a row always points at files that exist.
 */
export async function storeUpload(
  uploads: UploadsStore,
  media: MediaDir,
  bytes: Buffer,
  originalName: string | null,
  author: string,
): Promise<{ row: UploadRow; created: boolean }> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const existing = await uploads.findByHash(sha256);
  if (existing) return { row: existing, created: false };

  const image = await inspectImage(bytes);
  const id = randomBytes(9).toString("base64url");
  const fileName = `${id}.${EXTENSION[image.contentType]}`;
  const upstreamFileName = `${id}.upstream.${EXTENSION[image.upstream.contentType]}`;
  media.writeAtomic("uploads", fileName, bytes);
  media.writeAtomic("uploads", upstreamFileName, image.upstream.bytes);
  media.writeAtomic("uploads", thumbFileName(id), image.thumb);
  try {
    const row = await uploads.insert({
      id,
      sha256,
      content_type: image.contentType,
      width: image.width,
      height: image.height,
      bytes: bytes.length,
      original_name: originalName ? originalName.slice(0, 255) : null,
      file_name: fileName,
      upstream_file_name: upstreamFileName,
      upstream_content_type: image.upstream.contentType,
      created_at: Date.now(),
      author,
    });
    return { row, created: true };
  } catch (error) {
    media.remove(media.path("uploads", fileName));
    media.remove(media.path("uploads", upstreamFileName));
    media.remove(media.path("uploads", thumbFileName(id)));
    const raced = await uploads.findByHash(sha256);
    if (raced) return { row: raced, created: false };
    throw error;
  }
}
