/** Test support: a tiny client for the simulator's HTTP contract, plus test images. */
import sharp from "sharp";
import { startSimulator, type Simulator, type SimulatorOptions } from "./simulator";

/** A simulator for tests that don't look at the picture: still renders, for less CPU. */
export const startTestSimulator = (options: SimulatorOptions): Promise<Simulator> => startSimulator({ render: "still", ...options });

export const GENERATION_PATH = "/v2/generate/video/runway/generation";
export const TEST_KEY = "test-key";

export async function testImageDataUri(
  width = 640,
  height = 360,
  format: "jpeg" | "png" = "jpeg",
  background = "#3366cc",
): Promise<string> {
  const image = sharp({ create: { width, height, channels: 3, background } });
  const bytes = await (format === "png" ? image.png() : image.jpeg()).toBuffer();
  return `data:image/${format};base64,${bytes.toString("base64")}`;
}

export function createGeneration(base: string, body: unknown, key = TEST_KEY): Promise<Response> {
  return fetch(`${base}${GENERATION_PATH}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function pollGeneration(base: string, id: string, key = TEST_KEY): Promise<Response> {
  return fetch(`${base}${GENERATION_PATH}?generation_id=${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${key}` },
  });
}

export type PollBody = { id: string; status: string; video: unknown; error: { name: string; message: string } | null };

/** Polls until the status leaves queued/generating, returning every status seen in order. */
export async function pollUntilDone(base: string, id: string, timeoutMs = 25_000) {
  const seen: string[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const reply = (await (await pollGeneration(base, id)).json()) as PollBody;
    if (seen.at(-1) !== reply.status) seen.push(reply.status);
    if (reply.status !== "queued" && reply.status !== "generating") return { reply, seen };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`generation ${id} still running after ${timeoutMs} ms (seen ${seen.join(" → ")})`);
}
