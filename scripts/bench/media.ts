import type { Browser } from "@playwright/test";
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { archiveVideo } from "../../src/server/jobs/archive-video";
import { createMediaDir } from "../../src/server/media/media-dir";
import { availableFfmpegs } from "../../src/server/testing/ffmpeg-binaries";
import { join } from "node:path";
import sharp from "sharp";
import type { RenderMode } from "../../src/simulator/render-mode";
import { renderVideo } from "../../src/simulator/render-video";
import { median } from "./stats";
import { uploadFrame } from "./takes";

export type MediaFigures = {
  uploadMs: number;
  uploadMb: number;
  render5sMs: number;
  render10sMs: number;
  render5sStillMs: number;
  firstFrameMs: number;
  firstFrameRuns: number;
  /** archiveVideo alone on a 5 s 720p render served over loopback, per ffmpeg build. */
  archive: { ffmpeg: string; ms: number; runs: number }[];
};

/** A 4000×3000 JPEG of blurred noise: it compresses like a photo (a flat colour would flatter the figure). */
export async function twelveMegapixelPhoto(seed: number): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const raw = Buffer.alloc(width * height * 3);
  let x = seed * 2654435761;
  for (let i = 0; i < raw.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    raw[i] = (x >>> 16) & 0xff;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).blur(1.2).jpeg({ quality: 90 }).toBuffer();
}

/** Upload → 201 (checked, upright metadata-free copy, thumbnail), as scripts/measure-upload.ts does it. */
async function measureUpload(baseUrl: string, runs: number): Promise<{ ms: number; mb: number }> {
  const times: number[] = [];
  let mb = 0;
  for (let n = 0; n < runs; n++) {
    const bytes = await twelveMegapixelPhoto(n + 11);
    mb = bytes.length / 1024 / 1024;
    const start = performance.now();
    await uploadFrame(baseUrl, bytes);
    times.push(performance.now() - start);
  }
  return { ms: median(times), mb };
}

/** The simulator's ffmpeg render alone (src/simulator/render-video.ts), gen4_turbo 16:9 from a real frame. */
async function measureRender(frame: Buffer, duration: number, workDir: string, runs: number, mode: RenderMode = "motion"): Promise<number> {
  const ffmpegPath = (createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg") as { path: string }).path;
  mkdirSync(workDir, { recursive: true });
  const times: number[] = [];
  for (let n = 0; n < runs; n++) {
    const start = performance.now();
    await renderVideo(
      { id: `render-${duration}-${n}`, width: 1280, height: 720, duration, seed: n, first: frame, last: null, outFile: join(workDir, `render-${duration}-${n}.mp4`) },
      { ffmpegPath, workDir, signal: new AbortController().signal, log: () => {}, mode },
    );
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * The BFF's archive step alone (src/server/jobs/archive-video.ts: the download streamed to
 * disk, the ffmpeg check that decodes every frame, the poster from the same run), on the 5 s
 * 720p render served by a loopback server with an honest Content-Length, with each ffmpeg a
 * studio may run.
 */
async function measureArchive(video: string, runs: number): Promise<MediaFigures["archive"]> {
  const bytes = readFileSync(video);
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "video/mp4", "content-length": bytes.length });
    response.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const media = createMediaDir(mkdtempSync(join(tmpdir(), "bench-archive-")));
  const figures: MediaFigures["archive"] = [];
  try {
    for (const { label, path } of await availableFfmpegs()) {
      const times: number[] = [];
      for (let n = 0; n < runs; n++) {
        const start = performance.now();
        await archiveVideo(media, `${origin}/clip.mp4`, `bench-${n}`, { timeoutMs: 30_000, trustedOrigin: origin, ffmpeg: path });
        times.push(performance.now() - start);
      }
      figures.push({ ffmpeg: label, ms: median(times), runs });
    }
  } finally {
    server.close();
  }
  return figures;
}

/** From video.play() on a take's page to the first `playing` event, each take's video fetched for the first time. */
async function measureFirstFrame(browser: Browser, baseUrl: string, ids: readonly string[]): Promise<number> {
  const times: number[] = [];
  for (const id of ids) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/g/${id}`);
    // The take page's frame player (src/components/player/frame-player.tsx): its own controls, no `controls` attribute.
    const video = page.locator("main video").first();
    await video.waitFor();
    times.push(
      await video.evaluate(
        (element: HTMLVideoElement) =>
          new Promise<number>((resolve, reject) => {
            element.muted = true;
            const start = performance.now();
            element.addEventListener("playing", () => resolve(performance.now() - start), { once: true });
            element.play().catch(reject);
          }),
      ),
    );
    await context.close();
  }
  return median(times);
}

export async function measureMedia(browser: Browser, baseUrl: string, frame: Buffer, completedIds: readonly string[], workDir: string): Promise<MediaFigures> {
  const upload = await measureUpload(baseUrl, 3);
  const ids = completedIds.slice(0, 5);
  return {
    uploadMs: upload.ms,
    uploadMb: upload.mb,
    render5sMs: await measureRender(frame, 5, workDir, 3),
    archive: await measureArchive(join(workDir, "render-5-0.mp4"), 9),
    render10sMs: await measureRender(frame, 10, workDir, 3),
    render5sStillMs: await measureRender(frame, 5, workDir, 3, "still"),
    firstFrameMs: await measureFirstFrame(browser, baseUrl, ids),
    firstFrameRuns: ids.length,
  };
}
