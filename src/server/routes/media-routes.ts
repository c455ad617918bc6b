import { Hono } from "hono";
import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "../http/http-error";
import { ensureCleanUpload } from "../images/clean-stored-upload";
import { attachmentHeader, downloadName } from "../media/download-name";
import { thumbFileName } from "../images/upload-record";
import type { StudioDeps } from "../studio";

/** Serves only files the store knows, looked up by id: no request path reaches the disk. */
export function mediaRoutes(deps: Pick<StudioDeps, "uploads" | "store" | "media">) {
  const gone = () => new HttpError(ERROR_CODES.notFound, "There is no such file in the studio.");
  const completed = async (file: string, extension: string) => {
    if (!file.endsWith(extension)) throw gone();
    const take = await deps.store.get(file.slice(0, -extension.length));
    if (!take || take.status !== "completed" || !take.video) throw gone();
    return { take, video: take.video };
  };
  return new Hono()
    .on(["GET", "HEAD"], "/uploads/:id", async (c) => {
      const found = await deps.uploads.get(c.req.param("id"));
      if (!found) throw gone();
      // A file kept before uploads were cleaned is cleaned now, never served with its GPS.
      const upload = await ensureCleanUpload(deps, found).catch(() => {
        throw gone();
      });
      return deps.media.serve("uploads", upload.fileName, { contentType: upload.contentType, range: c.req.header("range"), method: c.req.method });
    })
    .on(["GET", "HEAD"], "/uploads/:id/thumb", async (c) => {
      const upload = await deps.uploads.get(c.req.param("id"));
      if (!upload) throw gone();
      return deps.media.serve("uploads", thumbFileName(upload.id), { contentType: "image/jpeg", range: c.req.header("range"), method: c.req.method });
    })
    .on(["GET", "HEAD"], "/videos/:file", async (c) => {
      const { take, video } = await completed(c.req.param("file"), ".mp4");
      const disposition = c.req.query("download") === "1" ? attachmentHeader(downloadName(take)) : undefined;
      return deps.media.serve("videos", video.file, { contentType: "video/mp4", range: c.req.header("range"), method: c.req.method, disposition });
    })
    .on(["GET", "HEAD"], "/posters/:file", async (c) => {
      const { video } = await completed(c.req.param("file"), ".jpg");
      if (!video.posterFile) throw gone();
      return deps.media.serve("posters", video.posterFile, { contentType: "image/jpeg", range: c.req.header("range"), method: c.req.method });
    });
}
