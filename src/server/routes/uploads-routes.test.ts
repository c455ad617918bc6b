import { readdirSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { uploadSchema } from "../../shared/api";
import { harnessAround } from "../testing/harness-around";
import { startHarness, testImage, upload } from "../testing/studio-harness";

const h = harnessAround(startHarness);

const storedFiles = () => readdirSync(join(h.dataDir, "media", "uploads")).length;

async function noisyJpeg(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

/** A real PNG whose IHDR claims 60000×60000: a decompression bomb's calling card. */
async function pngBomb(): Promise<Buffer> {
  const png = Buffer.from(await testImage(400, 400, "png"));
  png.writeUInt32BE(60000, 16);
  png.writeUInt32BE(60000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

describe("POST /api/uploads refuses what the model can't use, storing nothing", () => {
  const cases: [string, () => Promise<Buffer>, string, string, number, RegExp][] = [
    ["a GIF renamed .jpg", () => sharp({ create: { width: 640, height: 360, channels: 3, background: "#369" } }).gif().toBuffer(), "photo.jpg", "image/jpeg", 422, /GIF/],
    ["an SVG with a script", async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><script>alert(1)</script></svg>'), "x.svg", "image/svg+xml", 422, /SVG/],
    ["a text file renamed .png", async () => Buffer.from("hello, this is not an image\n".repeat(20)), "notes.png", "image/png", 422, /not an image/],
    ["a truncated JPEG", async () => (await noisyJpeg(800, 600)).subarray(0, 20_000), "cut.jpg", "image/jpeg", 422, /damaged|cut short/],
    ["a zero-byte file", async () => Buffer.alloc(0), "empty.jpg", "image/jpeg", 422, /empty/],
    ["an image of ratio 0.4", () => testImage(400, 1000), "tall.jpg", "image/jpeg", 422, /0\.40.*between 0\.5 and 2/],
    ["an image of ratio 2.1", () => testImage(1050, 500), "wide.jpg", "image/jpeg", 422, /2\.10.*between 0\.5 and 2/],
    ["a 200×200 image", () => testImage(200, 200), "tiny.jpg", "image/jpeg", 422, /200×200.*at least 320/],
    ["a PNG claiming 60000×60000", pngBomb, "bomb.png", "image/png", 422, /60000×60000.*8000/],
    ["a 41 MB file", async () => Buffer.alloc(41 * 1024 * 1024, 7), "huge.jpg", "image/jpeg", 413, /40 MB/],
  ];

  it.each(cases)("%s", async (_label, make, name, type, status, message) => {
    const before = storedFiles();
    const response = await upload(h.url, await make(), name, type);
    expect(response.status).toBe(status);
    const body = apiErrorSchema.parse(await response.json());
    expect(body.error.fields?.file).toMatch(message);
    expect(storedFiles()).toBe(before);
  });

  it("refuses a request that is not multipart, or has no file field", async () => {
    const json = await fetch(`${h.url}/api/uploads`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(json.status).toBe(415);
    const form = new FormData();
    form.append("image", "nope");
    const missing = await fetch(`${h.url}/api/uploads`, { method: "POST", body: form });
    expect(missing.status).toBe(400);
    expect(apiErrorSchema.parse(await missing.json()).error.fields?.file).toMatch(/"file"/);
  });
});

describe("POST /api/uploads accepts and normalises good images", () => {
  it.each([
    ["ratio 0.5", 500, 1000],
    ["ratio 2.0", 1000, 500],
  ])("accepts %s", async (_label, width, height) => {
    const response = await upload(h.url, await testImage(width, height, "webp"), "edge.webp", "image/webp");
    expect(response.status).toBe(201);
    expect(uploadSchema.parse(await response.json())).toMatchObject({ width, height, contentType: "image/webp" });
  });

  it("stores identical bytes once", async () => {
    const bytes = await testImage(900, 600);
    const first = uploadSchema.parse(await (await upload(h.url, bytes)).json());
    const again = await upload(h.url, bytes, "other-name.jpg");
    expect(again.status).toBe(200);
    expect(uploadSchema.parse(await again.json()).id).toBe(first.id);
  });

  it("reports an EXIF-rotated portrait upright and serves the original's pixels and orientation", async () => {
    const rotated = await sharp(await testImage(1280, 720)).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const body = uploadSchema.parse(await (await upload(h.url, rotated, "portrait.jpg")).json());
    expect([body.width, body.height]).toEqual([720, 1280]);
    const served = await fetch(`${h.url}${body.url}`);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    // Not byte for byte any more: its EXIF is cut down to the orientation (the scan data is untouched).
    const bytes = Buffer.from(await served.arrayBuffer());
    expect((await sharp(bytes).metadata()).orientation).toBe(6);
    expect((await sharp(bytes).raw().toBuffer()).equals(await sharp(rotated).raw().toBuffer())).toBe(true);
  });

  it("accepts a CMYK JPEG", async () => {
    const cmyk = await sharp(await testImage(800, 600)).toColourspace("cmyk").jpeg().toBuffer();
    const response = await upload(h.url, cmyk, "print.jpg");
    expect(response.status).toBe(201);
  });

  it("shrinks a large photo's upstream copy under the 3 MB data-URI budget", async () => {
    const big = await noisyJpeg(4000, 3000);
    expect(big.length).toBeGreaterThan(3 * 1024 * 1024);
    const body = uploadSchema.parse(await (await upload(h.url, big, "big.jpg")).json());
    expect(body.bytes).toBe(big.length);
    const files = readdirSync(join(h.dataDir, "media", "uploads")).filter((f) => f.startsWith(`${body.id}.upstream`));
    expect(files).toHaveLength(1);
    const { size } = await import("node:fs").then((fs) => fs.statSync(join(h.dataDir, "media", "uploads", files[0]!)));
    expect(Math.ceil(size / 3) * 4).toBeLessThan(3 * 1024 * 1024);
  });

  it("answers 404 for media it does not know, without touching the file system", async () => {
    for (const path of ["/media/uploads/nope", "/media/uploads/..%2F..%2Fdailies.sqlite", "/media/videos/nope.mp4", "/media/../package.json"]) {
      const response = await fetch(`${h.url}${path}`);
      expect(response.status, path).toBe(404);
    }
  });
});
