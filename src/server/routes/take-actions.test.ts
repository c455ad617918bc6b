import { existsSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { takeBatchSchema, takeListSchema, takeSchema, type Take } from "../../shared/take";
import { startFakeUpstream } from "../testing/fake-upstream";
import { postJson, sendJson, startHarness, testImage, uploadedId, waitForTerminal, type Harness } from "../testing/studio-harness";
import { testVideo } from "../testing/test-video";

/**
 * A studio on a scripted upstream that records every create body: takes whose prompt holds
 * "[hold]" stay generating; the rest complete with a real 1280×720 MP4.
 */
let h: Harness;
let fake: Awaited<ReturnType<typeof startFakeUpstream>>;
let mp4: Buffer;
let jpegId: string;
let pngId: string;
const createBodies = () => fake.requests.filter((r) => r.method === "POST").map((r) => JSON.parse(r.body) as Record<string, unknown>);

beforeAll(async () => {
  mp4 = await testVideo(1280, 720, 1);
  const prompts = new Map<string, string>();
  fake = await startFakeUpstream((r) => {
    if (r.url.startsWith("/video/")) return { bytes: mp4 };
    if (r.method === "POST") {
      const id = `up-${prompts.size + 1}`;
      prompts.set(id, String((JSON.parse(r.body) as { prompt?: string }).prompt ?? ""));
      return { status: 201, json: { id, status: "queued" } };
    }
    const id = new URL(r.url, "http://x").searchParams.get("generation_id") ?? "";
    if (prompts.get(id)?.includes("[hold]")) return { json: { id, status: "generating" } };
    return { json: { id, status: "completed", video: [`${fake.url}/video/${id}.mp4`] } };
  });
  h = await startHarness({ AIMLAPI_KEY: "sk-take-actions-0001", AIMLAPI_BASE_URL: fake.url });
  jpegId = await uploadedId(h.url, await testImage(1280, 720));
  pngId = await uploadedId(h.url, await testImage(1280, 720, "png"), "end.png", "image/png");
});
afterAll(async () => {
  await h.stop();
  await fake.close();
});

const gen4 = (prompt = "A slow push-in on a harbour", extra: Record<string, unknown> = {}) => ({
  model: "gen4_turbo",
  prompt,
  image: { uploadId: jpegId },
  ratio: "16:9",
  duration: 5,
  ...extra,
});
const gen3 = () => ({ model: "gen3a_turbo", prompt: "fog rolls over the pier", image: { uploadId: jpegId }, lastImage: { uploadId: pngId }, ratio: "9:16", duration: 10, seed: 777 });

async function completedTake(body: unknown): Promise<Take> {
  const created = takeSchema.parse(await (await postJson(h.url, "/api/generations", body)).json());
  return takeSchema.parse(await waitForTerminal(h.url, created.id));
}
const inputsOf = (g: Take) => ({ model: g.model, prompt: g.prompt, image: g.image, lastImage: g.lastImage, ratio: g.ratio, duration: g.duration });
const withoutSeed = ({ seed: _seed, ...rest }: Record<string, unknown>) => rest;

describe("re-run", () => {
  it('"same" repeats the exact inputs and seed; "new" the inputs with another seed', async () => {
    const source = await completedTake(gen3());
    expect(source.status).toBe("completed");
    const sourceBody = createBodies().at(-1)!;

    const same = await postJson(h.url, `/api/generations/${source.id}/rerun`, { seed: "same" });
    expect(same.status).toBe(201);
    const again = takeSchema.parse(await same.json());
    expect(again).toMatchObject({ ...inputsOf(source), seed: 777, sourceId: source.id });
    expect(again.id).not.toBe(source.id);
    expect(createBodies().at(-1)).toEqual(sourceBody);

    const fresh = takeSchema.parse(await (await postJson(h.url, `/api/generations/${source.id}/rerun`, { seed: "new" })).json());
    expect(fresh).toMatchObject({ ...inputsOf(source), sourceId: source.id });
    expect(fresh.seed).not.toBe(777);
    const freshBody = createBodies().at(-1)!;
    expect(freshBody.seed).toBe(fresh.seed);
    expect(withoutSeed(freshBody)).toEqual(withoutSeed(sourceBody));
  });

  it("404s an unknown take and 400s a bad body, sending nothing", async () => {
    const before = createBodies().length;
    const missing = await postJson(h.url, "/api/generations/nope/rerun", { seed: "same" });
    expect(missing.status).toBe(404);
    const source = takeListSchema.parse(await (await fetch(`${h.url}/api/generations?limit=1`)).json()).items[0]!;
    const bad = await postJson(h.url, `/api/generations/${source.id}/rerun`, { seed: 5 });
    expect(bad.status).toBe(400);
    expect(apiErrorSchema.parse(await bad.json()).error.fields?.seed).toMatch(/same/);
    expect(createBodies().length).toBe(before);
  });
});

describe("batch", () => {
  // Held: these check what is sent, and a dozen archives queued behind them would slow every later take.
  const held = () => gen4("A slow push-in on a harbour [hold]");
  it("a locked seed gives s, s+1, … wrapping past 4294967295 to 0, one create per take", async () => {
    const before = createBodies().length;
    const response = await postJson(h.url, "/api/generations/batch", { ...held(), seed: 4294967294, variations: 4 });
    expect(response.status).toBe(201);
    const { items } = takeBatchSchema.parse(await response.json());
    expect(items.map((g) => g.seed)).toEqual([4294967294, 4294967295, 0, 1]);
    expect(new Set(items.map((g) => g.id)).size).toBe(4);
    expect(items.every((g) => g.sourceId === null && g.timings.submittedAt !== null)).toBe(true);
    const sent = createBodies().slice(before);
    expect(sent.map((b) => b.seed)).toEqual([4294967294, 4294967295, 0, 1]);
  });

  it("without a seed, the takes get distinct random seeds", async () => {
    const before = createBodies().length;
    const { items } = takeBatchSchema.parse(await (await postJson(h.url, "/api/generations/batch", { ...held(), variations: 3 })).json());
    expect(new Set(items.map((g) => g.seed)).size).toBe(3);
    expect(createBodies().length - before).toBe(3);
  });

  it("a repeated Idempotency-Key returns the same takes with 200 and sends nothing", async () => {
    const headers = { "idempotency-key": "batch-key-0001" };
    const first = await postJson(h.url, "/api/generations/batch", { ...held(), variations: 2 }, headers);
    expect(first.status).toBe(201);
    const before = createBodies().length;
    const again = await postJson(h.url, "/api/generations/batch", { ...held(), variations: 2 }, headers);
    expect(again.status).toBe(200);
    const ids = (r: unknown) => takeBatchSchema.parse(r).items.map((g) => g.id);
    expect(ids(await again.json())).toEqual(ids(await first.json()));
    expect(createBodies().length).toBe(before);
  });

  it("refuses 5 variations with a field message", async () => {
    const response = await postJson(h.url, "/api/generations/batch", { ...held(), variations: 5 });
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(await response.json()).error.fields?.variations).toMatch(/1 to 4/);
  });
});

