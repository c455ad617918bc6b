/**
 * A restarted simulator continues its jobs as a real provider would: same ids, the timeline
 * on the wall clock, an interrupted render done again, a finished one still served.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_KEY, createGeneration, pollGeneration, pollUntilDone, startTestSimulator, testImageDataUri } from "./sim-test-client";
import type { Simulator } from "./simulator";

let dataDir: string;
let image: string;
const open: Simulator[] = [];
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "sim-restart-"));
  image = await testImageDataUri();
});
afterAll(async () => {
  await Promise.all(open.map((sim) => sim.close()));
  await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<Simulator> {
  const sim = await startTestSimulator({ apiKey: TEST_KEY, dataDir, timeScale: 0.08, timing: "fixed", persist: true });
  open.push(sim);
  return sim;
}

describe("the simulator across a restart", () => {
  it("continues a job whose render was cut off, and keeps serving a finished one", async () => {
    const first = await start();
    const done = (await (await createGeneration(first.url, { model: "gen3a_turbo", image_url: image, prompt: "first take", ratio: "16:9" })).json()) as { id: string };
    expect((await pollUntilDone(first.url, done.id)).reply.status).toBe("completed");
    // Another length than the first: a still render of the same frame, size and length would be a copy of the first's, made at once (still-renders.ts).
    const cut = (await (await createGeneration(first.url, { model: "gen3a_turbo", image_url: image, prompt: "second take", ratio: "16:9", duration: 10 })).json()) as { id: string };
    await first.close();
    // The render was cut off: the file is not there.
    await expect(readFile(path.join(dataDir, `${cut.id}.mp4`))).rejects.toThrow();

    const second = await start();
    const { reply, seen } = await pollUntilDone(second.url, cut.id);
    expect(reply.status).toBe("completed");
    expect(reply.id).toBe(cut.id);
    // Its timeline kept running through the restart: never back to "queued" once generating.
    expect(seen.lastIndexOf("queued")).toBeLessThan(Math.max(0, seen.indexOf("generating")) + (seen.includes("generating") ? 0 : 1));
    const video = await fetch((reply.video as string[])[0]!);
    expect(video.status).toBe(200);
    expect((await video.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const again = (await (await pollGeneration(second.url, done.id)).json()) as { status: string; video: string[] };
    expect(again.status).toBe("completed");
    expect((await fetch(again.video[0]!)).status).toBe(200);
  });

  it("sets an unreadable jobs file aside and starts empty", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "sim-broken-"));
    await writeFile(path.join(dir, "jobs.json"), "{not json");
    const sim = await startTestSimulator({ apiKey: TEST_KEY, dataDir: dir, timeScale: 0.08, persist: true });
    expect((await pollGeneration(sim.url, "no-such-job")).status).toBe(404);
    await sim.close();
    await expect(readFile(path.join(dir, "jobs.json"))).rejects.toThrow();
    await rm(dir, { recursive: true, force: true });
  });
});

describe("the jobs file", () => {
  it("keeps a data-URI image as its bytes beside the file, not as text inside it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "sim-file-"));
    const sim = await startTestSimulator({ apiKey: TEST_KEY, dataDir: dir, timeScale: 0.08, persist: true });
    await createGeneration(sim.url, { model: "gen3a_turbo", image_url: image, prompt: "kept small", ratio: "16:9" });
    await sim.close();
    const text = await readFile(path.join(dir, "jobs.json"), "utf8");
    expect(text).not.toContain("base64");
    expect(text.length).toBeLessThan(1000);
    await rm(dir, { recursive: true, force: true });
  });
});
