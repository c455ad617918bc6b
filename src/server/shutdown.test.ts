import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { startFakeUpstream } from "./testing/fake-upstream";
import { spawnBff } from "./testing/spawn-bff";
import { postJson, waitForTerminal } from "./testing/studio-harness";
import { testVideo } from "./testing/test-video";

const KEY = "shutdown-test-key";
const dataDir = mkdtempSync(join(tmpdir(), "dailies-shutdown-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function startBff(upstream: string) {
  return spawnBff({ AIMLAPI_KEY: KEY, AIMLAPI_BASE_URL: upstream, DATA_DIR: dataDir, POLL_INTERVAL_MS: "100" }, children);
}

it("on SIGTERM it stops accepting, finishes the request in flight, exits cleanly, and the job resumes at restart", async () => {
  const video = await testVideo();
  let polls = 0;
  const upstream = await startFakeUpstream(async (r) => {
    if (r.url.startsWith("/video")) return { bytes: video };
    if (r.method === "POST") {
      await new Promise((done) => setTimeout(done, 1500)); // a slow create: in flight at SIGTERM
      return { status: 201, json: { id: "up-1", status: "queued" } };
    }
    polls++;
    return { json: { id: "up-1", status: "completed", video: [`${upstream.url}/video.mp4`] } };
  });
  try {
    const first = await startBff(upstream.url);
    const inFlight = postJson(first.url, "/api/generations", { model: "gen4_turbo", prompt: "in flight", image: { url: "https://images.example.com/a.jpg" }, ratio: "16:9", duration: 5 });
    await new Promise((done) => setTimeout(done, 300));
    const exited = new Promise<number | null>((done) => first.child.once("exit", done));
    first.child.kill("SIGTERM");
    await new Promise((done) => setTimeout(done, 200));
    await expect(fetch(`${first.url}/api/health`)).rejects.toThrow();

    const response = await inFlight;
    expect(response.status).toBe(201);
    const take = (await response.json()) as { id: string };
    expect(await exited).toBe(0);
    expect(polls).toBe(0); // not finished by the stopping process: left to be resumed
    expect(first.output()).toMatch(/shutting down/);
    expect(upstream.requests.filter((r) => r.method === "POST")).toHaveLength(1);

    const second = await startBff(upstream.url);
    expect((await waitForTerminal(second.url, take.id)).status).toBe("completed");
    expect(polls).toBeGreaterThan(0);
    expect(upstream.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    second.child.kill("SIGTERM");
  } finally {
    await upstream.close();
  }
}, 60_000);
