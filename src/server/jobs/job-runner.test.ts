import { afterEach, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { generationSchema } from "../../shared/generation";
import { startFakeUpstream, type FakeReply, type FakeRequest } from "../testing/fake-upstream";
import { postJson, startHarness, waitForTerminal, type Harness } from "../testing/studio-harness";

const KEY = "sk-fake-upstream-key-0001";
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypisom"), Buffer.alloc(2000, 1)]);
const body = { model: "gen4_turbo", prompt: "a lighthouse at dusk", image: { url: "https://images.example.com/a.jpg" }, ratio: "16:9", duration: 5 };

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** A studio whose upstream is a scripted fake: `poll` answers each GET of the job in turn. */
async function studioWith(poll: (n: number, base: string) => FakeReply, create?: (r: FakeRequest) => FakeReply, env: Record<string, string> = {}) {
  let polls = 0;
  let base = "";
  const videoHits: number[] = [];
  const fake = await startFakeUpstream((r) => {
    if (r.url.startsWith("/video")) {
      videoHits.push(Date.now());
      return poll(-videoHits.length, base);
    }
    if (r.method === "POST") return create ? create(r) : { status: 201, json: { id: "up-1", status: "queued" } };
    return poll(++polls, base);
  });
  base = fake.url;
  const h: Harness = await startHarness({ AIMLAPI_KEY: KEY, AIMLAPI_BASE_URL: fake.url, ...env });
  cleanups.push(fake.close, h.stop);
  return { h, fake, videoHits };
}

describe("the poller", () => {
  it("reads an `error` status with a string error as a failure at once (no polling until timeout)", async () => {
    const { h, fake } = await studioWith((n) => (n === 1 ? { json: { id: "up-1", status: "generating" } } : { json: { id: "up-1", status: "error", error: "INTERNAL.BAD_OUTPUT.CODE01 text in image" } }));
    const created = (await (await postJson(h.url, "/api/generations", body)).json()) as { id: string };
    const done = generationSchema.parse(await waitForTerminal(h.url, created.id));
    expect(done.error).toMatchObject({ code: "bad_output", message: /text in the image/ });
    expect(fake.requests.filter((r) => r.method === "GET")).toHaveLength(2);
  });

  it("keeps polling an unknown status and fails it at the deadline with a clear reason", async () => {
    const { h } = await studioWith(() => ({ json: { id: "up-1", status: "dreaming" } }), undefined, { JOB_DEADLINE_MINUTES: "0.01" });
    const created = (await (await postJson(h.url, "/api/generations", body)).json()) as { id: string };
    const done = generationSchema.parse(await waitForTerminal(h.url, created.id));
    expect(done.error).toMatchObject({ code: "deadline_exceeded", message: /did not finish this take within/ });
  });

  it("rides out 5xx polls without changing the job, then completes", async () => {
    const { h } = await studioWith((n, base) => {
      if (n < 0) return { bytes: MP4 };
      if (n <= 2) return { status: 503, json: { message: "Service Unavailable", statusCode: 503 } };
      return { json: { id: "up-1", status: "completed", video: { url: `${base}/video.mp4` }, meta: { usage: { credits_used: 42 } } } };
    });
    const created = (await (await postJson(h.url, "/api/generations", body)).json()) as { id: string };
    const done = generationSchema.parse(await waitForTerminal(h.url, created.id));
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
    const seen = new Set<string>();
    const until = Date.now() + 20_000;
    let last: { status: string } = { status: "queued" };
    while (Date.now() < until && last.status !== "completed" && last.status !== "failed") {
      last = generationSchema.parse(await (await fetch(`${h.url}/api/generations/${created.id}`)).json());
      seen.add(last.status);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(last.status).toBe("completed");
    expect(videoHits).toHaveLength(3);
    expect(seen).toContain("generating");
  });
});

describe("a failed create", () => {
  it("tells the form why (wrong key) and records a failed take, without a second create", async () => {
    const { h, fake } = await studioWith(() => ({ json: {} }), () => ({ status: 401, json: { message: "Unauthorized", statusCode: "401" } }));
    const response = await postJson(h.url, "/api/generations", body);
    expect(response.status).toBe(502);
    expect(apiErrorSchema.parse(await response.json()).error).toMatchObject({ code: "upstream_auth", message: /AIMLAPI_KEY/ });
    const list = (await (await fetch(`${h.url}/api/generations`)).json()) as { items: { status: string; error: { code: string } }[] };
    expect(list.items[0]).toMatchObject({ status: "failed", error: { code: "upstream_auth" } });
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
