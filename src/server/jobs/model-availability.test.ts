import { afterEach, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { modelsResponseSchema } from "../../shared/api";
import { takeSchema } from "../../shared/take";
import { parseEnv } from "../env";
import { postJson, startHarness, testImage, upload, waitForTerminal, type Harness } from "../testing/studio-harness";
import { createModelAvailability, refusesModel, RETIRED_FOR_MS } from "./model-availability";

describe("refusesModel", () => {
  it("reads a 400, 404 or 410 that names the model and says it is gone as the model's refusal, and nothing else", () => {
    expect(refusesModel(404, "Model gen3a_turbo is no longer available", "gen3a_turbo", "gen3a_turbo")).toBe(true);
    expect(refusesModel(400, "model: runway/gen4_turbo is not supported", "gen4_turbo", "runway/gen4_turbo")).toBe(true);
    expect(refusesModel(410, "gen3a_turbo was retired", "gen3a_turbo", "gen3a_turbo")).toBe(true);
    // Not the model: a bad ratio, another model named, an outage, no words.
    expect(refusesModel(400, "ratio 1:1 is not supported for gen3a_turbo", "gen3a_turbo", "gen3a_turbo")).toBe(false);
    expect(refusesModel(400, "Unknown model: gen3a_turbo", "gen3a_turbo", "gen3a_turbo")).toBe(true);
    expect(refusesModel(400, "ratio must be one of 16:9, 9:16", "gen3a_turbo", "gen3a_turbo")).toBe(false);
    expect(refusesModel(404, "Model runway/gen4_turbo is no longer available", "gen3a_turbo", "gen3a_turbo")).toBe(false);
    expect(refusesModel(503, "gen3a_turbo is not available right now", "gen3a_turbo", "gen3a_turbo")).toBe(false);
    expect(refusesModel(404, null, "gen3a_turbo", "gen3a_turbo")).toBe(false);
  });
});

describe("createModelAvailability", () => {
  it("says deprecated from the table, unavailable once refused, and available again after a while", () => {
    let now = Date.UTC(2026, 11, 1);
    const availability = createModelAvailability(null, () => now);
    expect(availability.of("gen4_turbo")).toEqual({ state: "available", since: null, reason: null });
    expect(availability.of("gen3a_turbo")).toMatchObject({ state: "deprecated", since: "2026-07-30" });
    expect(availability.refusal("gen3a_turbo")).toBeNull();
    const reason = availability.markRetired("gen3a_turbo");
    expect(reason).toBe("Gen-3 Alpha Turbo was retired by Runway (the AI/ML API refused it as no longer available); takes made with it stay in the gallery. Choose another model.");
    expect(availability.of("gen3a_turbo")).toEqual({ state: "unavailable", since: new Date(now).toISOString(), reason });
    expect(availability.refusal("gen3a_turbo")).toBe(reason);
    now += RETIRED_FOR_MS;
    expect(availability.refusal("gen3a_turbo")).toBeNull();
  });

  it("leaves out what MODELS_ENABLED does not list, which must name known models", () => {
    const availability = createModelAvailability(parseEnv({ MODELS_ENABLED: "gen4_turbo" }).MODELS_ENABLED ?? null);
    expect(availability.refusal("gen3a_turbo")).toBe("Gen-3 Alpha Turbo is not enabled in this studio (MODELS_ENABLED). Choose another model.");
    expect(availability.refusal("gen4_turbo")).toBeNull();
    expect(parseEnv({ MODELS_ENABLED: "" }).MODELS_ENABLED).toBeUndefined();
    expect(() => parseEnv({ MODELS_ENABLED: "gen4_turbo, gen9" })).toThrow(/MODELS_ENABLED: unknown model gen9; use gen4_turbo, gen3a_turbo/);
  });
});

describe("a model that goes away, over HTTP", () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  const take = (uploadId: string, model: string) => ({ model, prompt: "the harbour at dawn", image: { uploadId }, ratio: "16:9", duration: 5 });

  it("is refused by the provider once, then refused here without sending; the form's list says why; old takes stay; the other model works", async () => {
    h = await startHarness({ SIMULATOR_RETIRED_MODELS: "gen3a_turbo" });
    const image = (await (await upload(h.url, await testImage(640, 384))).json()) as { id: string };
    const first = await postJson(h.url, "/api/generations", take(image.id, "gen3a_turbo"));
    expect(first.status).toBe(409);
    const error = apiErrorSchema.parse(await first.json()).error;
    expect(error).toMatchObject({ code: "model_unavailable", message: expect.stringMatching(/^Gen-3 Alpha Turbo was retired by Runway .* takes made with it stay in the gallery/) });
    expect(h.simulator!.stats().calls.create).toBe(1);

    const again = await postJson(h.url, "/api/generations", take(image.id, "gen3a_turbo"));
    expect(again.status).toBe(409);
    expect(apiErrorSchema.parse(await again.json()).error).toMatchObject({ code: "model_unavailable", fields: { model: error.message } });
    expect(h.simulator!.stats().calls.create).toBe(1);

    const models = modelsResponseSchema.parse(await (await fetch(`${h.url}/api/models`)).json()).models;
    expect(models.map((m) => [m.id, m.availability.state])).toEqual([
      ["gen4_turbo", "available"],
      ["gen3a_turbo", "unavailable"],
    ]);
    // The refused take is kept, failed with the reason; a take of the other model is made as usual.
    const list = (await (await fetch(`${h.url}/api/generations`)).json()) as { items: unknown[] };
    expect(list.items.map((item) => takeSchema.parse(item).error?.code)).toEqual(["model_unavailable"]);
    const other = takeSchema.parse(await (await postJson(h.url, "/api/generations", take(image.id, "gen4_turbo"))).json());
    expect(await waitForTerminal(h.url, other.id)).toMatchObject({ status: "completed" });
  });

  it("left out by MODELS_ENABLED is refused before anything is stored or sent", async () => {
    h = await startHarness({ MODELS_ENABLED: "gen4_turbo" });
    const image = (await (await upload(h.url, await testImage(640, 384))).json()) as { id: string };
    const refused = await postJson(h.url, "/api/generations", take(image.id, "gen3a_turbo"));
    expect(refused.status).toBe(409);
    expect(apiErrorSchema.parse(await refused.json()).error.code).toBe("model_unavailable");
    expect(h.simulator!.stats().calls.create).toBe(0);
    expect(((await (await fetch(`${h.url}/api/generations`)).json()) as { items: unknown[] }).items).toHaveLength(0);
  });
});
