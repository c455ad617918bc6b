import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { uploadListSchema, uploadSchema } from "../../shared/api";
import { apiErrorSchema } from "../../shared/api-error";
import { harnessAround } from "../testing/harness-around";
import { postJson, startHarness, testImage, upload, waitForTerminal } from "../testing/studio-harness";

// Media in the data folder even on the Postgres lane (whose studios keep it in a bucket): these
// tests read the bytes that go upstream from disk.
const h = harnessAround(() => startHarness({ MEDIA_STORE: "local" }));

async function uploadOk(bytes: Buffer, name = "f.jpg", type = "image/jpeg") {
  const response = await upload(h.url, bytes, name, type);
  expect(response.status).toBeLessThan(300);
  return uploadSchema.parse(await response.json());
}

describe("the upload library", () => {
  it("lists every upload newest first, paged by cursor, and finds one by id", async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await uploadOk(await testImage(640 + i * 16, 480), `frame-${i}.jpg`));
    const first = uploadListSchema.parse(await (await fetch(`${h.url}/api/uploads?limit=3`)).json());
    expect(first.items.map((u) => u.id)).toEqual(made.slice(-3).reverse().map((u) => u.id));
    const second = uploadListSchema.parse(await (await fetch(`${h.url}/api/uploads?limit=3&cursor=${first.nextCursor}`)).json());
    expect(second.items.map((u) => u.id)).toEqual(made.slice(0, 2).reverse().map((u) => u.id));
    expect(second.nextCursor).toBeNull();
    const one = uploadSchema.parse(await (await fetch(`${h.url}/api/uploads/${made[0]!.id}`)).json());
    expect(one).toMatchObject({ name: "frame-0.jpg", width: 640, height: 480 });
    expect((await fetch(`${h.url}/api/uploads/nope`)).status).toBe(404);
    expect((await fetch(`${h.url}/api/uploads?cursor=-3`)).status).toBe(400);
  });

  it("serves a small upright JPEG thumbnail", async () => {
    const rotated = await sharp(await testImage(1600, 900)).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const body = await uploadOk(rotated, "portrait.jpg");
    const thumb = await fetch(`${h.url}${body.thumbUrl}`);
    expect(thumb.headers.get("content-type")).toBe("image/jpeg");
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([180, 320]);
  });
});

describe("what goes upstream", () => {
  const upstreamFile = (id: string) => {
    const dir = join(h.dataDir, "media", "uploads");
    const name = readdirSync(dir).find((f: string) => f.startsWith(`${id}.upstream.`)) as string;
    return readFileSync(join(dir, name));
  };

  it("sends a clean small image as it is (no needless re-encode)", async () => {
    const png = await testImage(800, 600, "png");
    const body = await uploadOk(png, "clean.png", "image/png");
    expect(upstreamFile(body.id)).toEqual(png);
  });

  it("strips EXIF (GPS) and applies the orientation before anything leaves the studio", async () => {
    const withExif = await sharp(await testImage(1280, 720))
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Make: "Studio" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
      .jpeg()
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const body = await uploadOk(withExif, "gps.jpg");
    const sent = await sharp(upstreamFile(body.id)).metadata();
    expect(sent.exif).toBeUndefined();
    expect(sent.orientation ?? 1).toBe(1);
    expect([sent.width, sent.height]).toEqual([720, 1280]);
  });
});

describe("use the last frame of a video", () => {
  it("turns a completed take's final frame into a library image", async () => {
    const image = await uploadOk(await testImage(1280, 720), "start.jpg");
    const created = (await (await postJson(h.url, "/api/generations", { model: "gen3a_turbo", prompt: "go on", image: { uploadId: image.id }, ratio: "16:9", duration: 5 })).json()) as { id: string };
    expect((await waitForTerminal(h.url, created.id)).status).toBe("completed");
    const response = await postJson(h.url, "/api/uploads/from-video", { generationId: created.id });
    expect(response.status).toBe(201);
    const frame = uploadSchema.parse(await response.json());
    expect(frame).toMatchObject({ width: 1280, height: 768, contentType: "image/png", name: `last-frame-${created.id}.png` });
    const again = await postJson(h.url, "/api/uploads/from-video", { generationId: created.id });
    expect(again.status).toBe(200);
    expect(uploadSchema.parse(await again.json()).id).toBe(frame.id);
  });

  it("refuses an unknown take, an unfinished one, and a bad body", async () => {
    expect((await postJson(h.url, "/api/uploads/from-video", { generationId: "nope" })).status).toBe(404);
    const bad = await postJson(h.url, "/api/uploads/from-video", { id: 3 });
    expect(bad.status).toBe(400);
    expect(apiErrorSchema.parse(await bad.json()).error.fields).toHaveProperty("generationId");
    const image = await uploadOk(await testImage(1280, 720), "start2.jpg");
    const running = (await (await postJson(h.url, "/api/generations", { model: "gen4_turbo", image: { uploadId: image.id }, ratio: "16:9", duration: 10 })).json()) as { id: string };
    const early = await postJson(h.url, "/api/uploads/from-video", { generationId: running.id });
    expect(early.status).toBe(409);
  });
});
