import sharp, { type Sharp, type Metadata } from "sharp";
import { ERROR_CODES } from "../../shared/api-error";
import { DATA_URI_MAX_BYTES, IMAGE_MAX_RATIO, IMAGE_MAX_SIDE, IMAGE_MIN_RATIO, IMAGE_MIN_SHORT_SIDE, UPLOAD_MAX_BYTES } from "../../shared/limits";
import { HttpError } from "../http/http-error";
import { acceptedType, refuse, type AcceptedType } from "./sniff-image";

export type { AcceptedType } from "./sniff-image";

// libvips' operation cache and one thread per core hold hundreds of MB after a few large
// uploads; the studio decodes each image once, so neither pays for itself here.
sharp.cache(false);
sharp.concurrency(1);

export type InspectedImage = {
  contentType: AcceptedType;
  /** Display size: after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** The EXIF orientation (1–8) the original keeps. */
  orientation: number;
  /** Upright, metadata-free bytes small enough for a data URI under the upstream limit; null when the original (cleaned) will do. */
  upstream: { bytes: Buffer; contentType: AcceptedType } | null;
  /** An upright JPEG of at most 320 px for the library. */
  thumb: Buffer;
};

const THUMB_SIDE = 320;
/** A 16-bit decode takes twice the memory per pixel; past this, libvips' frame alone is hundreds of MB. */
export const DEEP_IMAGE_MAX_MP = 16;

/** Smallest re-encode that keeps the base64 data URI under the upstream limit. */
const fits = (bytes: number) => Math.ceil(bytes / 3) * 4 + 32 <= DATA_URI_MAX_BYTES;
const decode = (path: string) => sharp(path, { limitInputPixels: IMAGE_MAX_SIDE * IMAGE_MAX_SIDE, failOn: "truncated" }).rotate();

/**
 * The original goes upstream as it is when it can: upright already, no metadata to leak
 * (EXIF may hold GPS), plain RGB, and small enough. Otherwise it is re-encoded.
 */
function needsReencode(size: number, meta: Metadata): boolean {
  const rotated = (meta.orientation ?? 1) !== 1;
  const leaks = Boolean(meta.exif || meta.xmp || meta.iptc || meta.tifftagPhotoshop);
  const unusualColour = meta.space !== undefined && meta.space !== "srgb" && meta.space !== "b-w";
  return rotated || leaks || unusualColour || !fits(size);
}

/** Past this, re-encoding at full size can't shrink a file into the budget (q98→q92 is ~2×, PNG ~1×): skip that try and its full-size buffer. */
const SAME_SIZE_TRY_MAX_BYTES = 4 * DATA_URI_MAX_BYTES;

async function toUpstream(path: string, type: AcceptedType, size: number): Promise<NonNullable<InspectedImage["upstream"]>> {
  const encoders: Record<AcceptedType, (s: Sharp) => Sharp> = {
    "image/jpeg": (s) => s.jpeg({ quality: 92, mozjpeg: false }),
    "image/png": (s) => s.png({ compressionLevel: 9 }),
    "image/webp": (s) => s.webp({ quality: 92 }),
  };
  if (size <= SAME_SIZE_TRY_MAX_BYTES) {
    const same = await encoders[type](decode(path)).toBuffer();
    if (fits(same.length)) return { bytes: same, contentType: type };
  }
  // Too big as it is: a 2560-px JPEG keeps detail far beyond the model's 1280-px output.
  for (const [side, quality] of [[2560, 88], [2048, 85], [1600, 82], [1280, 80]] as const) {
    const smaller = await decode(path).resize(side, side, { fit: "inside", withoutEnlargement: true }).jpeg({ quality }).toBuffer();
    if (fits(smaller.length)) return { bytes: smaller, contentType: "image/jpeg" };
  }
  throw refuse("This image can't be made small enough for the model. Use a smaller image.");
}

function checkGeometry(meta: Metadata): { width: number; height: number } {
  const rawW = meta.width ?? 0;
  const rawH = meta.height ?? 0;
  if (rawW > IMAGE_MAX_SIDE || rawH > IMAGE_MAX_SIDE) {
    throw refuse(`This image is ${rawW}×${rawH} px; the largest side may be at most ${IMAGE_MAX_SIDE} px.`);
  }
  const megapixels = (rawW * rawH) / 1e6;
  if ((meta.bitsPerSample ?? 8) > 8 && megapixels > DEEP_IMAGE_MAX_MP) {
    throw refuse(
      `This image is ${rawW}×${rawH} px (${megapixels.toFixed(0)} MP) at ${meta.bitsPerSample} bits per channel. Save it as 8-bit or shrink it below ${DEEP_IMAGE_MAX_MP} MP.`,
    );
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
  return { width, height };
}

/** What the header alone tells: enough to refuse a bomb, and to weigh its decode, before anything is decoded. */
type ImageHeader = { contentType: AcceptedType; meta: Metadata; width: number; height: number; decodeMegapixels: number };

/** Type, file size and shape, from the first bytes; throws the refusal that says what to change. */
export async function readImageHeader(path: string, size: number): Promise<ImageHeader> {
  if (size === 0) throw refuse("The file is empty. Choose a JPEG, PNG or WebP image.");
  if (size > UPLOAD_MAX_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new HttpError(ERROR_CODES.payloadTooLarge, `The file is ${mb(size)} MB; use one of at most ${mb(UPLOAD_MAX_BYTES)} MB.`, {
      fields: { file: `Use an image of at most ${mb(UPLOAD_MAX_BYTES)} MB.` },
    });
  }
  const contentType = await acceptedType(path);
  let meta: Metadata;
  try {
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch {
    throw refuse("This image is damaged and can't be read. Export it again as JPEG, PNG or WebP.");
  }
  const { width, height } = checkGeometry(meta);
  const decodeMegapixels = (width * height * Math.max(1, (meta.bitsPerSample ?? 8) / 8)) / 1e6;
  return { contentType, meta, width, height, decodeMegapixels };
}

/** The BFF's authority on images: integrity and the upright derivatives, for a header already read. Never holds the file whole. */
export async function inspectImage(path: string, size: number, header: ImageHeader): Promise<InspectedImage> {
  const { contentType, meta, width, height } = header;
  try {
    // Decoding the whole image for the thumbnail is also the integrity check.
    const thumb = await decode(path).resize(THUMB_SIDE, THUMB_SIDE, { fit: "inside", withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
    const upstream = needsReencode(size, meta) ? await toUpstream(path, contentType, size) : null;
    return { contentType, width, height, orientation: meta.orientation ?? 1, upstream, thumb };
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw refuse("This image is damaged or cut short and can't be decoded. Export it again.");
  }
}
