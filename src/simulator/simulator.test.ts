import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { writeFile } from "node:fs/promises";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { frameChange, frameColour, probeVideo, topLevelBoxes } from "./probe-video";
import { TEST_KEY, createGeneration, pollGeneration, pollUntilDone, testImageDataUri } from "./sim-test-client";
import { startSimulator } from "./simulator";
import type { Simulator, SimulatorOptions } from "./simulator";

const ffmpegPath = (createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg") as { path: string }).path;
const started: Simulator[] = [];
let dataDir: string;
let image: string;

// The tests that watch a job go queued → generating → done: at 0.02 gen3a_turbo is queued for
// only 60 ms, which the first poll missed once on a busy CI machine; 0.06 gives it 180 ms.
const LIFECYCLE_SCALE = 0.06;
// The gen3a renders encode 1280×768 clips with ffmpeg (10 s; and three 5 s ones): seconds on a
// quiet machine, past Vitest's 30 s on two cores shared with Chromium in CI. The bound is there to
// catch a hang, not to time the render.
const RENDER_TIMEOUT_MS = 90_000;

async function start(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  const sim = await startSimulator({ apiKey: TEST_KEY, dataDir, timeScale: 0.02, ffmpegPath, ...options });
  started.push(sim);
  return sim;
}

async function create(sim: Simulator, body: Record<string, unknown>): Promise<string> {
  const response = await createGeneration(sim.url, body);
  expect(response.status).toBe(201);
  const reply = (await response.json()) as { id: string; status: string; meta: unknown };
  expect(reply).toMatchObject({ status: "queued", meta: { usage: { tokens_used: expect.any(Number) } } });
  return reply.id;
}

/** Downloads a result and checks it is the MP4 the request asked for. */
async function expectVideo(url: string, size: { width: number; height: number }, seconds: number) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("video/mp4");
  expect(response.headers.get("accept-ranges")).toBe("bytes");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect(Number(response.headers.get("content-length"))).toBe(bytes.byteLength);
  const boxes = topLevelBoxes(bytes);
  expect(boxes.indexOf("moov")).toBeGreaterThan(-1);
  expect(boxes.indexOf("moov")).toBeLessThan(boxes.indexOf("mdat"));
  const file = path.join(dataDir, `download-${Math.random().toString(36).slice(2)}.mp4`);
  await writeFile(file, bytes);
  const facts = await probeVideo(ffmpegPath, file);
  expect(facts).toMatchObject({ codec: "h264", pixFmt: "yuv420p", fps: 24, frames: seconds * 24, ...size });
  expect(Math.abs(facts.seconds - seconds)).toBeLessThanOrEqual(0.1);
  return { bytes, file };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "sim-jobs-"));
  image = await testImageDataUri();
});

afterAll(async () => {
  await Promise.all(started.map((sim) => sim.close()));
  await rm(dataDir, { recursive: true, force: true });
});

