import sharp from "sharp";
import { guardedFetch } from "../node/net/guarded-fetch";

const FETCH_TIMEOUT_MS = 5_000;
const FETCH_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Fetches an https image within Runway's URL limits through the same guard the studio uses:
 * a prompt's image URL must not turn the simulator into a probe of the local network.
 * `undefined` (and a log line) on any failure.
 */
export async function fetchImage(url: string, log: (line: string) => void): Promise<Buffer | undefined> {
  try {
    const response = await guardedFetch(url, { maxBytes: FETCH_MAX_BYTES, timeoutMs: FETCH_TIMEOUT_MS, accept: "image/*" });
    if (response.status < 200 || response.status >= 300) throw new Error(`HTTP ${response.status}`);
    return response.body;
  } catch (error) {
    log(`image fetch failed, rendering a backdrop instead: ${url.slice(0, 120)} (${String(error)})`);
    return undefined;
  }
}

/** A seeded two-tone gradient with a soft highlight, so a camera move over it is visible. */
function backdropSvg(width: number, height: number, seed: number): Buffer {
  const hue = seed % 360;
  const other = (hue + 40 + (seed % 90)) % 360;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs>
        <linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stop-color="hsl(${hue},55%,35%)"/>
          <stop offset="1" stop-color="hsl(${other},60%,15%)"/>
        </linearGradient>
        <radialGradient id="r" cx="0.62" cy="0.4" r="0.35">
          <stop offset="0" stop-color="white" stop-opacity="0.35"/>
          <stop offset="1" stop-color="white" stop-opacity="0"/>
        </radialGradient>
      </defs>
      <rect width="100%" height="100%" fill="url(#g)"/>
      <rect width="100%" height="100%" fill="url(#r)"/>
    </svg>`,
  );
}

/**
 * Writes the frame ffmpeg animates: the image cover-scaled and centre-cropped to `width` ×
 * `height` (callers pass twice the output size so the push-in moves in half-pixel steps).
 * Sharp also applies EXIF orientation, which ffmpeg's image decoders ignore.
 */
export async function writeFrame(
  bytes: Buffer | undefined,
  size: { width: number; height: number; seed: number },
  file: string,
  log: (line: string) => void,
): Promise<void> {
  if (bytes) {
    try {
      await sharp(bytes).rotate().resize(size.width, size.height, { fit: "cover" }).jpeg({ quality: 90 }).toFile(file);
      return;
    } catch (error) {
      log(`input image unreadable, rendering a backdrop instead (${String(error)})`);
    }
  }
  await sharp(backdropSvg(size.width, size.height, size.seed)).jpeg({ quality: 90 }).toFile(file);
}
