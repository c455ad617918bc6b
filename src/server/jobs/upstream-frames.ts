import { readFile } from "node:fs/promises";
import { ERROR_CODES } from "../../shared/api-error";
import type { ImageRef } from "../../shared/take";
import { fieldError } from "../http/http-error";
import type { StudioDeps } from "../studio";

/** The frames as the upstream takes them: HTTPS URLs as they are, uploads as data URIs. */
export type UpstreamFrames = { imageUrl: string; lastImageUrl: string | null };

type Deps = Pick<StudioDeps, "uploads" | "media">;

async function upstreamImage(deps: Deps, ref: ImageRef, field: string): Promise<string> {
  if ("url" in ref) return ref.url;
  const upload = await deps.uploads.get(ref.uploadId);
  if (!upload) {
    const message = "This upload is not in the studio (unknown id). Upload the image again.";
    throw fieldError(field, message, ERROR_CODES.validation, { status: 422 });
  }
  const copy = await deps.media.localCopy("uploads", upload.upstreamFileName);
  const bytes = await readFile(copy.path).finally(() => copy.release());
  return `data:${upload.upstreamContentType};base64,${bytes.toString("base64")}`;
}

/** Resolved before anything is recorded, so an unknown upload refuses the request and stores nothing. */
export async function upstreamFrames(deps: Deps, image: ImageRef, lastImage: ImageRef | null | undefined): Promise<UpstreamFrames> {
  return {
    imageUrl: await upstreamImage(deps, image, "image"),
    lastImageUrl: lastImage ? await upstreamImage(deps, lastImage, "lastImage") : null,
  };
}
