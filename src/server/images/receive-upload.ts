import busboy from "busboy";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import type { IncomingMessage } from "node:http";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { ERROR_CODES } from "../../shared/api-error";
import { UPLOAD_MAX_BYTES } from "../../shared/limits";
import { drainBody, DRAIN_LIMITS } from "../http/drain-body";
import { HttpError } from "../http/http-error";
import type { MediaStore } from "../media/media-store";
import type { StagedFile } from "./store-upload";

const MB = 1024 * 1024;
/** Room for the multipart envelope around the file. */
const ENVELOPE_BYTES = MB;

export const tooLarge = () => {
  const message = `The file is larger than ${UPLOAD_MAX_BYTES / MB} MB. Use a smaller image.`;
  return new HttpError(ERROR_CODES.payloadTooLarge, message, { fields: { file: message } });
};
const unreadable = () => new HttpError(ERROR_CODES.malformedJson, "The upload could not be read as multipart form data. Try again.");
const noFile = () => {
  const message = 'Attach the image as the form field "file".';
  return new HttpError(ERROR_CODES.validation, message, { fields: { file: message } });
};

/** The request body as a Node stream: the socket's own when served by Node (Readable.toWeb in Node 20 queues without bound when the reader lags), else the web body. */
export function bodyStream(request: Request, incoming: IncomingMessage | undefined): Readable | null {
  if (incoming) return incoming;
  return request.body ? Readable.fromWeb(request.body as WebReadableStream<Uint8Array>) : null;
}

/**
 * Streams the "file" field of a multipart request to a temporary file, hashing it on the way
 * and refusing it the moment it passes the size limit, so an upload never sits in memory
 * whole. The temporary file is gone whenever this throws. On a refusal the rest of the body
 * is read and discarded first (within drainBody's limits), so a client still sending gets the answer.
 */
export async function receiveUpload(headers: Headers, source: Readable | null, media: MediaStore): Promise<StagedFile & { name: string | null }> {
  const type = headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new HttpError(ERROR_CODES.unsupportedContentType, 'Send the image as multipart/form-data with the field "file".');
  }
  const declared = Number(headers.get("content-length") ?? 0);
  if (declared > UPLOAD_MAX_BYTES + ENVELOPE_BYTES) {
    // A body that says it is over the drain limit is not waited for: the connection is dropped.
    if (declared <= DRAIN_LIMITS.maxBytes) await drainBody(source);
    throw tooLarge();
  }
  if (!source) throw noFile();
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": type }, limits: { files: 1, fileSize: UPLOAD_MAX_BYTES, fields: 20, fieldSize: 64 * 1024, parts: 40 } });
  } catch {
    throw unreadable();
  }
  const path = media.tempPath();
  let active: { file: Readable; done: Promise<StagedFile & { name: string | null }> } | null = null;
  let stop: (error: unknown) => void = () => {};
  const parsed = new Promise<void>((resolve, reject) => {
    stop = reject;
    parser.once("close", resolve);
    parser.once("error", () => reject(unreadable()));
    source.once("error", () => reject(unreadable()));
    source.once("close", () => (source.readableEnded ? undefined : reject(unreadable())));
  });
  parser.on("file", (field, file, info) => {
    if (field !== "file" || active) {
      file.resume();
      return;
    }
    const hash = createHash("sha256");
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    file.once("limit", () => file.destroy(tooLarge()));
    const done = pipeline(file, count, createWriteStream(path)).then(() => ({ path, sha256: hash.digest("hex"), bytes, name: info.filename || null }));
    done.catch(stop); // the answer is known: stop parsing
    active = { file, done };
  });
  const received = () => active as typeof active; // assigned in the callback, which TypeScript can't see
  source.pipe(parser);
  try {
    await parsed;
    const file = received();
    if (!file) throw noFile();
    return await file.done;
  } catch (error) {
    source.unpipe(parser);
    parser.destroy();
    const file = received();
    // The write stream must be closed before its file is removed, or it could be created after.
    file?.file.destroy();
    const fileError = file ? await file.done.then(() => null, (e: unknown) => e) : null;
    media.removeTemp(path);
    await drainBody(source);
    throw fileError instanceof HttpError ? fileError : error;
  }
}
