import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apiErrorSchema } from "../../shared/api-error";
import type { Simulator } from "../../simulator/simulator";
import { startTestSimulator } from "../../simulator/sim-test-client";
import { postJson, startHarness, testImage, upload, type Harness } from "../testing/studio-harness";

const KEY = "sk-default-limits-0001";
let simulator: Simulator;
let simDir: string;
let h: Harness | null = null;

beforeAll(async () => {
  simDir = mkdtempSync(join(tmpdir(), "dailies-limits-sim-"));
  // Slow enough that every take is still running when the next is asked for.
  simulator = await startTestSimulator({ apiKey: KEY, dataDir: simDir, timeScale: 1 });
});
afterAll(async () => {
  await simulator.close();
  rmSync(simDir, { recursive: true, force: true });
});
afterEach(async () => {
  await h?.stop();
  h = null;
});

async function paidStudio(env: Record<string, string>) {
  h = await startHarness({ AIMLAPI_KEY: KEY, AIMLAPI_BASE_URL: simulator.url, ...env });
  const image = (await (await upload(h.url, await testImage())).json()) as { id: string };
  return { h, body: { model: "gen4_turbo", prompt: "a default limit", image: { uploadId: image.id }, ratio: "16:9", duration: 5 } };
}

describe("default spend limits with a real key", () => {
  it("with no LIMIT_* set, a fifth running take for one person is refused and the start-up log says why", async () => {
    const { h, body } = await paidStudio({ LIMIT_RUNNING_PER_USER: "", LIMIT_DAILY_STUDIO: "" });
    expect(h.logLines.join("\n")).toMatch(/LIMIT_RUNNING_PER_USER=4, LIMIT_DAILY_STUDIO=200/);
    const creates = simulator.stats().creates;
    const accepted = await postJson(h.url, "/api/generations/batch", { ...body, variations: 4 });
    expect(accepted.status).toBe(201);
    const refused = await postJson(h.url, "/api/generations", body);
    expect(refused.status).toBe(429);
    const error = apiErrorSchema.parse(await refused.json()).error;
    expect(error.code).toBe("limit_reached");
    expect(error.message).toMatch(/at once is 4/);
    expect(simulator.stats().creates - creates).toBe(4);
  });

  it("an explicit 0 still means no limit, and says nothing about defaults", async () => {
    const { h, body } = await paidStudio({ LIMIT_RUNNING_PER_USER: "0", LIMIT_DAILY_STUDIO: "0" });
    expect(h.logLines.join("\n")).not.toMatch(/Spend limits not set/);
    expect((await postJson(h.url, "/api/generations/batch", { ...body, variations: 4 })).status).toBe(201);
    expect((await postJson(h.url, "/api/generations", body)).status).toBe(201);
  });

  it("the simulator spends nothing, so it starts with no default limit", async () => {
    h = await startHarness({ LIMIT_RUNNING_PER_USER: "", LIMIT_DAILY_STUDIO: "", SIMULATOR_TIME_SCALE: "1" });
    const image = (await (await upload(h.url, await testImage())).json()) as { id: string };
    const body = { model: "gen4_turbo", prompt: "free", image: { uploadId: image.id }, ratio: "16:9", duration: 5, variations: 4 };
    expect((await postJson(h.url, "/api/generations/batch", body)).status).toBe(201);
    expect((await postJson(h.url, "/api/generations/batch", body)).status).toBe(201);
    expect(h.logLines.join("\n")).not.toMatch(/Spend limits not set/);
  });
});
