import { Hono } from "hono";
import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "../http/http-error";
import { ensureCleanUpload } from "../images/clean-stored-upload";
import { attachmentHeader, downloadName } from "../media/download-name";
import { serveFile } from "../media/serve-file";
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
      return serveFile(deps.media.path("uploads", upload.fileName), upload.contentType, c.req.header("range"), c.req.method);
    })
    .on(["GET", "HEAD"], "/uploads/:id/thumb", async (c) => {
      const upload = await deps.uploads.get(c.req.param("id"));
      if (!upload) throw gone();
      return serveFile(deps.media.path("uploads", thumbFileName(upload.id)), "image/jpeg", c.req.header("range"), c.req.method);
    })
    .on(["GET", "HEAD"], "/videos/:file", async (c) => {
      const { take, video } = await completed(c.req.param("file"), ".mp4");
      const response = serveFile(deps.media.path("videos", video.file), "video/mp4", c.req.header("range"), c.req.method);
      if (c.req.query("download") === "1" && response.ok) response.headers.set("content-disposition", attachmentHeader(downloadName(take)));
      return response;
    })
    .on(["GET", "HEAD"], "/posters/:file", async (c) => {
      const { video } = await completed(c.req.param("file"), ".jpg");
      if (!video.posterFile) throw gone();
      return serveFile(deps.media.path("posters", video.posterFile), "image/jpeg", c.req.header("range"), c.req.method);
    });
}
