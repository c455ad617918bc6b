import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { takeSchema } from "../shared/take";
import type { Simulator } from "../simulator/simulator";
import { startTestSimulator } from "../simulator/sim-test-client";
import { startFakeUpstream } from "./testing/fake-upstream";
import { spawnBff } from "./testing/spawn-bff";
import { postJson, testImage, upload, waitForTerminal } from "./testing/studio-harness";
import { testVideo } from "./testing/test-video";

const KEY = "sim-restart-test-key";
let simulator: Simulator;
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "dailies-restart-"));
  // The upstream runs in this process so it outlives the BFF it is killing.
  simulator = await startTestSimulator({ apiKey: KEY, dataDir: join(dataDir, "upstream"), timeScale: 0.06 });
});
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await simulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function startBff(upstream = simulator.url, studioDir = join(dataDir, "studio")) {
  return spawnBff({ AIMLAPI_KEY: KEY, AIMLAPI_BASE_URL: upstream, DATA_DIR: studioDir, POLL_INTERVAL_MS: "200" }, children);
}

it("a BFF killed with kill -9 mid-job finishes every job after restart, creating none twice", async () => {
  const first = await startBff();
  const image = (await (await upload(first.url, await testImage())).json()) as { id: string };
  const ids: string[] = [];
  for (const model of ["gen4_turbo", "gen3a_turbo", "gen3a_turbo"]) {
    const response = await postJson(first.url, "/api/generations", { model, prompt: "restart me", image: { uploadId: image.id }, ratio: "16:9", duration: 5 });
    expect(response.status).toBe(201);
    ids.push(((await response.json()) as { id: string }).id);
  }
  const running = await Promise.all(ids.map(async (id) => takeSchema.parse(await (await fetch(`${first.url}/api/generations/${id}`)).json())));
  expect(running.every((g) => g.status !== "completed")).toBe(true);
  first.child.kill("SIGKILL");
  await new Promise((resolve) => first.child.once("exit", resolve));

  const second = await startBff();
  const done = await Promise.all(ids.map((id) => waitForTerminal(second.url, id, 60_000)));
  expect(done.map((g) => g.status)).toEqual(["completed", "completed", "completed"]);
  expect(simulator.stats().creates).toBe(3);
  const list = (await (await fetch(`${second.url}/api/generations`)).json()) as { items: unknown[] };
  expect(list.items).toHaveLength(3);
  second.child.kill("SIGTERM");
}, 90_000);

it("a BFF killed with kill -9 while a take is finishing archives it after restart, created once", async () => {
  const mp4 = await testVideo();
  let videoRequests = 0;
  let release = () => {};
  const hung = new Promise<void>((resolve) => (release = resolve));
  let downloading = () => {};
  const firstDownload = new Promise<void>((resolve) => (downloading = resolve));
  // The first download of the result never answers, so the take is reliably caught finishing.
  const fake = await startFakeUpstream(async (r) => {
    if (r.url.startsWith("/video")) {
      if (++videoRequests === 1) {
        downloading();
        await hung;
      }
      return { bytes: mp4 };
    }
    if (r.method === "POST") return { status: 201, json: { id: "up-finishing", status: "queued" } };
    return { json: { id: "up-finishing", status: "completed", video: [`${fake.url}/video.mp4`] } };
  });
  const studioDir = join(dataDir, "studio-finishing");
  try {
    const first = await startBff(fake.url, studioDir);
    const body = { model: "gen4_turbo", prompt: "caught finishing", image: { url: "https://images.example.com/a.jpg" }, ratio: "16:9", duration: 5 };
    const { id } = (await (await postJson(first.url, "/api/generations", body)).json()) as { id: string };
    // Killed once the hung download has reached the upstream, not merely once the take reads
    // finishing: killed in between, the restarted BFF's download was the hung first one.
    await firstDownload;
    const caught = takeSchema.parse(await (await fetch(`${first.url}/api/generations/${id}`)).json());
    expect(caught.status).toBe("finishing");
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));

    const second = await startBff(fake.url, studioDir);
    const done = takeSchema.parse(await waitForTerminal(second.url, id, 30_000));
    expect(done).toMatchObject({ status: "completed", video: { bytes: mp4.length } });
    expect(fake.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(videoRequests).toBe(2);
    const served = await fetch(`${second.url}${done.video!.url}`);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(mp4);
    second.child.kill("SIGTERM");
  } finally {
    release();
    await fake.close();
  }
}, 90_000);
