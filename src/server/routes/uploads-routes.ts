import type { IncomingMessage } from "node:http";
import { Hono } from "hono";
import { lastFrameRequestSchema, listQuerySchema } from "../../shared/api";
import { ERROR_CODES } from "../../shared/api-error";
import type { AppEnv } from "../http/app-env";
import { HttpError } from "../http/http-error";
import { jsonBodyLimit } from "../http/request-guards";
import { parseCursor, parseOrThrow, readJsonBody } from "../http/validate";
import { bodyStream, receiveUpload } from "../images/receive-upload";
import { stageBuffer, storeUpload } from "../images/store-upload";
import { wireUpload } from "../images/upload-record";
import { extractLastFrame } from "../media/extract-last-frame";
import type { StudioDeps } from "../studio";

type Deps = Pick<StudioDeps, "uploads" | "media" | "store">;

export function uploadsRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .post("/", async (c) => {
      const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
      const staged = await receiveUpload(c.req.raw.headers, bodyStream(c.req.raw, incoming), deps.media);
      const { upload, created } = await storeUpload(deps.uploads, deps.media, staged, staged.name, c.get("user").name);
      return c.json(wireUpload(upload), created ? 201 : 200);
    })
    .get("/", async (c) => {
      const query = parseOrThrow(listQuerySchema, c.req.query());
      const page = await deps.uploads.list(query.limit, parseCursor(query.cursor));
      return c.json({ items: page.uploads.map(wireUpload), nextCursor: page.nextCursor === null ? null : String(page.nextCursor) });
    })
    .get("/:id", async (c) => {
      const upload = await deps.uploads.get(c.req.param("id"));
      if (!upload) throw new HttpError(ERROR_CODES.notFound, "There is no such image in the studio's library.");
      return c.json(wireUpload(upload));
    })
    .post("/from-video", jsonBodyLimit(4096), async (c) => {
      const { generationId } = parseOrThrow(lastFrameRequestSchema, await readJsonBody(c.req.raw));
      const take = await deps.store.get(generationId);
      if (!take) {
        throw new HttpError(ERROR_CODES.notFound, `There is no take with id "${generationId}".`, { fields: { generationId: "Pick a take from the gallery." } });
      }
      if (take.status !== "completed" || !take.video) {
        throw new HttpError(ERROR_CODES.notCompleted, "This take has no saved video yet: wait until it is completed.", {
          fields: { generationId: "Pick a completed take." },
        });
      }
      const made = await deps.uploads.lastFrameOf(take.id);
      if (made) return c.json(wireUpload(made), 200);
      const video = await deps.media.localCopy("videos", take.video.file);
      const frame = await extractLastFrame(video.path, deps.media.tempPath()).finally(() => video.release());
      const staged = await stageBuffer(deps.media, frame);
      const { upload, created } = await storeUpload(deps.uploads, deps.media, staged, `last-frame-${take.id}.png`, c.get("user").name);
      await deps.uploads.rememberLastFrame(take.id, upload.id);
      return c.json(wireUpload(upload), created ? 201 : 200);
    });
}
