import { randomFillSync } from "node:crypto";
import sharp from "sharp";

const REQUEST_TIMEOUT_MS = 60_000;

/** A JPEG of random pixels: noise doesn't compress, so ~10 MB of file is ~10 MB on the wire, and no two are alike. */
export async function noiseJpeg(width: number, height: number, quality: number): Promise<Buffer> {
  const raw = randomFillSync(Buffer.alloc(width * height * 3));
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality, chromaSubsampling: "4:4:4" }).toBuffer();
}

/** "fetch failed" says little: its cause (a reset, a refused or timed-out connect) says what. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause : null;
  const code = cause && "code" in cause ? String(cause.code) : null;
  return `${error.name}: ${error.message}${cause ? ` (${code ?? cause.message})` : ""}`;
}

export type Timed = { status: number; ms: number; body: Record<string, unknown> | null; error: string | null };

async function timed(url: string, init: RequestInit): Promise<Timed> {
  const start = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    let body: Record<string, unknown> | null = null;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = null;
    }
    return { status: response.status, ms: performance.now() - start, body, error: null };
  } catch (error) {
    return { status: 0, ms: performance.now() - start, body: null, error: describeFailure(error) };
  }
}

export function uploadImage(baseUrl: string, bytes: Buffer, name: string, type = "image/jpeg"): Promise<Timed> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
  return timed(`${baseUrl}/api/uploads`, { method: "POST", body: form });
}

export function submitGeneration(baseUrl: string, n: number, uploadId: string): Promise<Timed> {
  const model = n % 2 === 0 ? "gen3a_turbo" : "gen4_turbo";
  const body = { model, prompt: `load test take ${n}: a slow push-in`, image: { uploadId }, ratio: "16:9", duration: 5, seed: n };
  return timed(`${baseUrl}/api/generations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** Polls the BFF until every id is completed or failed, or the time is up; returns the last status of each. */
export async function waitForTerminal(baseUrl: string, ids: readonly string[], timeoutMs: number): Promise<Map<string, string>> {
  const statuses = new Map<string, string>(ids.map((id) => [id, "unknown"]));
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = ids.filter((id) => !["completed", "failed"].includes(statuses.get(id)!));
    if (open.length === 0 || Date.now() > until) return statuses;
    for (const id of open) {
      const reply = await timed(`${baseUrl}/api/generations/${id}`, {});
      if (typeof reply.body?.status === "string") statuses.set(id, reply.body.status);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
