import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Server, type TestS3 } from "../testing/s3-server";
import { createMediaDir } from "./media-dir";
import type { MediaStore, ServeRequest } from "./media-store";
import { createS3MediaStore, type S3MediaSettings } from "./s3-media-store";

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "dailies-store-"));
  dirs.push(dir);
  return dir;
};
let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const s3Settings = (prefix: string, extra: Partial<S3MediaSettings> = {}): S3MediaSettings => ({
  bucket: s3.bucket,
  prefix,
  endpoint: s3.endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  redirect: "proxy",
  presignSeconds: 60,
  ...extra,
});

const BYTES = Buffer.from("0123456789abcdef");
const get = (extra: Partial<ServeRequest> = {}): ServeRequest => ({ contentType: "video/mp4", range: undefined, method: "GET", ...extra });
const answer = async (response: Response) => ({
  status: response.status,
  range: response.headers.get("content-range"),
  length: response.headers.get("content-length"),
  body: await response.text(),
});

/** One contract, two stores: the data folder and a bucket must look alike to every caller. */
describe.each([
  ["the data folder", () => createMediaDir(dataDir())],
  ["an S3 bucket", () => createS3MediaStore(dataDir(), s3Settings(`contract-${dirs.length}/`))],
])("a media store in %s", (_where, open: () => MediaStore) => {
  let media: MediaStore;
  beforeAll(() => {
    media = open();
  });

  it("keeps a finished scratch file under its name, and nothing else anywhere", async () => {
    const scratch = media.tempPath();
    writeFileSync(scratch, BYTES);
    await media.moveIn(scratch, "videos", "take-a.mp4");
    await media.writeAtomic("posters", "take-a.jpg", Buffer.from("poster"));
    expect(existsSync(scratch)).toBe(false);
    expect(await media.list("videos")).toEqual(["take-a.mp4"]);
    expect(await media.list("posters")).toEqual(["take-a.jpg"]);
    expect(await media.list("reels")).toEqual([]);
    const copy = await media.localCopy("videos", "take-a.mp4");
    expect(readFileSync(copy.path)).toEqual(BYTES);
    copy.release();
  });

  it("never shows a name before its whole file is there", async () => {
    const big = Buffer.alloc(4 * 1024 * 1024, 7);
    const scratch = media.tempPath();
    writeFileSync(scratch, big);
    let done = false;
    const moved = media.moveIn(scratch, "reels", "big.mp4").finally(() => (done = true));
    const seen = new Set<string | null>();
    for (let asked = 0; !done && asked < 500; asked++) seen.add((await media.serve("reels", "big.mp4", get({ method: "HEAD" }))).headers.get("content-length"));
    await moved;
    seen.add((await media.serve("reels", "big.mp4", get({ method: "HEAD" }))).headers.get("content-length"));
    seen.delete(null); // a 404's JSON length is not a file's
    expect([...seen].filter((length) => Number(length) > 200)).toEqual([String(big.length)]);
    await media.remove("reels", "big.mp4");
  });

  it("leaves nothing under the name when the file can't be moved in", async () => {
    await expect(media.moveIn(media.tempPath(), "videos", "never.mp4")).rejects.toThrow();
    expect(await media.list("videos")).not.toContain("never.mp4");
  });

  it("serves the whole file, one range of it, the end of it, and 416 for a range past it, with the same headers", async () => {
    const whole = await media.serve("videos", "take-a.mp4", get());
    expect(Object.fromEntries(whole.headers)).toMatchObject({
      "content-type": "video/mp4",
      "accept-ranges": "bytes",
      "cache-control": "private, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-length": "16",
    });
    expect(await answer(whole)).toEqual({ status: 200, range: null, length: "16", body: BYTES.toString() });
    expect(await answer(await media.serve("videos", "take-a.mp4", get({ range: "bytes=2-5" })))).toEqual({ status: 206, range: "bytes 2-5/16", length: "4", body: "2345" });
    expect(await answer(await media.serve("videos", "take-a.mp4", get({ range: "bytes=-3" })))).toEqual({ status: 206, range: "bytes 13-15/16", length: "3", body: "def" });
    expect(await answer(await media.serve("videos", "take-a.mp4", get({ range: "bytes=10-" })))).toEqual({ status: 206, range: "bytes 10-15/16", length: "6", body: "abcdef" });
    expect(await answer(await media.serve("videos", "take-a.mp4", get({ range: "bytes=16-" })))).toEqual({ status: 416, range: "bytes */16", length: null, body: "" });
    expect(await answer(await media.serve("videos", "take-a.mp4", get({ method: "HEAD", range: "bytes=0-0" })))).toEqual({ status: 206, range: "bytes 0-0/16", length: "1", body: "" });
  });

  it("names a download, and answers 404 for a file it does not hold", async () => {
    const named = await media.serve("videos", "take-a.mp4", get({ disposition: 'attachment; filename="take.mp4"' }));
    expect(named.headers.get("content-disposition")).toBe('attachment; filename="take.mp4"');
    await named.body?.cancel();
    const missing = await media.serve("videos", "nope.mp4", get());
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "This file is no longer on the server." } });
  });

  it("removes a file (a missing one too), which then can't be served or copied", async () => {
    await media.remove("videos", "take-a.mp4");
    await media.remove("videos", "take-a.mp4");
    expect(await media.list("videos")).toEqual([]);
    expect((await media.serve("videos", "take-a.mp4", get())).status).toBe(404);
    await expect(media.localCopy("videos", "take-a.mp4").then((copy) => readFileSync(copy.path))).rejects.toThrow();
  });

  it("sweeps scratch files a crash left, not those in use", async () => {
    const scratch = media.tempPath();
    writeFileSync(scratch, "left");
    expect(await media.removeStaleTemps(Date.now() - 3_600_000)).toBe(0);
    expect(existsSync(scratch)).toBe(true);
    expect(await media.removeStaleTemps(Date.now() + 60_000)).toBe(1);
    expect(existsSync(scratch)).toBe(false);
  });

  it("is ready", async () => {
    await expect(media.probe()).resolves.toBeUndefined();
  });
});

