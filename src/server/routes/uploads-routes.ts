import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { lastFrameRequestSchema, listQuerySchema } from "../../shared/api";
import { ERROR_CODES } from "../../shared/api-error";
import { UPLOAD_MAX_BYTES } from "../../shared/limits";
import type { AppEnv } from "../http/app-env";
import { HttpError } from "../http/http-error";
import { jsonBodyLimit } from "../http/request-guards";
import { parseCursor, parseOrThrow, readJsonBody } from "../http/validate";
import { storeUpload } from "../images/store-upload";
import { extractLastFrame } from "../media/extract-last-frame";
import { toUpload } from "../store/uploads-store";
import type { StudioDeps } from "../studio";

const MB = 1024 * 1024;

type Deps = Pick<StudioDeps, "uploads" | "media" | "store">;

export function uploadsRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .post(
      "/",
      bodyLimit({
        maxSize: UPLOAD_MAX_BYTES + MB, // room for the multipart envelope
        onError: () => {
          const message = `The file is larger than ${UPLOAD_MAX_BYTES / MB} MB. Use a smaller image.`;
          throw new HttpError(ERROR_CODES.payloadTooLarge, message, { fields: { file: message } });
        },
      }),
      async (c) => {
        const type = c.req.header("content-type") ?? "";
        if (!/^multipart\/form-data\b/i.test(type)) {
          throw new HttpError(ERROR_CODES.unsupportedContentType, 'Send the image as multipart/form-data with the field "file".');
        }
        let file: unknown;
        try {
          file = (await c.req.parseBody())["file"];
        } catch {
          throw new HttpError(ERROR_CODES.malformedJson, "The upload could not be read as multipart form data. Try again.");
        }
        if (!(file instanceof File)) {
          const message = 'Attach the image as the form field "file".';
          throw new HttpError(ERROR_CODES.validation, message, { fields: { file: message } });
        }
        const bytes = Buffer.from(await file.arrayBuffer());
        const { row, created } = await storeUpload(deps.uploads, deps.media, bytes, file.name || null, c.get("user").name);
        return c.json(toUpload(row), created ? 201 : 200);
      },
    )
    .get("/", async (c) => {
      const query = parseOrThrow(listQuerySchema, c.req.query());
      const page = await deps.uploads.list(query.limit, parseCursor(query.cursor));
      return c.json({ items: page.rows.map(toUpload), nextCursor: page.nextCursor === null ? null : String(page.nextCursor) });
    })
    .get("/:id", async (c) => {
      const row = await deps.uploads.get(c.req.param("id"));
      if (!row) throw new HttpError(ERROR_CODES.notFound, "There is no such image in the studio's library.");
      return c.json(toUpload(row));
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
      const frame = await extractLastFrame(deps.media.path("videos", take.video.file), deps.media.tempPath());
      const { row, created } = await storeUpload(deps.uploads, deps.media, frame, `last-frame-${take.id}.png`, c.get("user").name);
      return c.json(toUpload(row), created ? 201 : 200);
    });
}
