import { UPLOAD_MAX_BYTES } from "@/shared/limits";

/**
 * The browser's check of a file before it is uploaded; the BFF repeats it with authority, and
 * the sentences match the server's. Loaded when the first file arrives.
 */
const ACCEPTED = "Use a JPEG, PNG or WebP image.";
const SNIFF_BYTES = 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx"]);
const HEIF_BRANDS = new Set(["mif1", "msf1", "heim", "heis"]);

/** What the first bytes say the file is: an accepted MIME type, or a description for the refusal. */
export function sniffImageType(bytes: Uint8Array): { accepted: string } | { refused: string } {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { accepted: "image/jpeg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { accepted: "image/png" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return { accepted: "image/webp" };
  return { refused: describeRefused(bytes) };
}

function describeRefused(bytes: Uint8Array): string {
  const head = ascii(bytes, 0, 6);
  if (head === "GIF87a" || head === "GIF89a") return "a GIF image";
  if (head.startsWith("%PDF")) return "a PDF document";
  if (ascii(bytes, 4, 8) === "ftyp") {
    const brand = ascii(bytes, 8, 12);
    if (HEIC_BRANDS.has(brand)) return "a HEIC photo";
    if (HEIF_BRANDS.has(brand)) return "a HEIF photo";
    if (brand === "avif" || brand === "avis") return "an AVIF image";
  }
  if (head.startsWith("BM")) return "a BMP image";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "a TIFF image";
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return "an icon file";
  const text = new TextDecoder().decode(bytes).trimStart().toLowerCase();
  if (text.startsWith("<svg") || (text.startsWith("<?xml") && text.includes("<svg"))) return "an SVG drawing";
  return "a file that is not an image (text or unknown data)";
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Why a file can't be uploaded as a frame, or null; reads only its first kilobyte. */
export async function describeFileProblem(file: Blob): Promise<string | null> {
  if (file.size === 0) return `The file is empty. Choose a JPEG, PNG or WebP image.`;
  if (file.size > UPLOAD_MAX_BYTES) {
    return `The file is ${megabytes(file.size)} MB; use an image of at most ${megabytes(UPLOAD_MAX_BYTES)} MB.`;
  }
  const sniffed = sniffImageType(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  return "refused" in sniffed ? `This is ${sniffed.refused}. ${ACCEPTED}` : null;
}
