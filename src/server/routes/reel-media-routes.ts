import { Hono } from "hono";
import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "../http/http-error";
import { attachmentHeader, promptSlug } from "../media/download-name";
import type { StudioDeps } from "../studio";

const TYPES = { mp4: "video/mp4", json: "application/json; charset=utf-8", csv: "text/csv; charset=utf-8" } as const;
type Extension = keyof typeof TYPES;

/** `<YYYY-MM-DD>-<project>-reel-<canvas>.mp4`, and `…-reel.json` / `…-reel.csv` for its lists. */
function reelDownloadName(project: string, createdAt: number, canvas: string, extension: Extension): string {
  const base = `${new Date(createdAt).toISOString().slice(0, 10)}-${promptSlug(project)}-reel`;
  return extension === "mp4" ? `${base}-${canvas}.mp4` : `${base}.${extension}`;
}

/** A completed reel's MP4 and edit lists, looked up by id (never a path from the request), with Range. */
export function reelMediaRoutes(deps: Pick<StudioDeps, "reels" | "projects" | "media">) {
  const gone = () => new HttpError(ERROR_CODES.notFound, "There is no such file in the studio.");
  return new Hono().on(["GET", "HEAD"], "/:file", async (c) => {
    const file = c.req.param("file");
    const match = /^([A-Za-z0-9_-]+)\.(mp4|json|csv)$/.exec(file);
    const reel = match ? await deps.reels.get(match[1]!) : undefined;
    if (!match || !reel || reel.status !== "completed") throw gone();
    const extension = match[2] as Extension;
    let disposition: string | undefined;
    if (c.req.query("download") === "1") {
      const project = await deps.projects.get(reel.projectId);
      disposition = attachmentHeader(reelDownloadName(project?.name ?? "project", reel.createdAt, reel.canvas, extension));
    }
    return deps.media.serve("reels", file, { contentType: TYPES[extension], range: c.req.header("range"), method: c.req.method, disposition });
  });
}
