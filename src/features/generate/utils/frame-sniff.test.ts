import { describe, expect, it } from "vitest";
import { UPLOAD_MAX_BYTES } from "@/shared/limits";
import { describeFileProblem, sniffImageType } from "./frame-sniff";

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...part].map((c) => c.charCodeAt(0)) : part)));

describe("sniffImageType", () => {
  it.each([
    ["JPEG", bytes([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg"],
    ["PNG", bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a]), "image/png"],
    ["WebP", bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "), "image/webp"],
  ])("accepts %s by its first bytes", (_, head, type) => {
    expect(sniffImageType(head)).toEqual({ accepted: type });
  });

  it.each([
    ["GIF89a", bytes("GIF89a", [1, 0]), "a GIF image"],
    ["PDF", bytes("%PDF-1.7"), "a PDF document"],
    ["HEIC", bytes([0, 0, 0, 24], "ftypheic"), "a HEIC photo"],
    ["AVIF", bytes([0, 0, 0, 28], "ftypavif"), "an AVIF image"],
    ["SVG", bytes('  <?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), "an SVG drawing"],
    ["text", bytes("hello, world"), "a file that is not an image (text or unknown data)"],
    ["a RIFF that is not WebP", bytes("RIFF", [1, 2, 3, 4], "WAVEfmt "), "a file that is not an image (text or unknown data)"],
  ])("names %s", (_, head, description) => {
    expect(sniffImageType(head)).toEqual({ refused: description });
  });
});

describe("describeFileProblem", () => {
  it("refuses empty and oversized files without reading them, and explains a wrong type", async () => {
    expect(await describeFileProblem(new Blob([]))).toBe("The file is empty. Choose a JPEG, PNG or WebP image.");
    const big = new Blob([new Uint8Array(UPLOAD_MAX_BYTES + 1)]);
    expect(await describeFileProblem(big)).toBe("The file is 40.0 MB; use an image of at most 40.0 MB.");
    expect(await describeFileProblem(new Blob([bytes("GIF87a")]))).toBe("This is a GIF image. Use a JPEG, PNG or WebP image.");
    expect(await describeFileProblem(new Blob([bytes([0xff, 0xd8, 0xff, 0xdb])]))).toBeNull();
  });
});
