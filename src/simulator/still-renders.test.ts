import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_KEY, createGeneration, pollUntilDone, testImageDataUri } from "./sim-test-client";
import { startSimulator, type Simulator } from "./simulator";

let dataDir: string;
let sim: Simulator;
const lines: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "sim-still-renders-"));
  sim = await startSimulator({ apiKey: TEST_KEY, dataDir, timeScale: 0.02, render: "still", log: (line) => lines.push(line) });
});
afterAll(async () => {
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function videoOf(body: Record<string, unknown>): Promise<Buffer> {
  const { id } = (await (await createGeneration(sim.url, { model: "gen3a_turbo", prompt: "held", duration: 5, ...body })).json()) as { id: string };
  const { reply } = await pollUntilDone(sim.url, id, 60_000);
  return Buffer.from(await (await fetch((reply.video as string[])[0]!)).arrayBuffer());
}

it("renders a held frame once per frame, size and length, and copies it for later takes of the same", async () => {
  const blue = await testImageDataUri(640, 360, "jpeg", "#3366cc");
  const first = await videoOf({ image_url: blue, seed: 1 });
  const again = await videoOf({ image_url: blue, seed: 2 });
  const red = await videoOf({ image_url: await testImageDataUri(640, 360, "jpeg", "#cc3300"), seed: 1 });
  expect(again.equals(first)).toBe(true);
  expect(red.equals(first)).toBe(false);
  expect(lines.filter((line) => /^(rendered|copied) /.test(line)).map((line) => line.split(" ")[0])).toEqual(["rendered", "copied", "rendered"]);
}, 90_000);
