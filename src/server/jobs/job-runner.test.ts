import { readdirSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { takeSchema, type Take } from "../../shared/take";
import { FAKE_KEY, studiosPerTest, takeBody, watch } from "../testing/fake-studio";
import { postJson, waitForTerminal } from "../testing/studio-harness";
import { testVideo } from "../testing/test-video";

const KEY = FAKE_KEY;
let MP4: Buffer;
beforeAll(async () => {
  MP4 = await testVideo(320, 240, 1);
});
const body = takeBody;
const readlinkOrNothing = (path: string) => {
  try {
    return readlinkSync(path);
  } catch {
    return "";
  }
};

const studioWith = studiosPerTest();

describe("the poller", () => {
  it("reads an `error` status with a string error as a failure at once (no polling until timeout)", async () => {
    const { h, fake } = await studioWith((n) => (n === 1 ? { json: { id: "up-1", status: "generating" } } : { json: { id: "up-1", status: "error", error: "INTERNAL.BAD_OUTPUT.CODE01 text in image" } }));
    const created = (await (await postJson(h.url, "/api/generations", body)).json()) as { id: string };
    const done = takeSchema.parse(await waitForTerminal(h.url, created.id));
    expect(done.error).toEqual({ code: "bad_output", message: expect.stringMatching(/text in the image/), detail: "INTERNAL.BAD_OUTPUT.CODE01 text in image", retryable: true });
    expect(done.timings.startedAt).not.toBeNull();
    expect(done.timings.finishedAt).not.toBeNull();
    expect(fake.requests.filter((r) => r.method === "GET")).toHaveLength(2);
  });

  it("rides out a one-off 404 on a poll instead of failing a paid take", async () => {
    const { h } = await studioWith((n, base) => {
      if (n < 0) return { bytes: MP4 };
      if (n === 1) return { status: 404, json: { message: "Not Found", statusCode: 404 } };
      return { json: { id: "up-1", status: "completed", video: [`${base}/video.mp4`] } };
    });
    const created = (await (await postJson(h.url, "/api/generations", body)).json()) as { id: string };
    expect(takeSchema.parse(await waitForTerminal(h.url, created.id)).status).toBe("completed");
  });

  it("keeps polling an unknown status and fails it at the deadline with a clear reason", async () => {
    const { h } = await studioWith(() => ({ json: { id: "up-1", status: "dreaming" } }), undefined, { JOB_DEADLINE_MINUTES: "0.01" });
    const created = (await (await postJson(h.url, "/api/generations", body)).json()) as { id: string };
    const done = takeSchema.parse(await waitForTerminal(h.url, created.id));
    expect(done.error).toMatchObject({ code: "deadline_exceeded", message: /did not finish this take within/, detail: /"dreaming"/, retryable: true });
  });

  it("never acts on a poll reply over 1 MB: the take is not completed from it", async () => {
    const { h, videoHits } = await studioWith(
      (n, base) => (n < 0 ? { bytes: MP4 } : { json: { id: "up-1", status: "completed", video: [`${base}/video.mp4`], padding: "x".repeat(2 << 20) }, chunked: true }),
      undefined,
      { JOB_DEADLINE_MINUTES: "0.02" },
    );
    const created = (await (await postJson(h.url, "/api/generations", body)).json()) as { id: string };
    const done = takeSchema.parse(await waitForTerminal(h.url, created.id));
    expect(done).toMatchObject({ status: "failed", error: { code: "deadline_exceeded" } });
    expect(videoHits).toHaveLength(0);
  });

  it("rides out 5xx polls without changing the job, then completes", async () => {
    const { h } = await studioWith((n, base) => {
      if (n < 0) return { bytes: MP4 };
      if (n <= 2) return { status: 503, json: { message: "Service Unavailable", statusCode: 503 } };
      return { json: { id: "up-1", status: "completed", video: { url: `${base}/video.mp4` }, meta: { usage: { credits_used: 42 } } } };
    });
    const created = (await (await postJson(h.url, "/api/generations", body)).json()) as { id: string };
    const done = takeSchema.parse(await waitForTerminal(h.url, created.id));
    expect(done).toMatchObject({ status: "completed", usage: { tokensUsed: 42 }, video: { bytes: MP4.length } });
  });

  it("retries a failed archive download and shows the take unfinished until the file is safe", async () => {
    const { h, videoHits } = await studioWith((n, base) => {
      if (n === -1) return { status: 500, text: "oops" };
      if (n === -2) return { bytes: Buffer.from("<html>not a video</html>") };
      if (n < 0) return { bytes: MP4 };
      return { json: { id: "up-1", status: "completed", video: [`${base}/video.mp4`] } };
    });
    const created = (await (await postJson(h.url, "/api/generations", body)).json()) as { id: string };
    const { seen, last } = await watch(h, created.id);
    expect(last.status).toBe("completed");
    expect(videoHits).toHaveLength(3);
    expect(seen).toContain("finishing");
  });

  it("shows `finishing` while the archive download is slow, then stores the video's facts, poster and timings", async () => {
    const { h, fake } = await studioWith(async (n, base) => {
      if (n < 0) {
        await new Promise((r) => setTimeout(r, 1200));
        return { bytes: MP4 };
      }
      if (n === 1) return { json: { id: "up-1", status: "generating" } };
      return { json: { id: "up-1", status: "completed", video: [`${base}/video.mp4`] } };
    });
    const created = (await (await postJson(h.url, "/api/generations", body)).json()) as { id: string };
    const { seen, last } = await watch(h, created.id);
    expect(seen).toContain("finishing");
    expect(last.status).toBe("completed");
    // Nothing of the archive is left open: a studio runs for months.
    const media = join(h.dataDir, "media");
    expect(readdirSync("/proc/self/fd").filter((fd) => readlinkOrNothing(`/proc/self/fd/${fd}`).startsWith(media))).toEqual([]);
    expect(last.video).toMatchObject({ width: 320, height: 240, bytes: MP4.length, posterUrl: `/media/posters/${created.id}.jpg` });
    expect(last.video!.durationSeconds).toBeCloseTo(1, 1);
    expect(fake.requests.find((r) => r.url.startsWith("/video"))?.headers.accept).toBe("video/mp4");
    const poster = await fetch(`${h.url}${last.video!.posterUrl}`);
    expect(poster.status).toBe(200);
    expect(Buffer.from(await poster.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const { submittedAt, startedAt, finishedAt } = last.timings;
    const times = [last.createdAt, submittedAt, startedAt, finishedAt, last.completedAt].map((t) => Date.parse(t ?? ""));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // The download took ≥ 1.2 s: done upstream is not the same moment as safe in the studio.
    expect(times[4]! - times[3]!).toBeGreaterThanOrEqual(1000);
  });

  it.each([
    ["a truncated MP4 (honest Content-Length)", () => MP4.subarray(0, Math.floor(MP4.length / 2))],
    ["an HTML page served as video/mp4", () => Buffer.from("<html>signed URL expired</html>")],
    ["an ftyp header with junk after it", () => Buffer.concat([MP4.subarray(0, 32), Buffer.alloc(4000, 7)])],
    // ffmpeg's mov reader would decode it, but it is no MP4 to store and serve as one.
    ["a file whose first box is not ftyp", () => Buffer.concat([MP4.subarray(0, 4), Buffer.from("free"), MP4.subarray(8)])],
  ])("never completes %s: retried, then failed with a clear reason", async (_label, bytes) => {
    const { h, videoHits } = await studioWith((n, base) => {
      if (n < 0) return { bytes: bytes() };
      return { json: { id: "up-1", status: "completed", video: [`${base}/video.mp4`] } };
    });
    const created = (await (await postJson(h.url, "/api/generations", body)).json()) as { id: string };
    const { seen, last } = await watch(h, created.id);
    expect(seen).not.toContain("completed");
    expect(last).toMatchObject({ status: "failed", video: null, error: { code: "archive_failed", message: /could not be saved/, retryable: true } });
    expect(last.error!.detail).toMatch(/^The provider's result (is not a video that plays|could not be downloaded)\.$/);
    expect(videoHits).toHaveLength(6);
    expect((await fetch(`${h.url}/media/videos/${created.id}.mp4`)).status).toBe(404);
    expect(readdirSync(join(h.dataDir, "media", "tmp"))).toEqual([]);
  }, 60_000);
});

describe("a failed create", () => {
  it("tells the form why (wrong key) and records a failed take, without a second create", async () => {
    const { h, fake } = await studioWith(() => ({ json: {} }), () => ({ status: 401, json: { message: "Unauthorized", statusCode: "401" } }));
    const response = await postJson(h.url, "/api/generations", body);
    expect(response.status).toBe(502);
    expect(apiErrorSchema.parse(await response.json()).error).toMatchObject({ code: "upstream_auth", message: /AIMLAPI_KEY/ });
    const list = (await (await fetch(`${h.url}/api/generations`)).json()) as { items: Take[] };
    expect(list.items[0]).toMatchObject({ status: "failed", error: { code: "upstream_auth", detail: "Unauthorized", retryable: false } });
    expect(fake.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("passes 429 on as a rate-limit message", async () => {
    const { h } = await studioWith(() => ({ json: {} }), () => ({ status: 429, json: { message: "Too Many Requests" }, headers: { "retry-after": "30" } }));
    const response = await postJson(h.url, "/api/generations", body);
    expect(response.status).toBe(429);
    expect(apiErrorSchema.parse(await response.json()).error.message).toMatch(/rate limiting/);
  });

  it("never lets the key reach a response or the log", async () => {
    const { h } = await studioWith(() => ({ json: { id: "up-1", status: "queued" } }), (r) => ({ status: 400, json: { message: `bad ${String(r.headers.authorization)}` } }));
    const text = await (await postJson(h.url, "/api/generations", body)).text();
    expect(text).not.toContain(KEY);
    expect(h.logLines.join("\n")).not.toContain(KEY);
    expect(h.logLines.length).toBeGreaterThan(0);
  });
});
