import { open, stat } from "node:fs/promises";

type ByteRange = { start: number; end: number };

/** Parses a single `bytes=` range; `null` when unsatisfiable, `undefined` when absent or not one range (serve it all). */
export function parseRange(header: string | undefined, size: number): ByteRange | null | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, from = "", to = ""] = match;
  if (from === "" && to === "") return undefined;
  if (from === "") {
    const suffix = Number(to);
    return suffix === 0 ? null : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  return start >= size || end < start ? null : { start, end };
}

async function readSlice(file: string, start: number, length: number): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, start);
    return buffer;
  } finally {
    await handle.close();
  }
}

/** An MP4 response with Range support, as a CDN serves the vendor's signed URLs. Results are a few MB at most, so slices are read whole. */
export async function serveMp4(file: string, rangeHeader: string | undefined): Promise<Response> {
  const { size } = await stat(file);
  const headers = { "Content-Type": "video/mp4", "Accept-Ranges": "bytes" };
  const range = parseRange(rangeHeader, size);
  if (range === null) {
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
  }
  if (range === undefined) {
    const body = await readSlice(file, 0, size);
    return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, "Content-Length": String(size) } });
  }
  const length = range.end - range.start + 1;
  const body = await readSlice(file, range.start, length);
  return new Response(new Uint8Array(body), {
    status: 206,
    headers: { ...headers, "Content-Length": String(length), "Content-Range": `bytes ${range.start}-${range.end}/${size}` },
  });
}
