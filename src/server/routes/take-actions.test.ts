import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { takeBatchSchema, takeListSchema, takeSchema, type Take } from "../../shared/take";
import { harnessAround } from "../testing/harness-around";
import { startScriptedStudio } from "../testing/scripted-studio";
import { postJson, sendJson } from "../testing/studio-harness";

// Media in the data folder even on the Postgres lane (whose studios keep it in a bucket): the
// delete test looks for the files on disk; the bucket's side of a delete is media-store-contract's.
const h = harnessAround(() => startScriptedStudio({ MEDIA_STORE: "local" }));
const inputsOf = (g: Take) => ({ model: g.model, prompt: g.prompt, image: g.image, lastImage: g.lastImage, ratio: g.ratio, duration: g.duration });
const withoutSeed = ({ seed: _seed, ...rest }: Record<string, unknown>) => rest;

describe("re-run", () => {
  it('"same" repeats the exact inputs and seed; "new" the inputs with another seed', async () => {
    const source = await h.completedTake(h.gen3());
    expect(source.status).toBe("completed");
    const sourceBody = h.createBodies().at(-1)!;

    const same = await postJson(h.url, `/api/generations/${source.id}/rerun`, { seed: "same" });
    expect(same.status).toBe(201);
    const again = takeSchema.parse(await same.json());
    expect(again).toMatchObject({ ...inputsOf(source), seed: 777, sourceId: source.id });
    expect(again.id).not.toBe(source.id);
    expect(h.createBodies().at(-1)).toEqual(sourceBody);

    const fresh = takeSchema.parse(await (await postJson(h.url, `/api/generations/${source.id}/rerun`, { seed: "new" })).json());
    expect(fresh).toMatchObject({ ...inputsOf(source), sourceId: source.id });
    expect(fresh.seed).not.toBe(777);
    const freshBody = h.createBodies().at(-1)!;
    expect(freshBody.seed).toBe(fresh.seed);
    expect(withoutSeed(freshBody)).toEqual(withoutSeed(sourceBody));
  });

  it("404s an unknown take and 400s a bad body, sending nothing", async () => {
    const before = h.createBodies().length;
    const missing = await postJson(h.url, "/api/generations/nope/rerun", { seed: "same" });
    expect(missing.status).toBe(404);
    const source = takeListSchema.parse(await (await fetch(`${h.url}/api/generations?limit=1`)).json()).items[0]!;
    const bad = await postJson(h.url, `/api/generations/${source.id}/rerun`, { seed: 5 });
    expect(bad.status).toBe(400);
    expect(apiErrorSchema.parse(await bad.json()).error.fields?.seed).toMatch(/same/);
    expect(h.createBodies().length).toBe(before);
  });
});

describe("batch", () => {
  // Held: these check what is sent, and a dozen archives queued behind them would slow every later take.
  const held = () => h.gen4("A slow push-in on a harbour [hold]");
  it("a locked seed gives s, s+1, … wrapping past 4294967295 to 0, one create per take", async () => {
    const before = h.createBodies().length;
    const response = await postJson(h.url, "/api/generations/batch", { ...held(), seed: 4294967294, variations: 4 });
    expect(response.status).toBe(201);
    const { items } = takeBatchSchema.parse(await response.json());
    expect(items.map((g) => g.seed)).toEqual([4294967294, 4294967295, 0, 1]);
    expect(new Set(items.map((g) => g.id)).size).toBe(4);
    expect(items.every((g) => g.sourceId === null && g.timings.submittedAt !== null)).toBe(true);
    const sent = h.createBodies().slice(before);
    expect(sent.map((b) => b.seed)).toEqual([4294967294, 4294967295, 0, 1]);
  });

  it("without a seed, the takes get distinct random seeds", async () => {
    const before = h.createBodies().length;
    const { items } = takeBatchSchema.parse(await (await postJson(h.url, "/api/generations/batch", { ...held(), variations: 3 })).json());
    expect(new Set(items.map((g) => g.seed)).size).toBe(3);
    expect(h.createBodies().length - before).toBe(3);
  });

  it("a repeated Idempotency-Key returns the same takes with 200 and sends nothing", async () => {
    const headers = { "idempotency-key": "batch-key-0001" };
    const first = await postJson(h.url, "/api/generations/batch", { ...held(), variations: 2 }, headers);
    expect(first.status).toBe(201);
    const before = h.createBodies().length;
    const again = await postJson(h.url, "/api/generations/batch", { ...held(), variations: 2 }, headers);
    expect(again.status).toBe(200);
    const ids = (r: unknown) => takeBatchSchema.parse(r).items.map((g) => g.id);
    expect(ids(await again.json())).toEqual(ids(await first.json()));
    expect(h.createBodies().length).toBe(before);
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
    const take = takeSchema.parse(await (await postJson(h.url, "/api/generations", h.gen4("favourite me [hold]"))).json());
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
    const take = await h.completedTake(h.gen4("delete me"));
    const video = join(h.dataDir, "media", "videos", `${take.id}.mp4`);
    const poster = join(h.dataDir, "media", "posters", `${take.id}.jpg`);
    expect([existsSync(video), existsSync(poster)]).toEqual([true, true]);
    expect((await fetch(`${h.url}/api/generations/${take.id}`, { method: "DELETE" })).status).toBe(204);
    expect([existsSync(video), existsSync(poster)]).toEqual([false, false]);
    expect((await fetch(`${h.url}/api/generations/${take.id}`)).status).toBe(404);
    expect((await fetch(`${h.url}${take.video!.url}`)).status).toBe(404);
    expect((await fetch(`${h.url}/api/generations/${take.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await fetch(`${h.url}/media/uploads/${h.jpegId}`)).status).toBe(200);
  });

  it("refuses a take whose upstream job still runs, with 409", async () => {
    const running = takeSchema.parse(await (await postJson(h.url, "/api/generations", h.gen4("still going [hold]"))).json());
    const response = await fetch(`${h.url}/api/generations/${running.id}`, { method: "DELETE" });
    expect(response.status).toBe(409);
    expect(apiErrorSchema.parse(await response.json()).error).toMatchObject({ code: "still_running", message: /will be charged/ });
    expect((await fetch(`${h.url}/api/generations/${running.id}`)).status).toBe(200);
  });
});
