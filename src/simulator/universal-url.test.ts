import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Simulator } from "./simulator";
import { GENERATION_PATH, TEST_KEY, createGeneration, startTestSimulator, testImageDataUri } from "./sim-test-client";

const UNIVERSAL = "/v2/video/generations";
let sim: Simulator | null = null;
let dir: string | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

async function start(endpoints?: "both" | "universal") {
  dir = mkdtempSync(join(tmpdir(), "sim-universal-"));
  sim = await startTestSimulator({ apiKey: TEST_KEY, dataDir: dir, timeScale: 0.002, ...(endpoints ? { endpoints } : {}) });
  return sim.url;
}

const post = (base: string, body: unknown) =>
  fetch(`${base}${UNIVERSAL}`, { method: "POST", headers: { authorization: `Bearer ${TEST_KEY}`, "content-type": "application/json" }, body: JSON.stringify(body) });
const get = (base: string, id: string) => fetch(`${base}${UNIVERSAL}?generation_id=${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${TEST_KEY}` } });

describe("the universal URL family (/v2/video/generations)", () => {
  it("takes aspect_ratio and tail_image_url, and answers with one video object and usage in credits", async () => {
    const base = await start();
    const image = await testImageDataUri(640, 384);
    const created = await post(base, { model: "gen3a_turbo", prompt: "waves", image_url: image, tail_image_url: image, aspect_ratio: "9:16", duration: 10, seed: 7 });
    expect(created.status).toBe(201);
    const job = (await created.json()) as { id: string; status: string; meta: unknown };
    expect(job).toMatchObject({ status: "queued", meta: { usage: { credits_used: expect.any(Number) } } });
    expect(created.headers.get("x-inference-id")).toBe(job.id);

    let reply: Record<string, unknown> = {};
    for (let i = 0; i < 400; i += 1) {
      reply = (await (await get(base, job.id)).json()) as Record<string, unknown>;
      if (reply.status !== "queued" && reply.status !== "generating") break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(reply).toMatchObject({ id: job.id, status: "completed", error: null, meta: { usage: { credits_used: expect.any(Number) } } });
    const video = reply.video as { url: string };
    expect(video.url).toMatch(new RegExp(`/files/${job.id}\\.mp4\\?_jwt=`));
    const file = await fetch(video.url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("video/mp4");
  });

  it("refuses the vendor URL's field names there, and names the universal fields in its errors", async () => {
    const base = await start();
    const image = await testImageDataUri(640, 384);
    const vendorNames = await post(base, { model: "runway/gen4_turbo", image_url: image, ratio: "16:9", last_image_url: image });
    expect(vendorNames.status).toBe(400);
    const body = (await vendorNames.json()) as { errors: { path: string[]; message: string }[] };
    expect(body.errors.map((e) => e.message)).toEqual([
      "ratio is not a field of /v2/video/generations: use aspect_ratio",
      "last_image_url is not a field of /v2/video/generations: use tail_image_url",
    ]);

    const badRatio = await post(base, { model: "gen3a_turbo", prompt: "x", image_url: image, aspect_ratio: "1:1", tail_image_url: "http://insecure.example/a.jpg" });
    expect(badRatio.status).toBe(400);
    const issues = ((await badRatio.json()) as { errors: { path: string[]; message: string }[] }).errors;
    expect(issues.map((e) => e.path[0]).sort()).toEqual(["aspect_ratio", "tail_image_url"]);
    expect(issues.find((e) => e.path[0] === "aspect_ratio")?.message).toBe("aspect_ratio must be one of 16:9, 9:16");
    // The vendor URL still takes its own names.
    expect((await createGeneration(base, { model: "runway/gen4_turbo", image_url: image, ratio: "1:1" })).status).toBe(201);
  });

  it("can have the vendor URL switched off: it answers 404 while the universal URL works", async () => {
    const base = await start("universal");
    const image = await testImageDataUri(640, 384);
    const vendor = await createGeneration(base, { model: "runway/gen4_turbo", image_url: image });
    expect(vendor.status).toBe(404);
    expect((await fetch(`${base}${GENERATION_PATH}?generation_id=x`, { headers: { authorization: `Bearer ${TEST_KEY}` } })).status).toBe(404);
    expect((await post(base, { model: "runway/gen4_turbo", image_url: image })).status).toBe(201);
    expect(sim!.stats().creates).toBe(1);
  });
});
