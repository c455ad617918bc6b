import { Hono } from "hono";
import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "../http/http-error";
import { attachmentHeader } from "../media/download-name";
import { serveFile } from "../media/serve-file";
import { rowDownloadName } from "../store/generation-row";
import { thumbFileName } from "../store/uploads-store";
import type { StudioDeps } from "../studio";

/** Serves only files the store knows, looked up by id: no request path reaches the disk. */
export function mediaRoutes(deps: Pick<StudioDeps, "uploads" | "store" | "media">) {
  const gone = () => new HttpError(ERROR_CODES.notFound, "There is no such file in the studio.");
  const completed = (file: string, extension: string) => {
    if (!file.endsWith(extension)) throw gone();
    const row = deps.store.get(file.slice(0, -extension.length));
    if (!row || row.status !== "completed") throw gone();
    return row;
  };
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
      const row = completed(c.req.param("file"), ".mp4");
      if (!row.video_file) throw gone();
      const response = serveFile(deps.media.path("videos", row.video_file), "video/mp4", c.req.header("range"), c.req.method);
      if (c.req.query("download") === "1" && response.ok) response.headers.set("content-disposition", attachmentHeader(rowDownloadName(row)));
      return response;
    })
    .on(["GET", "HEAD"], "/posters/:file", (c) => {
      const row = completed(c.req.param("file"), ".jpg");
      if (!row.poster_file) throw gone();
      return serveFile(deps.media.path("posters", row.poster_file), "image/jpeg", c.req.header("range"), c.req.method);
    });
}
