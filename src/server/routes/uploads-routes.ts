import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ERROR_CODES } from "../../shared/api-error";
import { UPLOAD_MAX_BYTES } from "../../shared/limits";
import { HttpError } from "../http/http-error";
import { storeUpload } from "../images/store-upload";
import type { MediaDir } from "../media/media-dir";
import { toUpload, type UploadsStore } from "../store/uploads-store";

const MB = 1024 * 1024;

export function uploadsRoutes(deps: { uploads: UploadsStore; media: MediaDir }) {
  return new Hono().post(
    "/",
    bodyLimit({
      maxSize: UPLOAD_MAX_BYTES + MB, // room for the multipart envelope
      onError: () => {
        const message = `The file is larger than ${UPLOAD_MAX_BYTES / MB} MB. Use a smaller image.`;
        throw new HttpError(413, ERROR_CODES.payloadTooLarge, message, { file: message });
      },
    }),
    async (c) => {
      const type = c.req.header("content-type") ?? "";
      if (!/^multipart\/form-data\b/i.test(type)) {
        throw new HttpError(415, ERROR_CODES.unsupportedContentType, 'Send the image as multipart/form-data with the field "file".');
      }
      let file: unknown;
      try {
        file = (await c.req.parseBody())["file"];
      } catch {
        throw new HttpError(400, ERROR_CODES.malformedJson, "The upload could not be read as multipart form data. Try again.");
      }
      if (!(file instanceof File)) {
        const message = 'Attach the image as the form field "file".';
        throw new HttpError(400, ERROR_CODES.validation, message, { file: message });
      }
      const bytes = Buffer.from(await file.arrayBuffer());
      const { row, created } = await storeUpload(deps.uploads, deps.media, bytes, file.name || null);
      return c.json(toUpload(row), created ? 201 : 200);
    },
  );
}
