import sharp, { type Sharp, type Metadata } from "sharp";
import { fileTypeFromBuffer } from "file-type";
import { ERROR_CODES } from "../../shared/api-error";
import {
  DATA_URI_MAX_BYTES,
  IMAGE_MAX_RATIO,
  IMAGE_MAX_SIDE,
  IMAGE_MIN_RATIO,
  IMAGE_MIN_SHORT_SIDE,
  UPLOAD_MAX_BYTES,
} from "../../shared/limits";
import { HttpError } from "../http/http-error";

// libvips' operation cache and one thread per core hold hundreds of MB after a few large
// uploads; the studio decodes each image once, so neither pays for itself here.
sharp.cache(false);
sharp.concurrency(1);

export type AcceptedType = "image/jpeg" | "image/png" | "image/webp";

export type InspectedImage = {
  contentType: AcceptedType;
  /** Display size: after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** Upright, metadata-free bytes small enough for a data URI under the upstream limit. */
  upstream: { bytes: Buffer; contentType: AcceptedType };
  /** An upright JPEG of at most 320 px for the library. */
  thumb: Buffer;
};

const THUMB_SIDE = 320;

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

const refuse = (message: string) => new HttpError(ERROR_CODES.unsupportedImage, message, { fields: { file: message } });

async function sniff(bytes: Buffer): Promise<string> {
  const type = await fileTypeFromBuffer(bytes);
  if (type) return type.mime;
  const head = bytes.subarray(0, 1024).toString("utf8").trimStart().toLowerCase();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"))) return "image/svg+xml";
  return "unknown";
}

function describe(mime: string): string {
  if (mime === "image/svg+xml") return "an SVG drawing";
  if (mime === "unknown") return "a file that is not an image (text or unknown data)";
  return NAMES[mime] ?? `a ${mime} file`;
}

/** Smallest re-encode that keeps the base64 data URI under the upstream limit. */
const fits = (b: Buffer) => Math.ceil(b.length / 3) * 4 + 32 <= DATA_URI_MAX_BYTES;
const decode = (bytes: Buffer) => sharp(bytes, { limitInputPixels: IMAGE_MAX_SIDE * IMAGE_MAX_SIDE, failOn: "truncated" }).rotate();

/**
 * The original goes upstream as it is when it can: upright already, no metadata to leak
 * (EXIF may hold GPS), plain RGB, and small enough. Otherwise it is re-encoded.
 */
function needsReencode(bytes: Buffer, meta: Metadata): boolean {
  const rotated = (meta.orientation ?? 1) !== 1;
  const leaks = Boolean(meta.exif || meta.xmp || meta.iptc || meta.tifftagPhotoshop);
  const unusualColour = meta.space !== undefined && meta.space !== "srgb" && meta.space !== "b-w";
  return rotated || leaks || unusualColour || !fits(bytes);
}

async function toUpstream(bytes: Buffer, type: AcceptedType): Promise<InspectedImage["upstream"]> {
  const pipeline = () => decode(bytes);
  const encoders: Record<AcceptedType, (s: Sharp) => Sharp> = {
    "image/jpeg": (s) => s.jpeg({ quality: 92, mozjpeg: false }),
    "image/png": (s) => s.png({ compressionLevel: 9 }),
    "image/webp": (s) => s.webp({ quality: 92 }),
  };
  const same = await encoders[type](pipeline()).toBuffer();
  if (fits(same)) return { bytes: same, contentType: type };
  // Too big as it is: a 2560-px JPEG keeps detail far beyond the model's 1280-px output.
  for (const [side, quality] of [[2560, 88], [2048, 85], [1600, 82], [1280, 80]] as const) {
    const smaller = await pipeline().resize(side, side, { fit: "inside", withoutEnlargement: true }).jpeg({ quality }).toBuffer();
    if (fits(smaller)) return { bytes: smaller, contentType: "image/jpeg" };
  }
  throw refuse("This image can't be made small enough for the model. Use a smaller image.");
}

/** The BFF's authority on images: sniffed type, size, ratio, integrity, upright derivative. */
export async function inspectImage(bytes: Buffer): Promise<InspectedImage> {
  if (bytes.length === 0) throw refuse("The file is empty. Choose a JPEG, PNG or WebP image.");
  if (bytes.length > UPLOAD_MAX_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new HttpError(ERROR_CODES.payloadTooLarge, `The file is ${mb(bytes.length)} MB; use one of at most ${mb(UPLOAD_MAX_BYTES)} MB.`, {
      fields: { file: `Use an image of at most ${mb(UPLOAD_MAX_BYTES)} MB.` },
    });
  }
  const mime = await sniff(bytes);
  if (!ACCEPTED.has(mime)) throw refuse(`This is ${describe(mime)}. Use a JPEG, PNG or WebP image.`);
  const contentType = mime as AcceptedType;

  let meta: Metadata;
  try {
    // Reads the header only, so a bomb's declared size is refused before anything is decoded.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw refuse("This image is damaged and can't be read. Export it again as JPEG, PNG or WebP.");
  }
  const rawW = meta.width ?? 0;
  const rawH = meta.height ?? 0;
  if (rawW > IMAGE_MAX_SIDE || rawH > IMAGE_MAX_SIDE) {
    throw refuse(`This image is ${rawW}×${rawH} px; the largest side may be at most ${IMAGE_MAX_SIDE} px.`);
  }
  const swapped = (meta.orientation ?? 1) >= 5;
  const width = swapped ? rawH : rawW;
  const height = swapped ? rawW : rawH;
  if (Math.min(width, height) < IMAGE_MIN_SHORT_SIDE) {
    throw refuse(`This image is ${width}×${height} px; the short side must be at least ${IMAGE_MIN_SHORT_SIDE} px.`);
  }
  const ratio = width / height;
  if (ratio < IMAGE_MIN_RATIO || ratio > IMAGE_MAX_RATIO) {
    throw refuse(
      `This image's width/height ratio is ${ratio.toFixed(2)} (${width}×${height}); it must be between ${IMAGE_MIN_RATIO} and ${IMAGE_MAX_RATIO}. Crop it first.`,
    );
  }
  try {
    // Decoding the whole image for the thumbnail is also the integrity check.
    const thumb = await decode(bytes).resize(THUMB_SIDE, THUMB_SIDE, { fit: "inside", withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
    const upstream = needsReencode(bytes, meta) ? await toUpstream(bytes, contentType) : { bytes, contentType };
    return { contentType, width, height, upstream, thumb };
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw refuse("This image is damaged or cut short and can't be decoded. Export it again.");
  }
}
