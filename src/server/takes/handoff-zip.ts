import { readFileSync } from "node:fs";
import { zipSync, type Zippable } from "fflate";
import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "../http/http-error";
import { rowDownloadName, type GenerationRow } from "../store/generation-row";
import type { StudioDeps } from "../studio";
import { frameZipName, takeManifest } from "./take-manifest";

const stored = (bytes: Uint8Array): Zippable[string] => [bytes, { level: 0 }]; // already compressed

/**
 * A completed take as one file for an editor: the MP4 under its download name, the poster,
 * `take.json` and the input frames that were uploads. Built in memory (videos are a few MB),
 * so there is no temporary file to leak.
 */
export function buildHandoff(deps: Pick<StudioDeps, "uploads" | "media">, row: GenerationRow | undefined, id: string) {
  if (!row) throw new HttpError(ERROR_CODES.notFound, `There is no generation with id "${id}".`);
  if (row.status !== "completed" || !row.video_file) {
    throw new HttpError(ERROR_CODES.notCompleted, `This take is ${row.status}; only a completed take can be handed off.`);
  }
  const videoName = rowDownloadName(row);
  const first = frameZipName("first-frame", row.image_upload_id ? deps.uploads.get(row.image_upload_id) : undefined);
  const last = frameZipName("last-frame", row.last_image_upload_id ? deps.uploads.get(row.last_image_upload_id) : undefined);
  const manifest = takeManifest(row, videoName, { first, last }, Date.now());

  const files: Zippable = {
    [videoName]: stored(readFileSync(deps.media.path("videos", row.video_file))),
    "take.json": new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
  };
  if (row.poster_file) files["poster.jpg"] = stored(readFileSync(deps.media.path("posters", row.poster_file)));
  for (const frame of [first, last]) {
    if (frame) files[frame.zipName] = stored(readFileSync(deps.media.path("uploads", frame.upload.file_name)));
  }
  return { fileName: `${videoName.replace(/\.mp4$/, "")}-handoff.zip`, bytes: zipSync(files, { mtime: new Date(row.completed_at ?? row.created_at) }) };
}
