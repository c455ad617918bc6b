import { z } from "zod";
import { lastFrameRequestSchema, listQuerySchema, uploadListSchema, uploadSchema } from "../../shared/api";
import { ACCEPTED_IMAGE_TYPES } from "../../shared/limits";
import { createdOrFound, empty, media, ok, page, routesTagged, type ApiRoute, type Method } from "./api-route";

const upload = routesTagged("uploads");
const file = routesTagged("media");
const id = { id: "The upload's id." };

/** The image library: uploads, and last frames taken from finished takes. */
export const uploadApiRoutes: ApiRoute[] = [
  upload("post /api/uploads", "uploadImage", "Add an image to the library", {
    description: `Multipart, field \`file\`: ${ACCEPTED_IMAGE_TYPES.join(", ")}. Identical bytes return the existing upload.`,
    body: { multipart: true },
    replies: createdOrFound(uploadSchema, "The new upload.", "The upload these bytes already made."),
    errors: {
      400: 'No `file` field, or a body that is not multipart form data.',
      413: "The file is too large.",
      415: "The request is not `multipart/form-data`.",
      422: "Not an image the models take (type, size or shape; `fields.file` says what to change).",
    },
  }),
  upload("get /api/uploads", "listUploads", "The library, newest first", { query: listQuerySchema, replies: page(uploadListSchema), errors: { 400: "`limit` or `cursor` is not valid." } }),
  upload("get /api/uploads/{id}", "getUpload", "One upload", { params: id, replies: ok(uploadSchema, "The upload."), errors: { 404: "The library has no such image." } }),
  upload("post /api/uploads/from-video", "uploadLastFrame", "The final frame of a completed take, as a new upload", {
    body: { json: lastFrameRequestSchema, maxKb: 4 },
    replies: createdOrFound(uploadSchema, "The new upload.", "That frame is already in the library."),
    errors: { 404: "No take has this id.", 409: "The take has no saved video yet (`not_completed`)." },
  }),
];

const ranged = (types: readonly string[], what: string) => ({
  200: media(types, `The ${what}.`, { "accept-ranges": "bytes" }),
  206: media(types, `The requested byte range of the ${what}.`, { "content-range": "bytes start-end/size" }),
  416: { ...empty("The `Range` cannot be served."), headers: { "content-range": "bytes */size" } },
});

/** GET and HEAD of each stored file, served by id with `Range`. */
export function mediaRoutes(path: `/${string}`, operation: string, summary: string, params: Record<string, string>, types: readonly string[], what: string, query?: z.ZodObject): ApiRoute[] {
  return (["get", "head"] as Method[]).map((method) =>
    file(`${method} ${path}`, `${method}${operation}`, method === "head" ? `${summary} (headers only)` : summary, {
      params,
      ...(query ? { query } : {}),
      replies: ranged(types, what),
      errors: { 404: "The studio has no such file." },
    }),
  );
}

const downloadQuery = z.object({ download: z.literal("1").optional().describe("`1`: answer as an attachment named after the take.") });

export const mediaApiRoutes: ApiRoute[] = [
  ...mediaRoutes("/media/uploads/{id}", "UploadFile", "An uploaded image as it was uploaded", id, ACCEPTED_IMAGE_TYPES, "image"),
  ...mediaRoutes("/media/uploads/{id}/thumb", "UploadThumb", "An upload's JPEG thumbnail (at most 320 px)", id, ["image/jpeg"], "thumbnail"),
  ...mediaRoutes("/media/videos/{file}", "Video", "A completed take's MP4 (`?download=1`: as an attachment named after the take)", { file: "`<take id>.mp4`" }, ["video/mp4"], "video", downloadQuery),
  ...mediaRoutes("/media/posters/{file}", "Poster", "A completed take's poster frame", { file: "`<take id>.jpg`" }, ["image/jpeg"], "poster"),
];
