import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startFakeUpstream } from "../testing/fake-upstream";
import { postJson, startHarness, testImage, uploadedId, type Harness } from "../testing/studio-harness";

/** What a create carries for its frames, read off a scripted upstream that records each body. */
let h: Harness;
let fake: Awaited<ReturnType<typeof startFakeUpstream>>;
beforeAll(async () => {
  fake = await startFakeUpstream((r) => (r.method === "POST" ? { status: 201, json: { id: "up-1", status: "queued" } } : { json: { id: "up-1", status: "generating" } }));
  h = await startHarness({ AIMLAPI_KEY: "sk-frames-test-0001", AIMLAPI_BASE_URL: fake.url });
});
afterAll(async () => {
  await h.stop();
  await fake.close();
});

const sent = () => fake.requests.filter((r) => r.method === "POST").map((r) => JSON.parse(r.body) as Record<string, string>);
/** The bytes a data URI holds, and what they are. */
async function dataUri(uri: string | undefined) {
  const [, type, base64] = /^data:(image\/[a-z]+);base64,(.+)$/.exec(uri ?? "") ?? [];
  const bytes = Buffer.from(base64 ?? "", "base64");
  return { type, bytes, format: (await sharp(bytes).metadata()).format };
}
/** The copy of an upload the studio keeps for the upstream. */
function storedCopy(uploadId: string): Buffer {
  const dir = join(h.dataDir, "media", "uploads");
  return readFileSync(join(dir, readdirSync(dir).find((name) => name.startsWith(`${uploadId}.upstream.`))!));
}

it("sends uploaded frames as data URIs of the studio's stored copies, and addresses as they are, last frame included", async () => {
  const first = await uploadedId(h.url, await testImage(1280, 720));
  const last = await uploadedId(h.url, await testImage(1280, 720, "png"), "end.png", "image/png");
  const take = { model: "gen3a_turbo", prompt: "fog rolls over the pier", ratio: "16:9", duration: 5 };
  expect((await postJson(h.url, "/api/generations", { ...take, image: { uploadId: first }, lastImage: { uploadId: last } })).status).toBe(201);
  const addresses = { image: { url: "https://images.example.com/first.jpg" }, lastImage: { url: "https://images.example.com/last.png" } };
  expect((await postJson(h.url, "/api/generations", { ...take, ...addresses })).status).toBe(201);

  const [uploaded, addressed] = sent();
  for (const [uri, id] of [[uploaded!.image_url, first], [uploaded!.last_image_url, last]] as const) {
    const { type, bytes, format } = await dataUri(uri);
    expect(bytes).toEqual(storedCopy(id));
    expect(type).toBe(`image/${format}`);
  }
  expect(addressed).toMatchObject({ image_url: "https://images.example.com/first.jpg", last_image_url: "https://images.example.com/last.png" });
});
