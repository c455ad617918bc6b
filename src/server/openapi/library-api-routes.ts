import { z } from "zod";
import { lastFrameRequestSchema, listQuerySchema, uploadListSchema, uploadSchema } from "../../shared/api";
import { ACCEPTED_IMAGE_TYPES } from "../../shared/limits";
import { empty, json, type ApiRoute, type Method } from "./api-route";

/** The image library: uploads, and last frames taken from finished takes. */
export const uploadApiRoutes: ApiRoute[] = [
  {
    method: "post",
    path: "/api/uploads",
    operationId: "uploadImage",
    tag: "uploads",
    summary: "Add an image to the library",
    description: `Multipart, field \`file\`: ${ACCEPTED_IMAGE_TYPES.join(", ")}. Identical bytes return the existing upload.`,
    body: { multipart: true },
    replies: { 201: json(uploadSchema, "The new upload."), 200: json(uploadSchema, "The upload these bytes already made.") },
    errors: {
      400: 'No `file` field, or a body that is not multipart form data.',
      413: "The file is too large.",
      415: "The request is not `multipart/form-data`.",
      422: "Not an image the models take (type, size or shape; `fields.file` says what to change).",
    },
  },
  {
    method: "get",
    path: "/api/uploads",
    operationId: "listUploads",
    tag: "uploads",
    summary: "The library, newest first",
    query: listQuerySchema,
    replies: { 200: json(uploadListSchema, "One page; pass `nextCursor` as `cursor` for the next.") },
    errors: { 400: "`limit` or `cursor` is not valid." },
  },
  {
    method: "get",
    path: "/api/uploads/{id}",
    operationId: "getUpload",
    tag: "uploads",
    summary: "One upload",
    params: { id: "The upload's id." },
    replies: { 200: json(uploadSchema, "The upload.") },
    errors: { 404: "The library has no such image." },
  },
  {
    method: "post",
    path: "/api/uploads/from-video",
    operationId: "uploadLastFrame",
    tag: "uploads",
    summary: "The final frame of a completed take, as a new upload",
    body: { json: lastFrameRequestSchema, maxKb: 4 },
    replies: { 201: json(uploadSchema, "The new upload."), 200: json(uploadSchema, "That frame is already in the library.") },
    errors: { 404: "No take has this id.", 409: "The take has no saved video yet (`not_completed`)." },
  },
];

const ranged = (media: readonly string[], what: string) => ({
  200: { media, description: `The ${what}.`, headers: { "accept-ranges": "bytes" } },
  206: { media, description: `The requested byte range of the ${what}.`, headers: { "content-range": "bytes start-end/size" } },
  416: { ...empty("The `Range` cannot be served."), headers: { "content-range": "bytes */size" } },
});

/** GET and HEAD of each stored file, served by id with `Range`. */
function mediaRoutes(path: string, operation: string, summary: string, params: Record<string, string>, media: readonly string[], what: string, query?: z.ZodObject): ApiRoute[] {
  return (["get", "head"] as Method[]).map((method) => ({
    method,
    path,
    operationId: `${method}${operation}`,
    tag: "media" as const,
    summary: method === "head" ? `${summary} (headers only)` : summary,
    params,
    ...(query ? { query } : {}),
    replies: ranged(media, what),
    errors: { 404: "The studio has no such file." },
  }));
}

const downloadQuery = z.object({ download: z.literal("1").optional().describe("`1`: answer as an attachment named after the take.") });

export const mediaApiRoutes: ApiRoute[] = [
  ...mediaRoutes("/media/uploads/{id}", "UploadFile", "An uploaded image as it was uploaded", { id: "The upload's id." }, ACCEPTED_IMAGE_TYPES, "image"),
  ...mediaRoutes("/media/uploads/{id}/thumb", "UploadThumb", "An upload's JPEG thumbnail (at most 320 px)", { id: "The upload's id." }, ["image/jpeg"], "thumbnail"),
  ...mediaRoutes("/media/videos/{file}", "Video", "A completed take's MP4 (`?download=1`: as an attachment named after the take)", { file: "`<take id>.mp4`" }, ["video/mp4"], "video", downloadQuery),
  ...mediaRoutes("/media/posters/{file}", "Poster", "A completed take's poster frame", { file: "`<take id>.jpg`" }, ["image/jpeg"], "poster"),
];
