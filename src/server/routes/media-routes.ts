import { Hono } from "hono";
import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "../http/http-error";
import type { MediaDir } from "../media/media-dir";
import { serveFile } from "../media/serve-file";
import type { GenerationsStore } from "../store/generations-store";
import { thumbFileName, type UploadsStore } from "../store/uploads-store";

/** Serves only files the store knows, looked up by id: no request path reaches the disk. */
export function mediaRoutes(deps: { uploads: UploadsStore; store: GenerationsStore; media: MediaDir }) {
  const gone = () => new HttpError(404, ERROR_CODES.notFound, "There is no such file in the studio.");
  return new Hono()
    .on(["GET", "HEAD"], "/uploads/:id", (c) => {
      const upload = deps.uploads.get(c.req.param("id"));
      if (!upload) throw gone();
      return serveFile(deps.media.path("uploads", upload.file_name), upload.content_type, c.req.header("range"), c.req.method);
    })
    .on(["GET", "HEAD"], "/uploads/:id/thumb", (c) => {
      const upload = deps.uploads.get(c.req.param("id"));
      if (!upload) throw gone();
      return serveFile(deps.media.path("uploads", thumbFileName(upload.id)), "image/jpeg", c.req.header("range"), c.req.method);
    })
    .on(["GET", "HEAD"], "/videos/:file", (c) => {
      const id = c.req.param("file").replace(/\.mp4$/, "");
      const row = deps.store.get(id);
      if (!row || row.status !== "completed" || !row.video_file) throw gone();
      return serveFile(deps.media.path("videos", row.video_file), "video/mp4", c.req.header("range"), c.req.method);
    });
}
