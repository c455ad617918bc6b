import { createReadStream, createWriteStream } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** A rewritten file as pieces: byte ranges [start, end) of the source, or new bytes. */
export type Piece = Buffer | readonly [start: number, end: number];
export type Plan = Piece[];

export async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** True when the plan is the whole source unchanged (nothing to rewrite). */
export function isWhole(plan: Plan, size: number): boolean {
  const only = plan[0];
  return plan.length === 1 && Array.isArray(only) && only[0] === 0 && only[1] === size;
}

/** Streams the plan into `dest`: ranges are copied in chunks, so a 40 MB file is never held whole. */
export async function writePlan(source: string, plan: Plan, dest: string): Promise<void> {
  async function* chunks() {
    for (const piece of plan) {
      if (Buffer.isBuffer(piece)) yield piece;
      else if (piece[1] > piece[0]) yield* createReadStream(source, { start: piece[0], end: piece[1] - 1 });
    }
  }
  await pipeline(Readable.from(chunks()), createWriteStream(dest));
}

/** Appends a range, merging it with the previous one when they touch. */
export function keep(plan: Plan, start: number, end: number): void {
  const last = plan.at(-1);
  if (last && !Buffer.isBuffer(last) && last[1] === start) plan[plan.length - 1] = [last[0], end];
  else if (end > start) plan.push([start, end]);
}

/** One segment of a file: keep its bytes, put new bytes in its place, or drop it; `last` drops whatever follows it too. */
export type Segment = { end: number; as: "keep" | "drop" | Buffer; last?: boolean };

/**
 * Keeps the first `from` bytes (the signature), then walks the segments after them: `read` is
 * given the first `headBytes` of the segment at `position` and says what it is, or null where
 * the file stops being segments. What the walk does not reach is kept as it is.
 */
export async function planSegments(
  file: FileHandle,
  size: number,
  from: number,
  { headBytes, minBytes }: { headBytes: number; minBytes: number },
  read: (head: Buffer, position: number) => Promise<Segment | null> | Segment | null,
): Promise<Plan> {
  const plan: Plan = [];
  keep(plan, 0, from);
  let position = from;
  while (position + minBytes <= size) {
    const segment = await read(await readAt(file, position, headBytes), position);
    if (!segment) break;
    if (segment.as === "keep") keep(plan, position, segment.end);
    else if (segment.as !== "drop") plan.push(segment.as);
    position = segment.end;
    if (segment.last) return plan;
  }
  keep(plan, position, size);
  return plan;
}

/** The smallest EXIF (TIFF) block: IFD0 with the Orientation tag alone. */
export function orientationTiff(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write("MM\0*", 0, "latin1");
  tiff.writeUInt32BE(8, 4); // IFD0 right after the header
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD, so no thumbnail IFD either
  return tiff;
}
