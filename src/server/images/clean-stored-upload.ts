import { stat } from "node:fs/promises";
import type { Logger } from "pino";
import sharp from "sharp";
import type { MediaStore } from "../media/media-store";
import type { UploadsStore } from "../store/uploads-store";
import type { AcceptedType } from "./inspect-image";
import { stripMetadata } from "./strip-metadata";
import type { UploadRecord } from "./upload-record";

type Deps = { uploads: UploadsStore; media: MediaStore };

/**
 * Originals stored before uploads were cleaned still hold GPS and serials: clean one in place
 * (atomic rename) the first time it is needed. Idempotent, so a sweep and a request racing
 * on the same file both end with the same clean bytes.
 */
export async function ensureCleanUpload(deps: Deps, upload: UploadRecord): Promise<UploadRecord> {
  if (upload.metadataClean) return upload;
  const original = await deps.media.localCopy("uploads", upload.fileName);
  const temp = deps.media.tempPath();
  try {
    const { orientation = 1 } = await sharp(original.path).metadata(); // the header only
    const stripped = await stripMetadata(original.path, upload.contentType as AcceptedType, orientation, temp);
    const { size } = await stat(stripped ? temp : original.path);
    if (stripped) await deps.media.moveIn(temp, "uploads", upload.fileName);
    await deps.uploads.markClean(upload.id, size);
    return { ...upload, metadataClean: true, bytes: size };
  } finally {
    original.release();
    deps.media.removeTemp(temp);
  }
}

/** Start-up: cleans every original kept before the fix, one at a time, in the background. */
export async function cleanLegacyUploads(deps: Deps, log: Logger, isOpen: () => boolean): Promise<void> {
  let cleaned = 0;
  for (const upload of await deps.uploads.listUnclean()) {
    if (!isOpen()) return; // the studio is closing; the rest waits for the next start
    try {
      await ensureCleanUpload(deps, upload);
      cleaned++;
    } catch (error) {
      log.warn({ uploadId: upload.id, err: error }, "could not remove metadata from a stored upload; it is retried when served");
    }
  }
  if (cleaned) log.info({ cleaned }, "removed location and serials from uploads stored before they were cleaned");
}
