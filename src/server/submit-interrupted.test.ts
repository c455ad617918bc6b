import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { takeListSchema, takeSchema } from "../shared/take";
import type { Simulator } from "../simulator/simulator";
import { startTestSimulator } from "../simulator/sim-test-client";
import { killHard, spawnBff } from "./testing/spawn-bff";
import { postJson, testImage, upload } from "./testing/studio-harness";

// A create whose reply never arrived may have been charged: it is failed, never sent again.
// A studio starting on a half-sent take, in this process: jobs/runner-start.test.ts.
const KEY = "sim-interrupted-test-key";
const INTERRUPTED = {
  code: "submit_interrupted",
  message: "Dailies stopped while sending this take, so it may not have reached the provider. Check your provider dashboard before generating it again.",
};
let simulator: Simulator;
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "dailies-interrupted-"));
  // The upstream accepts (and charges for) the first create, then never answers it.
  simulator = await startTestSimulator({
    apiKey: KEY,
    dataDir: join(dataDir, "upstream"),
    timeScale: 0.06,
    faults: { create: [{ kind: "hang-after-create", calls: [1] }] },
  });
});
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await simulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (const stop = Date.now() + 20_000; !condition(); ) {
    if (Date.now() > stop) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

it("a BFF killed with kill -9 while the upstream holds its create open fails the take as submit_interrupted after restart, never creating it twice", async () => {
  const env = { AIMLAPI_KEY: KEY, AIMLAPI_BASE_URL: simulator.url, DATA_DIR: join(dataDir, "studio"), POLL_INTERVAL_MS: "100" };
  const first = await spawnBff(env, children);
  const image = (await (await upload(first.url, await testImage())).json()) as { id: string };
  const body = { model: "gen4_turbo", prompt: "caught mid-create", image: { uploadId: image.id }, ratio: "16:9", duration: 5 };
  const inFlight = postJson(first.url, "/api/generations", body).catch((error: unknown) => error);
  await until(() => simulator.stats().creates === 1, "the upstream to receive the create");
  await killHard(first.child);
  expect(await inFlight).toBeInstanceOf(Error); // the POST never got its answer

  const second = await spawnBff(env, children);
  const list = takeListSchema.parse(await (await fetch(`${second.url}/api/generations`)).json());
  expect(list.items).toHaveLength(1);
  const take = takeSchema.parse(await (await fetch(`${second.url}/api/generations/${list.items[0]!.id}`)).json());
  expect(take.status).toBe("failed");
  expect(take.error).toMatchObject(INTERRUPTED);
  expect(take.timings.submittedAt).toBeNull();
  expect(simulator.stats().calls.create).toBe(1);
  expect(simulator.stats().creates).toBe(1);
  await killHard(second.child);
}, 60_000);
