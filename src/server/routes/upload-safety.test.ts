import { readdirSync, rmSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { join } from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { uploadSchema } from "../../shared/api";
import { decodeSlots } from "../images/decode-slots";
import { harnessAround } from "../testing/harness-around";
import { postJson, startHarness, testImage, upload, waitForTerminal } from "../testing/studio-harness";

const h = harnessAround(() => startHarness({ IMAGE_DECODE_CONCURRENCY: "1" }));

const tempFiles = () => readdirSync(join(h.dataDir, "media", "tmp"));
const MB = 1024 * 1024;
const UPLOAD_PAST_LIMIT = 40 * MB + 512 * 1024;

/**
 * Sends a chunked multipart upload of `fileBytes` and never ends it: only a server that checks
 * the size as the bytes arrive can answer (one that buffers the body first waits forever).
 */
function unendingUpload(fileBytes: number): Promise<{ status: number; body: unknown }> {
  const boundary = "----dailies-test-boundary";
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${h.url}/api/uploads`, { method: "POST", headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
    let answered = false;
    req.on("error", (error) => (answered ? undefined : reject(error)));
    req.on("response", (response: IncomingMessage) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => {
        req.destroy();
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      });
    });
    req.write(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="huge.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`);
    const chunk = Buffer.alloc(MB, 7);
    let sent = 0;
    const pump = () => {
      while (!answered && sent < fileBytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, fileBytes - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once("drain", pump);
      }
    };
    pump();
  });
}

/**
 * A multipart upload of `fileBytes` written 1 MB at a time, 40 ms apart (16 MB past the limit take
 * 0.6 s, more than the server library drains before it drops a connection on its own), with
 * its Content-Length or chunked. Settles once the whole body is sent and answered, or on the
 * first error while sending (a connection dropped under the client).
 */
function slowUpload(fileBytes: number, declareLength: boolean): Promise<{ sendError: string | null; status: number; body: unknown }> {
  const boundary = "----dailies-slow-boundary";
  const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="huge.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const headers: Record<string, string | number> = { "content-type": `multipart/form-data; boundary=${boundary}` };
  if (declareLength) headers["content-length"] = head.length + fileBytes + tail.length;
  return new Promise((resolve) => {
    let sendError: string | null = null;
    let sent = false;
    let answer: { status: number; body: unknown } | null = null;
    const settle = () => (sendError || (sent && answer) ? resolve({ sendError, status: answer?.status ?? 0, body: answer?.body ?? null }) : undefined);
    const req = httpRequest(`${h.url}/api/uploads`, { method: "POST", headers });
    req.on("error", (error) => {
      sendError ??= error.message;
      settle();
    });
    req.on("finish", () => {
      sent = true;
      settle();
    });
    req.on("response", (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => {
        answer = { status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
        settle();
      });
    });
    req.write(head);
    let written = 0;
    const timer = setInterval(() => {
      if (req.destroyed) return clearInterval(timer);
      const part = Math.min(MB, fileBytes - written);
      written += part;
      req.write(Buffer.alloc(part, 7));
      if (written < fileBytes) return;
      clearInterval(timer);
      req.end(tail);
    }, 40);
  });
}

describe("POST /api/uploads streams", () => {
  it("refuses a file past 40 MB as it arrives (no Content-Length, body never ends) and leaves no temporary file", async () => {
    const reply = await unendingUpload(UPLOAD_PAST_LIMIT);
    expect(reply.status).toBe(413);
    expect(apiErrorSchema.parse(reply.body).error).toMatchObject({ code: "payload_too_large", fields: { file: expect.stringMatching(/40 MB/) } });
    expect(tempFiles()).toEqual([]);
  });

  it.each([
    ["says its length (over the limit) up front", true],
    ["is sent chunked, refused at 40 MB", false],
  ])("answers a too-large upload that %s and arrives slowly only once it is all read: no reset while the client sends", async (_label, declare) => {
    const reply = await slowUpload(56 * MB, declare);
    expect(reply.sendError).toBeNull();
    expect(reply.status).toBe(413);
    expect(apiErrorSchema.parse(reply.body).error).toMatchObject({ code: "payload_too_large", fields: { file: expect.stringMatching(/40 MB/) } });
    expect(tempFiles()).toEqual([]);
  });

  it("decodes at most IMAGE_DECODE_CONCURRENCY images at once; the rest wait their turn", async () => {
    const release = await decodeSlots.acquire(); // the only slot: every upload must queue behind it
    const settled: number[] = [];
    const replies = [0, 1, 2].map(async (n) => {
      const response = await upload(h.url, await testImage(700 + n * 10, 500));
      settled.push(n);
      return response.status;
    });
    while (decodeSlots.stats().waiting < 3) await new Promise((r) => setTimeout(r, 20));
    expect(decodeSlots.stats()).toMatchObject({ limit: 1, active: 1, waiting: 3 });
    expect(settled).toEqual([]);
    release();
    expect(await Promise.all(replies)).toEqual([201, 201, 201]);
    expect(decodeSlots.stats()).toMatchObject({ active: 0, waiting: 0, peak: 1 });
  });

  it("refuses an image by its header without waiting for a decode slot", async () => {
    const release = await decodeSlots.acquire(); // a decode that would hold the only slot for as long as it likes
    try {
      const response = await upload(h.url, await testImage(200, 200));
      expect(response.status).toBe(422);
      expect(apiErrorSchema.parse(await response.json()).error.fields?.file).toMatch(/200×200/);
      expect(decodeSlots.stats()).toMatchObject({ active: 1, waiting: 0 });
    } finally {
      release();
    }
  });
});

describe("16-bit images", () => {
  const deep = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } }).toColourspace("rgb16").png().toBuffer();

  it("refuses one above 16 MP, saying what to change", async () => {
    const response = await upload(h.url, await deep(5000, 4000), "deep.png", "image/png");
    expect(response.status).toBe(422);
    const { error } = apiErrorSchema.parse(await response.json());
    expect(error.fields?.file).toMatch(/5000×4000 px \(20 MP\) at 16 bits per channel\. Save it as 8-bit or shrink it below 16 MP/);
    expect(tempFiles()).toEqual([]);
  });

  it("accepts a small one", async () => {
    expect((await upload(h.url, await deep(1200, 800), "deep-small.png", "image/png")).status).toBe(201);
  });
});

describe("the last frame of a take", () => {
  it("is extracted once: asking again answers the same library image without the video", async () => {
    const start = uploadSchema.parse(await (await upload(h.url, await testImage(1280, 720), "start.jpg")).json());
    const take = (await (await postJson(h.url, "/api/generations", { model: "gen3a_turbo", prompt: "on", image: { uploadId: start.id }, ratio: "16:9", duration: 5 })).json()) as { id: string };
    expect((await waitForTerminal(h.url, take.id)).status).toBe("completed");
    const first = await postJson(h.url, "/api/uploads/from-video", { generationId: take.id });
    expect(first.status).toBe(201);
    const frame = uploadSchema.parse(await first.json());
    // ffmpeg can't run again on a video that is gone: the answer must come from what was kept.
    rmSync(join(h.dataDir, "media", "videos", `${take.id}.mp4`));
    const again = await postJson(h.url, "/api/uploads/from-video", { generationId: take.id });
    expect(again.status).toBe(200);
    expect(uploadSchema.parse(await again.json())).toEqual(frame);
  });
});
