import type { Upload } from "../../shared/api";
import { iso } from "../iso-time";

/** One stored frame image as the server works with it, whatever stores it. Times are epoch ms. */
export type UploadRecord = {
  id: string;
  sha256: string;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
  /** The name the creator's file had, at most 255 characters. */
  originalName: string | null;
  /** The kept original under media/uploads (location and serials removed). */
  fileName: string;
  /** The upright, metadata-free copy sent to the provider. */
  upstreamFileName: string;
  upstreamContentType: string;
  createdAt: number;
  author: string | null;
  /** False for originals kept before metadata was stripped on arrival. */
  metadataClean: boolean;
};

/** Thumbnails are named by the upload id alone, so no column is needed to find them. */
export const thumbFileName = (id: string) => `${id}.thumb.jpg`;

/** The one mapper from an upload to what goes on the wire. */
export function wireUpload(upload: UploadRecord): Upload {
  return {
    id: upload.id,
    url: `/media/uploads/${upload.id}`,
    thumbUrl: `/media/uploads/${upload.id}/thumb`,
    width: upload.width,
    height: upload.height,
    contentType: upload.contentType,
    bytes: upload.bytes,
    name: upload.originalName,
    author: upload.author,
    createdAt: iso(upload.createdAt),
  };
}
