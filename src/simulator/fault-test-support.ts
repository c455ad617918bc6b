/** Test support for the fault tests: simulators with a fake, instant "ffmpeg", and raw HTTP reads. */
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import type { FaultsConfig } from "./faults-config";
import { TEST_KEY, createGeneration, pollUntilDone, testImageDataUri } from "./sim-test-client";
import { startSimulator } from "./simulator";
import type { Simulator } from "./simulator";

/** Bytes of every fake result: big enough to trickle and truncate, small enough to be instant. */
export const RESULT_BYTES = 200_000;

let dataDir = "";
let fakeFfmpeg = "";
let image = "";
const started: Simulator[] = [];

/** Registers the hooks that create and remove the shared fixtures; call once per test file. */
export function setUpFaultFixtures() {
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "sim-faults-"));
    fakeFfmpeg = path.join(dataDir, "fake-ffmpeg.sh");
    // Writes RESULT_BYTES to the output file (the last argument), as a render would.
    await writeFile(fakeFfmpeg, `#!/bin/sh\nfor out; do :; done\nhead -c ${RESULT_BYTES} /dev/urandom > "$out"\n`);
    await chmod(fakeFfmpeg, 0o755);
    image = await testImageDataUri(64, 36);
  });
  afterAll(async () => {
    await Promise.all(started.splice(0).map((sim) => sim.close()));
    await rm(dataDir, { recursive: true, force: true });
  });
}

export async function startWithFaults(faults: FaultsConfig, log?: (line: string) => void): Promise<Simulator> {
  const sim = await startSimulator({ apiKey: TEST_KEY, dataDir, timeScale: 0.001, ffmpegPath: fakeFfmpeg, faults, ...(log ? { log } : {}) });
  started.push(sim);
  return sim;
}

export function validCreate(prompt = "a slow dolly"): Record<string, unknown> {
  return { model: "gen3a_turbo", image_url: image, prompt };
}

/** Creates a job that is not faulted and returns its id. */
export async function createJob(sim: Simulator): Promise<string> {
  const response = await createGeneration(sim.url, validCreate());
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Creates a job, waits for it to complete and returns its signed result URL. */
export async function completedResultUrl(sim: Simulator): Promise<string> {
  const { reply } = await pollUntilDone(sim.url, await createJob(sim), 5_000);
  expect(reply.status).toBe("completed");
  return (reply.video as string[])[0] ?? "";
}

export type RawResult = {
  status: number | undefined;
  headers: http.IncomingHttpHeaders;
  bytes: number;
  /** `data` events seen: many for a trickle, one or two otherwise. */
  chunks: number;
  /** Why the exchange ended early, if it did: "reset", "aborted" (closed mid-body) and so on. */
  failure: string | undefined;
  headersAfterMs: number;
  totalMs: number;
};

/** A GET through node:http, reporting what fetch hides: bytes actually received and how the exchange ended. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const result: RawResult = { status: undefined, headers: {}, bytes: 0, chunks: 0, failure: undefined, headersAfterMs: 0, totalMs: 0 };
    const finish = (failure?: string) => {
      if (result.totalMs > 0) return;
      result.failure ??= failure;
      result.totalMs = Math.max(1, Date.now() - started);
      resolve(result);
    };
    const request = http.get(url, { headers, agent: false }, (response) => {
      result.status = response.statusCode;
      result.headers = response.headers;
      result.headersAfterMs = Date.now() - started;
      response.on("data", (chunk: Buffer) => {
        result.bytes += chunk.byteLength;
        result.chunks += 1;
      });
      response.on("aborted", () => finish("aborted"));
      response.on("error", (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
      response.on("end", () => finish());
    });
    request.on("error", (error: NodeJS.ErrnoException) => finish(error.code === "ECONNRESET" ? "reset" : (error.code ?? error.message)));
  });
}

/** The error a rejected fetch carries underneath undici's generic "fetch failed". */
export async function fetchFailure(request: Promise<Response>): Promise<string> {
  try {
    const response = await request;
    await response.arrayBuffer();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? (error as Error).name;
  }
  throw new Error("expected the request to fail");
}
