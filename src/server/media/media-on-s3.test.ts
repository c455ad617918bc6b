import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startS3Server, type TestS3 } from "../testing/s3-server";
import { postJson, startHarness, uploadedId, waitForTerminal, takeRequest, type Harness } from "../testing/studio-harness";

// One studio on the simulator with its media in a bucket of an S3 server on loopback; the
// tests run in order, each going on from where the last left the take.
const dataDir = mkdtempSync(join(tmpdir(), "dailies-s3-studio-"));
let s3: TestS3;
let h: Harness;
let uploadId: string;
let take: { id: string; video: { url: string; posterUrl: string; bytes: number } };

beforeAll(async () => {
  s3 = await startS3Server();
  h = await startHarness(s3.studioEnv("studio/"), dataDir);
});
afterAll(async () => {
  await h.stop();
  await s3.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const ready = async () => {
  const response = await fetch(`${h.url}/api/ready`);
  return { status: response.status, body: (await response.json()) as unknown };
};

it("keeps an upload and a completed take's video and poster in the bucket under the prefix, none in the data folder", async () => {
  uploadId = await uploadedId(h.url);
  const created = (await (await postJson(h.url, "/api/generations", takeRequest(uploadId))).json()) as { id: string };
  take = (await waitForTerminal(h.url, created.id)) as typeof take;
  expect(take).toMatchObject({ status: "completed" });

  const keys = await s3.keys();
  expect(keys.every((key) => key.startsWith("studio/") && !key.startsWith("studio/tmp/"))).toBe(true);
  expect(keys).toEqual(expect.arrayContaining([`studio/videos/${take.id}.mp4`, `studio/posters/${take.id}.jpg`]));
  expect(keys.filter((key) => key.startsWith(`studio/uploads/${uploadId}`))).toHaveLength(3); // original, thumbnail, upstream copy
  expect(existsSync(join(dataDir, "media", "videos"))).toBe(false);
});

it("is left alone by a studio starting on the same bucket with an empty database (a recreated volume, a restored backup)", async () => {
  const otherDir = mkdtempSync(join(tmpdir(), "dailies-s3-fresh-"));
  const other = await startHarness(s3.studioEnv("studio/"), otherDir);
  await other.stop();
  rmSync(otherDir, { recursive: true, force: true });
  expect(await s3.keys()).toEqual(expect.arrayContaining([`studio/videos/${take.id}.mp4`, `studio/posters/${take.id}.jpg`]));
});

it("serves the video through the BFF with Range (206, and 416 past its end), and the poster and thumbnail", async () => {
  const ranged = await fetch(`${h.url}${take.video.url}`, { headers: { range: "bytes=0-99" } });
  expect({ status: ranged.status, range: ranged.headers.get("content-range"), type: ranged.headers.get("content-type") }).toEqual({
    status: 206,
    range: `bytes 0-99/${take.video.bytes}`,
    type: "video/mp4",
  });
  const head = Buffer.from(await ranged.arrayBuffer());
  expect(head).toHaveLength(100);
  expect(head.toString("latin1", 4, 8)).toBe("ftyp");
  expect((await fetch(`${h.url}${take.video.url}`, { headers: { range: `bytes=${take.video.bytes}-` } })).status).toBe(416);
  for (const url of [take.video.posterUrl, `/media/uploads/${uploadId}/thumb`]) {
    const image = await fetch(`${h.url}${url}`);
    expect({ url, status: image.status, type: image.headers.get("content-type") }).toEqual({ url, status: 200, type: "image/jpeg" });
    expect(Buffer.from(await image.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  }
  expect(await ready()).toEqual({ status: 200, body: { status: "ready", checks: { database: "ok", media: "ok" } } });
});

it("cuts a last frame and zips a handoff from stored files, fetched to the scratch folder and cleaned up", async () => {
  const frame = await postJson(h.url, "/api/uploads/from-video", { generationId: take.id });
  expect(frame.status).toBe(201);
  const { id } = (await frame.json()) as { id: string };
  expect((await s3.keys()).filter((key) => key.startsWith(`studio/uploads/${id}`))).toHaveLength(3);
  const zip = await fetch(`${h.url}/api/generations/${take.id}/handoff.zip`);
  expect(zip.status).toBe(200);
  const bytes = Buffer.from(await zip.arrayBuffer());
  expect(bytes.length).toBe(Number(zip.headers.get("content-length")));
  expect(bytes.length).toBeGreaterThan(take.video.bytes);
  expect(readdirSync(join(dataDir, "media", "tmp"))).toEqual([]);
  // A HEAD builds the same answer without a body: the copies it fetched go too.
  const head = await fetch(`${h.url}/api/generations/${take.id}/handoff.zip`, { method: "HEAD" });
  expect(head.status).toBe(200);
  // The manifest's export time is in the zip, so the length may differ from the GET's by a digit.
  expect(Math.abs(Number(head.headers.get("content-length")) - bytes.length)).toBeLessThanOrEqual(2);
  expect(readdirSync(join(dataDir, "media", "tmp"))).toEqual([]);
});

it("with MEDIA_REDIRECT=presigned, answers with a 302 to a signed URL of the store after the same checks", async () => {
  await h.stop();
  h = await startHarness(s3.studioEnv("studio/", { MEDIA_REDIRECT: "presigned" }), dataDir);
  const redirect = await fetch(`${h.url}${take.video.url}`, { redirect: "manual" });
  expect(redirect.status).toBe(302);
  const location = redirect.headers.get("location")!;
  expect(location.startsWith(`${s3.endpoint}/${s3.bucket}/studio/videos/${take.id}.mp4?`)).toBe(true);
  const followed = await fetch(location, { headers: { range: "bytes=0-9" } });
  expect({ status: followed.status, range: followed.headers.get("content-range") }).toEqual({ status: 206, range: `bytes 0-9/${take.video.bytes}` });
  await followed.arrayBuffer();
  // Access rules first: a take that is not there is never redirected.
  expect((await fetch(`${h.url}/media/videos/nope.mp4`, { redirect: "manual" })).status).toBe(404);
});

it("deleting the take removes its objects from the bucket", async () => {
  expect((await fetch(`${h.url}/api/generations/${take.id}`, { method: "DELETE" })).status).toBe(204);
  expect((await s3.keys()).filter((key) => key.includes(take.id))).toEqual([]);
});

it("is not ready, naming the media check, once the bucket is gone", async () => {
  await s3.deleteBucket();
  expect(await ready()).toEqual({ status: 503, body: { status: "not_ready", checks: { database: "ok", media: "the media bucket can't be used (NotFound, HTTP 404)" } } });
});
