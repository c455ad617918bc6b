import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { parseEnv } from "../env";
import { createLogger } from "../logger";
import { startStudio, type Studio } from "../studio";
import { laneMediaFor, laneSchemaFor } from "./test-sql";

export type Harness = Studio & { dataDir: string; logLines: string[]; stop(): Promise<void> };

/** A real studio on a loopback port with its own data folder and a fast simulator. */
export async function startHarness(overrides: Record<string, string> = {}, dataDir?: string, options: Parameters<typeof startStudio>[2] = {}): Promise<Harness> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), "dailies-test-"));
  const env = parseEnv({
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dir,
    STATIC_DIR: "",
    POLL_INTERVAL_MS: "100",
    SIMULATOR_TIME_SCALE: "0.01",
    // Real MP4s at the real size, the frame held rather than moved: less CPU (README, SIMULATOR_RENDER).
    SIMULATOR_RENDER: "still",
    ARCHIVE_RETRY_BASE_MS: "20",
    LOG_LEVEL: "info",
    // Tests with a key talk to the simulator or a fake: no default spend limits unless asked
    // for (an empty value means "not set").
    LIMIT_RUNNING_PER_USER: "0",
    LIMIT_DAILY_STUDIO: "0",
    // The Postgres lane (vitest.postgres.config.ts): each studio in a schema of its own, its media
    // under a prefix of its own in the lane's bucket.
    ...(process.env.TEST_DATABASE_URL ? { DATABASE_URL: process.env.TEST_DATABASE_URL, DATABASE_SCHEMA: laneSchemaFor(dir) } : {}),
    ...(process.env.TEST_S3_ENDPOINT ? laneMediaFor(dir, process.env.TEST_S3_ENDPOINT) : {}),
    ...overrides,
  });
  const logLines: string[] = [];
  // Captured rather than printed, so tests can scan the log for secrets.
  const log = createLogger(env.LOG_LEVEL, env.AIMLAPI_KEY ? [env.AIMLAPI_KEY] : [], { write: (line: string) => logLines.push(line) });
  const studio = await startStudio(env, log, options);
  return {
    ...studio,
    dataDir: dir,
    logLines,
    async stop() {
      await studio.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function testImage(width = 1280, height = 720, format: "jpeg" | "png" | "webp" = "jpeg"): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } });
  return image[format]().toBuffer();
}

export async function upload(baseUrl: string, bytes: Buffer, name = "frame.jpg", type = "image/jpeg"): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
  return fetch(`${baseUrl}/api/uploads`, { method: "POST", body: form });
}

/** Uploads an image (the test frame unless given) and returns its upload id. */
export async function uploadedId(baseUrl: string, bytes?: Buffer, name?: string, type?: string): Promise<string> {
  return ((await (await upload(baseUrl, bytes ?? (await testImage()), name, type)).json()) as { id: string }).id;
}

/** A studio holding one uploaded frame, for a file of tests that each send takes made from it. */
type UploadedHarness = Harness & { uploadId: string };

export async function startHarnessWithUpload(overrides: Record<string, string> = {}): Promise<UploadedHarness> {
  const h = await startHarness(overrides);
  return { ...h, uploadId: await uploadedId(h.url) };
}

/** A take request the studio accepts as it is; `extra` changes or adds fields. */
export const takeRequest = (uploadId: string, extra: Record<string, unknown> = {}) => ({ model: "gen4_turbo", prompt: "a slow push in", image: { uploadId }, ratio: "16:9", duration: 5, ...extra });

export async function postJson(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export async function sendJson(baseUrl: string, method: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** Polls the BFF (not the upstream) until the generation is terminal or the time is up. */
export async function waitForTerminal(baseUrl: string, id: string, timeoutMs = 30_000, cookie?: string): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const body = (await (await fetch(`${baseUrl}/api/generations/${id}`, { headers: cookie ? { cookie } : {} })).json()) as Record<string, unknown>;
    if (body.status === "completed" || body.status === "failed") return body;
    if (Date.now() > until) throw new Error(`generation ${id} still ${String(body.status)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
