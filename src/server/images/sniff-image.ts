import { open } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";
import { ERROR_CODES } from "../../shared/api-error";
import { HttpError } from "../http/http-error";

export type AcceptedType = "image/jpeg" | "image/png" | "image/webp";

const ACCEPTED = new Set<string>(["image/jpeg", "image/png", "image/webp"]);
const NAMES: Record<string, string> = {
  "image/gif": "a GIF image",
  "image/heic": "a HEIC photo",
  "image/heif": "a HEIF photo",
  "image/avif": "an AVIF image",
  "image/bmp": "a BMP image",
  "image/tiff": "a TIFF image",
  "application/pdf": "a PDF document",
  "image/x-icon": "an icon file",
};

export const refuse = (message: string) => new HttpError(ERROR_CODES.unsupportedImage, message, { fields: { file: message } });

async function head(path: string): Promise<string> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(1024);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await file.close();
  }
}

async function sniff(path: string): Promise<string> {
  const type = await fileTypeFromFile(path);
  if (type) return type.mime;
  const start = (await head(path)).trimStart().toLowerCase();
  if (start.startsWith("<svg") || (start.startsWith("<?xml") && start.includes("<svg"))) return "image/svg+xml";
  return "unknown";
}

function describe(mime: string): string {
  if (mime === "image/svg+xml") return "an SVG drawing";
  if (mime === "unknown") return "a file that is not an image (text or unknown data)";
  return NAMES[mime] ?? `a ${mime} file`;
}

/** The type from the file's bytes (never its name or the browser's say-so), or a 422 naming what it is. */
export async function acceptedType(path: string): Promise<AcceptedType> {
  const mime = await sniff(path);
  if (!ACCEPTED.has(mime)) throw refuse(`This is ${describe(mime)}. Use a JPEG, PNG or WebP image.`);
  return mime as AcceptedType;
}
