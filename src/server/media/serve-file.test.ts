import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serveFile } from "./serve-file";

const dir = mkdtempSync(join(tmpdir(), "dailies-serve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, "ten.bin");
writeFileSync(file, "0123456789");
const empty = join(dir, "empty.bin");
writeFileSync(empty, "");

async function get(range?: string, method = "GET", path = file) {
  const response = serveFile(path, "video/mp4", range, method);
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}

describe("serveFile", () => {
  it("sends the whole file with caching, type and sniffing headers", async () => {
    const whole = await get();
    expect(whole).toEqual({
      status: 200,
      headers: {
        "content-type": "video/mp4",
        "accept-ranges": "bytes",
        "cache-control": "private, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
        "content-length": "10",
      },
      body: "0123456789",
    });
  });

  it.each([
    ["bytes=2-5", "2345", "bytes 2-5/10"],
    ["bytes=0-0", "0", "bytes 0-0/10"],
    ["bytes=7-", "789", "bytes 7-9/10"],
    ["bytes=8-100", "89", "bytes 8-9/10"],
    ["bytes=-3", "789", "bytes 7-9/10"],
    ["bytes=-30", "0123456789", "bytes 0-9/10"],
    ["  bytes=9-9 ", "9", "bytes 9-9/10"],
  ])("answers %s with 206 and that part", async (range, body, contentRange) => {
    const part = await get(range);
    expect(part).toMatchObject({ status: 206, body, headers: { "content-range": contentRange, "content-length": String(body.length) } });
  });

  it.each(["bytes=-", "bytes=5-2", "bytes=10-", "bytes=10-12", "bytes=a-b", "items=0-1", "bytes=0-1,3-4", "bytes=-0"])(
    "refuses %s with 416 and the size",
    async (range) => {
      const refused = await get(range);
      expect(refused).toMatchObject({ status: 416, body: "", headers: { "content-range": "bytes */10" } });
    },
  );

  it("answers HEAD with the headers only", async () => {
    expect(await get(undefined, "HEAD")).toMatchObject({ status: 200, body: "", headers: { "content-length": "10" } });
    expect(await get("bytes=1-2", "HEAD")).toMatchObject({ status: 206, body: "", headers: { "content-length": "2", "content-range": "bytes 1-2/10" } });
  });

  it("sends an empty file as an empty 200, and says a missing file is gone", async () => {
    expect(await get(undefined, "GET", empty)).toMatchObject({ status: 200, body: "", headers: { "content-length": "0" } });
    const gone = serveFile(join(dir, "nope.bin"), "video/mp4", undefined, "GET");
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ error: { code: "not_found", message: "This file is no longer on the server." } });
  });
});