describe("favourite", () => {
  it("PATCH marks and unmarks a take; the list filters on it", async () => {
    // Any take can be marked, finished or not: a held one needs no archive behind the others.
    const take = takeSchema.parse(await (await postJson(h.url, "/api/generations", gen4("favourite me [hold]"))).json());
    const marked = takeSchema.parse(await (await sendJson(h.url, "PATCH", `/api/generations/${take.id}`, { favourite: true })).json());
    expect(marked.favourite).toBe(true);
    const favourites = takeListSchema.parse(await (await fetch(`${h.url}/api/generations?favourite=true`)).json());
    expect(favourites.items.map((g) => g.id)).toEqual([take.id]);
    await sendJson(h.url, "PATCH", `/api/generations/${take.id}`, { favourite: false });
    expect(takeListSchema.parse(await (await fetch(`${h.url}/api/generations?favourite=true`)).json()).items).toEqual([]);
    expect((await sendJson(h.url, "PATCH", "/api/generations/nope", { favourite: true })).status).toBe(404);
    const bad = await sendJson(h.url, "PATCH", `/api/generations/${take.id}`, { favourite: "yes" });
    expect(apiErrorSchema.parse(await bad.json()).error.fields?.favourite).toMatch(/true or false/);
  });
});

describe("delete", () => {
  it("removes a settled take's row, video and poster, keeps its frames, then 404s", async () => {
    const take = await completedTake(gen4("delete me"));
    const video = join(h.dataDir, "media", "videos", `${take.id}.mp4`);
    const poster = join(h.dataDir, "media", "posters", `${take.id}.jpg`);
    expect([existsSync(video), existsSync(poster)]).toEqual([true, true]);
    expect((await fetch(`${h.url}/api/generations/${take.id}`, { method: "DELETE" })).status).toBe(204);
    expect([existsSync(video), existsSync(poster)]).toEqual([false, false]);
    expect((await fetch(`${h.url}/api/generations/${take.id}`)).status).toBe(404);
    expect((await fetch(`${h.url}${take.video!.url}`)).status).toBe(404);
    expect((await fetch(`${h.url}/api/generations/${take.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await fetch(`${h.url}/media/uploads/${jpegId}`)).status).toBe(200);
  });

  it("refuses a take whose upstream job still runs, with 409", async () => {
    const running = takeSchema.parse(await (await postJson(h.url, "/api/generations", gen4("still going [hold]"))).json());
    const response = await fetch(`${h.url}/api/generations/${running.id}`, { method: "DELETE" });
    expect(response.status).toBe(409);
    expect(apiErrorSchema.parse(await response.json()).error).toMatchObject({ code: "still_running", message: /will be charged/ });
    expect((await fetch(`${h.url}/api/generations/${running.id}`)).status).toBe(200);
  });
});

describe("download and handoff", () => {
  let take: Take;
  beforeAll(async () => {
    take = await completedTake(gen3());
  });
  const expectedName = () => `${take.createdAt.slice(0, 10)}-gen3a_turbo-fog-rolls-over-the-pier-777.mp4`;

  it("checks the video, stores its facts and serves a poster of at most 640 px", async () => {
    expect(take.video).toMatchObject({ width: 1280, height: 720, bytes: mp4.length, downloadName: expectedName() });
    expect(take.video!.durationSeconds).toBeCloseTo(1, 1);
    const poster = await fetch(`${h.url}${take.video!.posterUrl}`);
    expect(poster.headers.get("content-type")).toBe("image/jpeg");
    const meta = await sharp(Buffer.from(await poster.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 640, 360]);
  });

  it("?download=1 names the file; a plain request does not", async () => {
    const plain = await fetch(`${h.url}${take.video!.url}`);
    expect(plain.headers.get("content-disposition")).toBeNull();
    const download = await fetch(`${h.url}${take.video!.url}?download=1`);
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="${expectedName()}"; filename*=UTF-8''${expectedName()}`,
    );
    expect(Buffer.from(await download.arrayBuffer())).toEqual(mp4);
  });

  it("the handoff zip holds the MP4, poster, frames and a complete take.json", async () => {
    const response = await fetch(`${h.url}/api/generations/${take.id}/handoff.zip`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toContain(`filename="${expectedName().replace(".mp4", "")}-handoff.zip"`);
    const zip = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get("content-length")).toBe(String(zip.length));
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([expectedName(), "first-frame.jpg", "last-frame.png", "poster.jpg", "take.json"].sort());
    expect(Buffer.from(files[expectedName()]!)).toEqual(mp4);
    expect(Buffer.from(files["first-frame.jpg"]!)).toEqual(Buffer.from(await (await fetch(`${h.url}/media/uploads/${jpegId}`)).arrayBuffer()));
    const manifest = JSON.parse(new TextDecoder().decode(files["take.json"])) as { frames: { first: { bytes: number } } };
    expect(manifest).toMatchObject({
      id: take.id,
      model: "gen3a_turbo",
      provider: "aimlapi",
      upstreamId: expect.stringMatching(/^up-/),
      parameters: { prompt: "fog rolls over the pier", ratio: "9:16", duration: 10, seed: 777 },
      frames: {
        first: { uploadId: jpegId, file: "first-frame.jpg", contentType: "image/jpeg", width: 1280, height: 720, url: `/media/uploads/${jpegId}` },
        last: { uploadId: pngId, file: "last-frame.png", contentType: "image/png" },
      },
      video: { file: expectedName(), bytes: mp4.length, width: 1280, height: 720, poster: "poster.jpg" },
      timings: { createdAt: take.createdAt, submittedAt: take.timings.submittedAt, finishedAt: take.timings.finishedAt, completedAt: take.completedAt },
      provenance: { sourceId: null, createdAt: take.createdAt, app: { name: "dailies", version: expect.stringMatching(/^\d+\.\d+\.\d+/) } },
    });
    expect(manifest.frames.first.bytes).toBeGreaterThan(0);
  });

  it("409s a take that is not completed and 404s an unknown one", async () => {
    const running = takeSchema.parse(await (await postJson(h.url, "/api/generations", gen4("not yet [hold]"))).json());
    const response = await fetch(`${h.url}/api/generations/${running.id}/handoff.zip`);
    expect(response.status).toBe(409);
    expect(apiErrorSchema.parse(await response.json()).error.code).toBe("not_completed");
    expect((await fetch(`${h.url}/api/generations/nope/handoff.zip`)).status).toBe(404);
    expect((await fetch(`${h.url}/media/posters/${running.id}.jpg`)).status).toBe(404);
  });
});