describe("a gen4_turbo job", () => {
  it("goes queued → generating → completed and serves a real 5 s MP4 with Range support", async () => {
    const sim = await start({ timeScale: LIFECYCLE_SCALE });
    const id = await create(sim, { model: "runway/gen4_turbo", image_url: image, prompt: "slow push-in", ratio: "9:16" });
    const { reply, seen } = await pollUntilDone(sim.url, id);
    expect(seen).toEqual(["queued", "generating", "completed"]);
    expect(reply.error).toBeNull();
    expect(reply.video).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/files\/.+\.mp4\?_jwt=.+$/)]);
    const url = (reply.video as string[])[0] ?? "";

    const { bytes } = await expectVideo(url, { width: 720, height: 1280 }, 5);
    const partial = await fetch(url, { headers: { range: "bytes=100-199" } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes 100-199/${bytes.byteLength}`);
    expect(new Uint8Array(await partial.arrayBuffer())).toEqual(bytes.subarray(100, 200));
    expect((await fetch(url, { headers: { range: `bytes=${bytes.byteLength}-` } })).status).toBe(416);

    expect((await fetch(url.replace(/_jwt=.*/, "_jwt=forged"))).status).toBe(403);
    expect((await fetch(`${sim.url}/files/unknown.mp4`)).status).toBe(404);

    const stats = sim.stats();
    expect(stats).toMatchObject({ creates: 1, downloads: 2 });
    expect(stats.polls).toBeGreaterThanOrEqual(3);
    expect(await (await fetch(`${sim.url}/__simulator/stats`)).json()).toEqual(stats);
  });
});

describe("a gen3a_turbo job", () => {
  it("renders a 10 s clip that crossfades to a last frame, at gen3a's size", async () => {
    const sim = await start({ replyShape: "object", timeScale: LIFECYCLE_SCALE });
    const lastFrame = await testImageDataUri(360, 640, "png", "#cc3300");
    const id = await create(sim, {
      model: "gen3a_turbo",
      image_url: image,
      last_image_url: lastFrame,
      prompt: "dolly out",
      duration: 10,
      seed: 42,
    });
    const { reply, seen } = await pollUntilDone(sim.url, id);
    expect(seen).toEqual(["queued", "generating", "completed"]);
    expect(reply.video).toEqual({ url: expect.stringContaining(`/files/${id}.mp4?_jwt=`) });
    const { file } = await expectVideo((reply.video as { url: string }).url, { width: 1280, height: 768 }, 10);
    const near = (actual: number[], expected: number[]) => actual.every((value, i) => Math.abs(value - (expected[i] ?? 0)) < 24);
    expect(near(await frameColour(ffmpegPath, file, 0), [0x33, 0x66, 0xcc])).toBe(true);
    expect(near(await frameColour(ffmpegPath, file, 9.9), [0xcc, 0x33, 0x00])).toBe(true);
  }, RENDER_TIMEOUT_MS);

  it("renders in still mode at the same size, length and frame rate, still crossfading to the last frame", async () => {
    const sim = await start({ render: "still" });
    const lastFrame = await testImageDataUri(360, 640, "png", "#cc3300");
    const id = await create(sim, { model: "gen3a_turbo", image_url: image, last_image_url: lastFrame, prompt: "hold", duration: 5, seed: 7 });
    const { reply } = await pollUntilDone(sim.url, id);
    const { file } = await expectVideo((reply.video as string[])[0] ?? "", { width: 1280, height: 768 }, 5);
    const near = (actual: number[], expected: number[]) => actual.every((value, i) => Math.abs(value - (expected[i] ?? 0)) < 24);
    expect(near(await frameColour(ffmpegPath, file, 0), [0x33, 0x66, 0xcc])).toBe(true);
    expect(near(await frameColour(ffmpegPath, file, 1), [0x33, 0x66, 0xcc])).toBe(true);
    expect(near(await frameColour(ffmpegPath, file, 4.9), [0xcc, 0x33, 0x00])).toBe(true);

    // A textured frame shows whether the picture moves: held in still mode, pushed into in motion.
    const blocks = await sharp({ create: { width: 32, height: 20, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 80 } } }).png().toBuffer();
    const textured = `data:image/png;base64,${(await sharp(blocks).resize(640, 400, { kernel: "nearest" }).png().toBuffer()).toString("base64")}`;
    const changes: number[] = [];
    for (const render of ["still", "motion"] as const) {
      const renderer = await start({ render });
      const take = await create(renderer, { model: "gen3a_turbo", image_url: textured, prompt: "hold", duration: 5, seed: 7 });
      const done = await pollUntilDone(renderer.url, take);
      const video = await expectVideo((done.reply.video as string[])[0] ?? "", { width: 1280, height: 768 }, 5);
      changes.push(await frameChange(ffmpegPath, video.file, 0, 4));
    }
    const [still = Infinity, moving = 0] = changes;
    expect(still).toBeLessThan(3);
    expect(moving).toBeGreaterThan(still + 10);
  }, RENDER_TIMEOUT_MS);

  it("falls back to a backdrop when an https image cannot be fetched", async () => {
    const lines: string[] = [];
    const sim = await start({ replyShape: "objects", log: (line) => lines.push(line) });
    const unreachable = "https://127.0.0.1:1/frame.jpg";
    const id = await create(sim, { model: "gen3a_turbo", image_url: unreachable, prompt: "drift", ratio: "9:16" });
    const { reply } = await pollUntilDone(sim.url, id);
    expect(reply.status).toBe("completed");
    expect(reply.video).toEqual([{ url: expect.stringContaining(`/files/${id}.mp4`) }]);
    await expectVideo((reply.video as { url: string }[])[0]?.url ?? "", { width: 768, height: 1280 }, 5);
    expect(lines.some((line) => line.includes("backdrop"))).toBe(true);
  });
});

describe("the image fetch", () => {
  it("never connects to the local network for an image URL, and renders a backdrop instead", async () => {
    let connections = 0;
    const trap = net.createServer((socket) => socket.destroy());
    trap.on("connection", () => connections++);
    await new Promise<void>((resolve) => trap.listen(0, "127.0.0.1", resolve));
    const { port } = trap.address() as net.AddressInfo;
    try {
      const lines: string[] = [];
      const sim = await start({ log: (line) => lines.push(line) });
      const urls = [`https://127.0.0.1:${port}/frame.jpg`, `https://localhost:${port}/frame.jpg`];
      const ids = await Promise.all(urls.map((url) => create(sim, { model: "gen3a_turbo", image_url: url, prompt: "drift", ratio: "16:9" })));
      for (const id of ids) expect((await pollUntilDone(sim.url, id)).reply.status).toBe("completed");
      expect(connections).toBe(0);
      expect(lines.filter((line) => /image fetch failed.*loopback/.test(line))).toHaveLength(2);
    } finally {
      trap.close();
    }
  });
});

describe("failure injection through the prompt", () => {
  it("ends a job in error with the injected reason and no video", async () => {
    const sim = await start({ timeScale: LIFECYCLE_SCALE });
    const id = await create(sim, { model: "gen3a_turbo", image_url: image, prompt: "a cat [sim:error:SAFETY.INPUT.TEXT]" });
    const { reply, seen } = await pollUntilDone(sim.url, id);
    expect(seen).toEqual(["queued", "generating", "error"]);
    expect(reply.video).toBeNull();
    expect(reply.error).toEqual({ name: "SAFETY.INPUT.TEXT", message: expect.stringMatching(/moderation/) });
  });

  it("reports an injected unknown status for the whole job", async () => {
    const sim = await start();
    const id = await create(sim, { model: "gen3a_turbo", image_url: image, prompt: "[sim:status:paused] a dog" });
    await new Promise((resolve) => setTimeout(resolve, 600)); // past gen3a's whole scaled timeline
    const reply = (await (await pollGeneration(sim.url, id)).json()) as { status: string; video: unknown };
    expect(reply).toMatchObject({ status: "paused", video: null });
  });

  it("ends a job in INTERNAL error when ffmpeg fails", async () => {
    const sim = await start({ ffmpegPath: "/bin/false" });
    const id = await create(sim, { model: "runway/gen4_turbo", image_url: image });
    const { reply } = await pollUntilDone(sim.url, id);
    expect(reply.status).toBe("error");
    expect(reply.error).toEqual({ name: "INTERNAL", message: expect.stringMatching(/rendering failed/) });
  });
});
