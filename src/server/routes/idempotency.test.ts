import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { takeListSchema } from "../../shared/take";
import { postJson, startHarness, testImage, type Harness } from "../testing/studio-harness";

// Proxy mode with this process as the trusted proxy, so a test can speak as two people.
let h: Harness;
let uploadId: string;
const as = (name: string, key: string) => ({ "x-forwarded-email": name, "idempotency-key": key });

beforeAll(async () => {
  h = await startHarness({ AUTH_MODE: "proxy", TRUSTED_PROXIES: "127.0.0.1, ::1" });
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(await testImage())], { type: "image/jpeg" }), "frame.jpg");
  const sent = await fetch(`${h.url}/api/uploads`, { method: "POST", body: form, headers: { "x-forwarded-email": "ana@studio" } });
  uploadId = ((await sent.json()) as { id: string }).id;
});
afterAll(() => h.stop());

const body = (prompt = "a key bound to its body") => ({ model: "gen4_turbo", prompt, image: { uploadId }, ratio: "16:9", duration: 5 });
const takeCount = async () =>
  takeListSchema.parse(await (await fetch(`${h.url}/api/generations?limit=100`, { headers: { "x-forwarded-email": "ana@studio" } })).json()).items.length;

async function refusedAsReused(response: Response) {
  expect(response.status).toBe(422);
  const error = apiErrorSchema.parse(await response.json()).error;
  expect(error.code).toBe("idempotency_key_reused");
  expect(error.message).toMatch(/already used for a different request.*new key/);
}

describe("an Idempotency-Key is bound to its author and its request body", () => {
  it("the same key with the same body replays the first take; with a new body it is a 422 and nothing is sent", async () => {
    const first = await postJson(h.url, "/api/generations", body(), as("ana@studio", "bound-key-0001"));
    expect(first.status).toBe(201);
    const again = await postJson(h.url, "/api/generations", body(), as("ana@studio", "bound-key-0001"));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);

    const creates = h.simulator!.stats().creates;
    const takes = await takeCount();
    await refusedAsReused(await postJson(h.url, "/api/generations", body("another prompt"), as("ana@studio", "bound-key-0001")));
    await refusedAsReused(await postJson(h.url, "/api/generations", { ...body(), seed: 7 }, as("ana@studio", "bound-key-0001")));
    expect(h.simulator!.stats().creates).toBe(creates);
    expect(await takeCount()).toBe(takes);
  });

  it("someone else's request under the same key never gets the first person's take", async () => {
    expect((await postJson(h.url, "/api/generations", body(), as("ana@studio", "bound-key-0002"))).status).toBe(201);
    await refusedAsReused(await postJson(h.url, "/api/generations", body(), as("ben@studio", "bound-key-0002")));
  });

  it("a batch key replays the same batch, and refuses another variation count or the single-take route", async () => {
    const batch = { ...body("a batch"), variations: 2 };
    expect((await postJson(h.url, "/api/generations/batch", batch, as("ana@studio", "bound-key-0003"))).status).toBe(201);
    const replay = await postJson(h.url, "/api/generations/batch", batch, as("ana@studio", "bound-key-0003"));
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { items: unknown[] }).items).toHaveLength(2);
    await refusedAsReused(await postJson(h.url, "/api/generations/batch", { ...batch, variations: 3 }, as("ana@studio", "bound-key-0003")));
    await refusedAsReused(await postJson(h.url, "/api/generations", body("a batch"), as("ana@studio", "bound-key-0003")));
  });

  it("a re-run key replays even with a fresh random seed, and refuses the other seed mode", async () => {
    const source = (await (await postJson(h.url, "/api/generations", body("a source"), { "x-forwarded-email": "ana@studio" })).json()) as { id: string };
    const path = `/api/generations/${source.id}/rerun`;
    const first = await postJson(h.url, path, { seed: "new" }, as("ana@studio", "bound-key-0004"));
    expect(first.status).toBe(201);
    const again = await postJson(h.url, path, { seed: "new" }, as("ana@studio", "bound-key-0004"));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    await refusedAsReused(await postJson(h.url, path, { seed: "same" }, as("ana@studio", "bound-key-0004")));
  });
});
