import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import { ERROR_CODES } from "../../shared/api-error";

/** What to send for `size` bytes: the whole file or one range of it (`end` inclusive). */
export type ReplyPlan = { status: 200 | 206; headers: Headers; start: number; end: number };

export const notOnServer = () => Response.json({ error: { code: ERROR_CODES.notFound, message: "This file is no longer on the server." } }, { status: 404 });

/**
 * The status, headers and byte span answering a request for a stored file of `size` bytes,
 * or the 416 when its single `bytes=` range can't be met. Every media store answers through it,
 * so the folder and a bucket serve the same headers.
 */
export function planReply(contentType: string, size: number, rangeHeader: string | undefined): ReplyPlan | Response {
  const headers = new Headers({
    "content-type": contentType,
    "accept-ranges": "bytes",
    "cache-control": "private, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
  });
  let start = 0;
  let end = size - 1;
  let status: 200 | 206 = 200;
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
  return { status, headers, start, end };
}

/** Streams a file with HTTP Range support so players can seek without downloading it all. */
export function serveFile(path: string, contentType: string, rangeHeader: string | undefined, method: string): Response {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return notOnServer();
  }
  const plan = planReply(contentType, size, rangeHeader);
  if (plan instanceof Response) return plan;
  const { status, headers, start, end } = plan;
  if (method === "HEAD" || size === 0) return new Response(null, { status, headers });
  const stream = Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status, headers });
}
