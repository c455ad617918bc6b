import { randomFillSync } from "node:crypto";
import sharp from "sharp";
import { sampleRss } from "./rss-sampler";
import { uploadImage } from "./traffic";

export type Burst = { label: string; n: number; mb: number; statuses: string; expected: string; ok: boolean; seconds: number; peakRssMb: number; startRssMb: number };

const MB = 1024 * 1024;

/** Copies of one image that differ only in a JPEG comment, so none is deduplicated and each is decoded. */
function variants(jpeg: Buffer, n: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => {
    const comment = Buffer.from(`burst ${i} ${Date.now()}`);
    const segment = Buffer.alloc(4);
    segment.writeUInt16BE(0xfffe, 0);
    segment.writeUInt16BE(comment.length + 2, 2);
    return Buffer.concat([jpeg.subarray(0, 2), segment, comment, jpeg.subarray(2)]);
  });
}

/** A noise JPEG just under `mb`: noise doesn't compress, so the file is as big as the pixels make it. */
async function noiseJpegNear(mb: number): Promise<Buffer> {
  let side = 4000;
  for (;;) {
    const width = Math.round(side * 1.33);
    const raw = randomFillSync(Buffer.alloc(width * side * 3));
    const jpeg = await sharp(raw, { raw: { width, height: side, channels: 3 } }).jpeg({ quality: 98, chromaSubsampling: "4:4:4" }).toBuffer();
    if (jpeg.length <= mb * MB && jpeg.length > (mb - 1.5) * MB) return jpeg;
    side = Math.round(side * Math.sqrt((mb - 0.5) / (jpeg.length / MB)));
  }
}

const deepPng = (n: number) =>
  sharp({ create: { width: 8000, height: 8000, channels: 3, background: { r: 10 + n, g: 90, b: 160 } } }).toColourspace("rgb16").png({ compressionLevel: 1 }).toBuffer();

async function burst(url: string, pid: number, label: string, files: Buffer[], type: string, expected: number): Promise<Burst> {
  const sampler = sampleRss(pid, 50);
  const startRssMb = sampler.stop().lastRssMb;
  const during = sampleRss(pid, 50);
  const start = performance.now();
  const replies = await Promise.all(files.map((bytes, i) => uploadImage(url, bytes, `burst-${i}.${type.split("/")[1]}`, type)));
  const seconds = (performance.now() - start) / 1000;
  const counts = new Map<string, number>();
  for (const r of replies) counts.set(r.error ?? String(r.status), (counts.get(r.error ?? String(r.status)) ?? 0) + 1);
  const statuses = [...counts].map(([status, count]) => `${count}× ${status}`).join(", ");
  const mb = files.reduce((sum, f) => sum + f.length, 0) / files.length / MB;
  // A refused upload that declared its size gets its 413 at once; the server then stops reading
  // and closes, which fetch reports as a failure of the request still being sent.
  const refusedEarly = (r: (typeof replies)[number]) => expected === 413 && r.error?.includes("fetch failed");
  const ok = replies.every((r) => r.status === expected || refusedEarly(r));
  return { label, n: files.length, mb, statuses, expected: String(expected), ok, seconds, peakRssMb: during.stop().peakRssMb, startRssMb };
}

/** The audit's memory cases: 12 uploads at once just over and just under the 40 MB limit, and three 8000×8000 16-bit PNGs. */
export async function uploadBursts(url: string, pid: number): Promise<Burst[]> {
  const over = variants(Buffer.concat([await noiseJpegNear(40), randomFillSync(Buffer.alloc(1.5 * MB))]), 12);
  const under = variants(await noiseJpegNear(39), 12);
  const deep = await Promise.all([0, 1, 2].map(deepPng));
  return [
    await burst(url, pid, "12 × 41 MB at once (over the limit)", over, "image/jpeg", 413),
    await burst(url, pid, "12 × 39 MB noise JPEGs at once", under, "image/jpeg", 201),
    await burst(url, pid, "3 × 8000×8000 16-bit PNGs at once", deep, "image/png", 422),
  ];
}
