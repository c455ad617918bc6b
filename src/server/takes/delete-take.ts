import { ERROR_CODES } from "../../shared/api-error";
import { requireAuthorOrAdmin } from "../auth/authorship";
import type { StudioUser } from "../http/app-env";
import { HttpError } from "../http/http-error";
import type { MediaStore } from "../media/media-store";
import type { TakesStore } from "../store/takes-store";
import { noSuchTake } from "./no-such-take";

/**
 * Removes a settled take: the row first (checked and deleted in one transaction), its files
 * after the commit. A crash in between leaves only orphan files, which the start-up sweep
 * clears; never a row pointing at a missing file. Input frames stay: they belong to the library.
 * A take in a family leaves a tombstone, so the family keeps its links.
 */
export async function deleteTake(store: TakesStore, media: MediaStore, id: string, user: StudioUser): Promise<void> {
  const take = await store.get(id);
  if (take) requireAuthorOrAdmin(take.author, user, { authorOf: "who made this take", can: "delete it" });
  const result = await store.deleteSettled(id, user.name);
  if (result.outcome === "missing") throw noSuchTake(id);
  if (result.outcome === "running") {
    throw new HttpError(
      ERROR_CODES.stillRunning,
      `This take is still ${result.take.status}. Its job at the provider keeps running and will be charged, so it can be deleted only once it has finished.`,
    );
  }
  // The row is gone: a file a store failed to remove now is an orphan the start-up sweep clears.
  await Promise.all([media.remove("videos", `${id}.mp4`), media.remove("posters", `${id}.jpg`)]).catch(() => {});
}
