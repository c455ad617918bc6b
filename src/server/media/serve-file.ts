import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import { ERROR_CODES } from "../../shared/api-error";

/** Streams a file with HTTP Range support so players can seek without downloading it all. */
export function serveFile(path: string, contentType: string, rangeHeader: string | undefined, method: string): Response {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return Response.json({ error: { code: ERROR_CODES.notFound, message: "This file is no longer on the server." } }, { status: 404 });
  }
  const headers = new Headers({
    "content-type": contentType,
    "accept-ranges": "bytes",
    "cache-control": "private, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
  });
  let start = 0;
  let end = size - 1;
  let status = 200;
  if (rangeHeader) {
    const match = /^bytes=(\d*)-(\d*)$/.exec(rangeHeader.trim());
    const valid = match && (match[1] !== "" || match[2] !== "");
    if (valid) {
      if (match[1] === "") {
        start = Math.max(0, size - Number(match[2]));
      } else {
        start = Number(match[1]);
        end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
      }
    }
    if (!valid || start > end || start >= size) {
      headers.set("content-range", `bytes */${size}`);
      return new Response(null, { status: 416, headers });
    }
    status = 206;
    headers.set("content-range", `bytes ${start}-${end}/${size}`);
  }
  headers.set("content-length", String(end - start + 1));
  if (method === "HEAD" || size === 0) return new Response(null, { status, headers });
  const stream = Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status, headers });
}
