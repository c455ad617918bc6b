import type { FileHandle } from "node:fs/promises";
import { orientationTiff, planSegments, readAt, type Plan, type Segment } from "./file-plan";

const CHUNK = 64 * 1024;
const SOS = 0xda;
const EOI = 0xd9;

/** Segments that carry pixels' meaning rather than facts about the shoot: JFIF, ICC, Adobe's colour transform. */
function keepApp(marker: number, payload: Buffer): boolean {
  const starts = (s: string) => payload.subarray(0, s.length).toString("latin1") === s;
  if (marker === 0xe0) return true;
  if (marker === 0xe2) return starts("ICC_PROFILE\0");
  if (marker === 0xee) return starts("Adobe");
  return false;
}

function orientationApp1(orientation: number): Buffer {
  const exif = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), orientationTiff(orientation)]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(exif.length + 2, 2);
  return Buffer.concat([header, exif]);
}

/** Where the entropy-coded data after an SOS ends: the first marker that is not a stuffed byte or a restart. */
async function scanEnd(file: FileHandle, from: number, size: number): Promise<number> {
  for (let position = from; position < size; position += CHUNK - 1) {
    const chunk = await readAt(file, position, CHUNK);
    for (let i = 0; i + 1 < chunk.length; i++) {
      if (chunk[i] !== 0xff) continue;
      const next = chunk[i + 1]!;
      if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return position + i;
    }
  }
  return size;
}

/**
 * Keeps a JPEG's compressed data byte for byte and drops what can say where and with what it
 * was shot: EXIF (rewritten to the orientation alone), XMP, IPTC, comments, maker segments,
 * and anything after the end of the image (MPF previews carry their own EXIF).
 */
export async function planJpeg(file: FileHandle, size: number, orientation: number): Promise<Plan> {
  return planSegments(file, size, 2, { headBytes: 4, minBytes: 4 }, async (head, position): Promise<Segment | null> => {
    if (head[0] !== 0xff) return null; // not a marker: keep the rest as it is
    const marker = head[1]!;
    if (marker === 0xff) return { end: position + 1, as: "drop" }; // fill byte
    if (marker === EOI) return { end: position + 2, as: "keep", last: true };
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) return { end: position + 2, as: "keep" };
    const end = position + 2 + head.readUInt16BE(2);
    if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) {
      const payload = await readAt(file, position + 4, 14);
      if (keepApp(marker, payload)) return { end, as: "keep" };
      if (marker === 0xe1 && payload.subarray(0, 6).toString("latin1") === "Exif\0\0" && orientation !== 1) return { end, as: orientationApp1(orientation) };
      return { end, as: "drop" };
    }
    return { end: marker === SOS ? await scanEnd(file, end, size) : end, as: "keep" };
  });
}