describe("media on S3", () => {
  it("keeps its objects under the prefix, and a local copy only until it is released", async () => {
    const media = createS3MediaStore(dataDir(), s3Settings("studio/media/"));
    await media.writeAtomic("uploads", "frame.jpg", BYTES);
    const scratch = media.tempPath();
    writeFileSync(scratch, BYTES);
    await media.moveIn(scratch, "videos", "take-c.mp4");
    // Nothing is left under a temporary key once a file is in.
    expect((await s3.keys()).filter((key) => key.startsWith("studio/"))).toEqual(["studio/media/uploads/frame.jpg", "studio/media/videos/take-c.mp4"]);
    const copy = await media.localCopy("uploads", "frame.jpg");
    expect(copy.path.startsWith(media.tempDir)).toBe(true);
    copy.release();
    expect(existsSync(copy.path)).toBe(false);
    await media.remove("uploads", "frame.jpg");
  });

  it("with MEDIA_REDIRECT=presigned, sends GETs to a short-lived signed URL that honours Range, and answers HEAD itself", async () => {
    const media = createS3MediaStore(dataDir(), s3Settings("presigned/", { redirect: "presigned", presignSeconds: 30 }));
    await media.writeAtomic("videos", "take-b.mp4", BYTES);
    const redirect = await media.serve("videos", "take-b.mp4", get({ disposition: 'attachment; filename="b.mp4"' }));
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("cache-control")).toBe("private, no-store");
    const location = new URL(redirect.headers.get("location")!);
    expect(location.origin).toBe(s3.endpoint);
    expect(location.searchParams.get("X-Amz-Expires")).toBe("30");
    const ranged = await fetch(location, { headers: { range: "bytes=0-3" } });
    expect({ status: ranged.status, type: ranged.headers.get("content-type"), body: await ranged.text() }).toEqual({ status: 206, type: "video/mp4", body: "0123" });
    expect(await answer(await media.serve("videos", "take-b.mp4", get({ method: "HEAD" })))).toEqual({ status: 200, range: null, length: "16", body: "" });
  });

  it("is not ready when the bucket is missing, and says so without naming it", async () => {
    const media = createS3MediaStore(dataDir(), s3Settings("", { bucket: "no-such-bucket" }));
    const failure = await media.probe().then(() => null, (error: Error) => error.message);
    expect(failure).toBe("the media bucket can't be used (NotFound, HTTP 404)");
  });
});
