import { afterEach, describe, expect, it } from "vitest";
import { takeSchema } from "../../shared/take";
import { parseEnv } from "../env";
import { postJson, startHarness, testImage, upload, waitForTerminal, type Harness } from "../testing/studio-harness";

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

async function sendTake(harness: Harness, model: "gen4_turbo" | "gen3a_turbo") {
  const image = (await (await upload(harness.url, await testImage(640, 384))).json()) as { id: string };
  const lastFrame = model === "gen3a_turbo" ? { lastImage: { uploadId: image.id } } : {};
  return postJson(harness.url, "/api/generations", { model, prompt: "the harbour at dawn", image: { uploadId: image.id }, ratio: "9:16", duration: 5, ...lastFrame });
}

describe("AIMLAPI_ENDPOINTS, over HTTP with the simulator", () => {
  it("universal: takes (a last frame too) are made, archived and played when the vendor URL is switched off", async () => {
    h = await startHarness({ AIMLAPI_ENDPOINTS: "universal", SIMULATOR_ENDPOINTS: "universal" });
    for (const model of ["gen4_turbo", "gen3a_turbo"] as const) {
      const created = await sendTake(h, model);
      expect(created.status).toBe(201);
      const done = takeSchema.parse(await waitForTerminal(h.url, takeSchema.parse(await created.json()).id));
      expect(done).toMatchObject({ status: "completed", ratio: "9:16", lastImage: model === "gen3a_turbo" ? expect.anything() : null });
      const video = await fetch(`${h.url}${done.video!.url}`);
      expect(video.status).toBe(200);
      expect((await video.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect(h.simulator!.stats().creates).toBe(2);
  });

  it("vendor (the default) against a provider that switched the vendor URL off: the take fails with the provider's answer, and no model is marked retired", async () => {
    h = await startHarness({ SIMULATOR_ENDPOINTS: "universal" });
    const refused = await sendTake(h, "gen4_turbo");
    expect(refused.status).toBe(502);
    expect(await refused.json()).toEqual({ error: { code: "upstream_unavailable", message: "The AI/ML API answered 404 to a create at /v2/generate/video/runway/generation. If it has switched that URL off, set AIMLAPI_ENDPOINTS=universal and restart." } });
    const models = (await (await fetch(`${h.url}/api/models`)).json()) as { models: { id: string; availability: { state: string } }[] };
    expect(models.models.find((m) => m.id === "gen4_turbo")?.availability.state).toBe("available");
    expect(h.simulator!.stats().creates).toBe(0);
  });

  it("refuses any other value with a message naming both", () => {
    expect(parseEnv({ AIMLAPI_ENDPOINTS: "vendor" }).AIMLAPI_ENDPOINTS).toBe("vendor");
    expect(parseEnv({}).AIMLAPI_ENDPOINTS).toBe("vendor");
    expect(() => parseEnv({ AIMLAPI_ENDPOINTS: "v2" })).toThrow(/AIMLAPI_ENDPOINTS must be "vendor" or "universal"/);
    expect(() => parseEnv({ SIMULATOR_ENDPOINTS: "vendor" })).toThrow(/SIMULATOR_ENDPOINTS must be "both" or "universal"/);
  });
});
