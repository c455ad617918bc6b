import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERATION_PATH, TEST_KEY, createGeneration, pollGeneration, startTestSimulator, testImageDataUri } from "./sim-test-client";
import type { Simulator } from "./simulator";

let sim: Simulator;
let dataDir: string;
let image: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "sim-validation-"));
  sim = await startTestSimulator({ apiKey: TEST_KEY, dataDir, timeScale: 0.02 });
  image = await testImageDataUri();
});

afterAll(async () => {
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

type ErrorBody = { message: string; path: string; requestId: string; statusCode: number; timestamp: string; errors?: { code: string; path: string[]; message: string }[] };

async function rejected(response: Response, status: number): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as ErrorBody;
  expect(body).toMatchObject({ path: GENERATION_PATH, statusCode: status });
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);
  return body;
}

async function fieldErrors(body: unknown): Promise<string[]> {
  const reply = await rejected(await createGeneration(sim.url, body), 400);
  expect(reply.message).toBe("Body validation error!");
  return (reply.errors ?? []).map((issue) => issue.path.join("."));
}

describe("authentication", () => {
  it("answers 401 without a key and with a wrong one, on both endpoints", async () => {
    const missing = await fetch(`${sim.url}${GENERATION_PATH}`, { method: "POST", body: "{}" });
    expect((await rejected(missing, 401)).message).toBe("Unauthorized");
    await rejected(await createGeneration(sim.url, { model: "gen3a_turbo" }, "wrong"), 401);
    await rejected(await pollGeneration(sim.url, "x", "wrong"), 401);
  });
});

describe("create validation", () => {
  const gen4 = () => ({ model: "runway/gen4_turbo", image_url: image });
  const gen3a = () => ({ model: "gen3a_turbo", image_url: image, prompt: "a slow dolly" });

  it.each([
    ["an unknown model", { model: "gen4_turbo" }, "model"],
    ["a gen4 ratio on gen3a", { ratio: "1:1" }, "ratio"],
    ["duration 7", { duration: 7 }, "duration"],
    ["duration as a string", { duration: "5" }, "duration"],
    ["seed -1", { seed: -1 }, "seed"],
    ["seed 2^32", { seed: 2 ** 32 }, "seed"],
    ["seed 1.5", { seed: 1.5 }, "seed"],
    ["an empty gen3a prompt", { prompt: "" }, "prompt"],
    ["an http image", { image_url: "http://example.com/a.jpg" }, "image_url"],
    ["a gif data URI", { image_url: "data:image/gif;base64,R0lGODlh" }, "image_url"],
    ["a data URI with no payload", { image_url: "data:image/png;base64," }, "image_url"],
    ["a data URI of padding only", { image_url: "data:image/png;base64,==" }, "image_url"],
    ["a data URI with three padding characters", { image_url: "data:image/png;base64,iVBO===" }, "image_url"],
    ["a data URI with padding inside", { image_url: "data:image/png;base64,iV=BOR" }, "image_url"],
    ["a data URI with a space in its payload", { image_url: "data:image/png;base64,iVBO Rw==" }, "image_url"],
    ["a data URI with base64url characters", { image_url: "data:image/png;base64,iVBO-w_A" }, "image_url"],
    ["a missing image", { image_url: undefined }, "image_url"],
  ])("rejects %s", async (_name, change, field) => {
    expect(await fieldErrors({ ...gen3a(), ...change })).toEqual([field]);
  });

  it("rejects a missing gen3a prompt and a last frame on gen4", async () => {
    expect(await fieldErrors({ model: "gen3a_turbo", image_url: image })).toEqual(["prompt"]);
    expect(await fieldErrors({ ...gen4(), last_image_url: image })).toEqual(["last_image_url"]);
  });

  it("counts the prompt limit in UTF-16 code units", async () => {
    const prompt = `${"a".repeat(998)}🎬`; // 1000 code units: at the limit
    expect(prompt.length).toBe(1000);
    expect(await fieldErrors({ ...gen4(), prompt: `${prompt}b`, ratio: "2:1" })).toEqual(["prompt", "ratio"]);
    // The status marker keeps the accepted job from rendering.
    const atLimit = `[sim:status:hold]${prompt.slice(17)}`;
    expect(atLimit.length).toBe(1000);
    expect((await createGeneration(sim.url, { ...gen4(), prompt: atLimit })).status).toBe(201);
  });

  it("answers 400 with the parser's message for malformed JSON", async () => {
    const reply = await rejected(await createGeneration(sim.url, '{"model": '), 400);
    expect(reply.message).toMatch(/JSON/);
  });

  it("rejects images whose width/height is outside 0.5…2", async () => {
    const wide = await testImageDataUri(900, 400, "png");
    expect(await fieldErrors({ ...gen4(), image_url: wide })).toEqual(["image_url"]);
  });

  it("answers 413 for a data URI over 5 MB", async () => {
    const huge = `data:image/jpeg;base64,${"A".repeat(5 * 1024 * 1024)}`;
    const reply = await rejected(await createGeneration(sim.url, { ...gen4(), image_url: huge }), 413);
    expect(reply.errors?.[0]?.path).toEqual(["image_url"]);
  });

  it("counts only accepted requests as creates", () => {
    expect(sim.stats().creates).toBe(1);
  });
});

describe("poll errors", () => {
  it("answers 400 without generation_id and 404 for an unknown one", async () => {
    const missing = await fetch(`${sim.url}${GENERATION_PATH}`, { headers: { authorization: `Bearer ${TEST_KEY}` } });
    expect((await rejected(missing, 400)).errors?.[0]?.path).toEqual(["generation_id"]);
    await rejected(await pollGeneration(sim.url, "00000000-0000-0000-0000-000000000000"), 404);
  });
});
