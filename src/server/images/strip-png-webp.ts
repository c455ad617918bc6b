import type { FileHandle } from "node:fs/promises";
import { crc32 } from "node:zlib";
import { keep, orientationTiff, planSegments, readAt, type Plan, type Segment } from "./file-plan";

// Ancillary PNG chunks about how to show the pixels; text (tEXt, zTXt, iTXt: XMP and
// "Raw profile" EXIF live there), eXIf and tIME go, as do chunks nobody registered.
const PNG_KEPT = new Set(["tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCV", "cLLI", "bKGD", "hIST", "pHYs", "sPLT", "acTL", "fcTL", "fdAT"]);

function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, "latin1");
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** Keeps critical chunks and colour ones; the orientation survives as an eXIf of its own. */
export async function planPng(file: FileHandle, size: number, orientation: number): Promise<Plan> {
  return planSegments(file, size, 8, { headBytes: 8, minBytes: 12 }, (head, position): Segment => {
    const type = head.subarray(4, 8).toString("latin1");
    const end = Math.min(size, position + 12 + head.readUInt32BE(0));
    const critical = type.charCodeAt(0) < 0x61; // an upper-case first letter
    const orientationOnly = type === "eXIf" && orientation !== 1 ? pngChunk("eXIf", orientationTiff(orientation)) : "drop";
    // Anything after the end goes too.
    return { end, as: critical || PNG_KEPT.has(type) ? "keep" : orientationOnly, last: type === "IEND" };
  });
}

const WEBP_KEPT = new Set(["VP8X", "ICCP", "ANIM", "ANMF", "ALPH", "VP8 ", "VP8L"]);
const EXIF_FLAG = 0x08;
const XMP_FLAG = 0x04;

function riffChunk(fourcc: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(8 + data.length + (data.length % 2));
  chunk.write(fourcc, 0, "latin1");
  chunk.writeUInt32LE(data.length, 4);
  data.copy(chunk, 8);
  return chunk;
}

/** Drops XMP and unknown chunks, rewrites EXIF to the orientation, and fixes the VP8X flags and RIFF size. */
export async function planWebp(file: FileHandle, size: number, orientation: number): Promise<Plan> {
  const header = await readAt(file, 0, 12);
  const body: Plan = [];
  let position = 12;
  let vp8x: Buffer | null = null;
  let changed = false;
  while (position + 8 <= size) {
    const head = await readAt(file, position, 8);
    const fourcc = head.subarray(0, 4).toString("latin1");
    const length = head.readUInt32LE(4);
    const end = Math.min(size, position + 8 + length + (length % 2));
    if (fourcc === "VP8X" && !vp8x) {
      vp8x = await readAt(file, position, end - position);
      body.push(vp8x);
    } else if (WEBP_KEPT.has(fourcc)) keep(body, position, end);
    else {
      changed = true;
      if (fourcc === "EXIF" && orientation !== 1) body.push(riffChunk("EXIF", orientationTiff(orientation)));
    }
    position = end;
  }
  if (!changed && position >= size) return [[0, size]];
  if (vp8x) {
    const hasExif = body.some((p) => Buffer.isBuffer(p) && p.subarray(0, 4).toString("latin1") === "EXIF");
    vp8x[8] = (vp8x[8]! & ~(EXIF_FLAG | XMP_FLAG)) | (hasExif ? EXIF_FLAG : 0);
  }
  const bodyBytes = body.reduce((n, p) => n + (Buffer.isBuffer(p) ? p.length : p[1] - p[0]), 0);
  const riff = Buffer.from(header);
  riff.writeUInt32LE(4 + bodyBytes, 4);
  return [riff, ...body];
}
