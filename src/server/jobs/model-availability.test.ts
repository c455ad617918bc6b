import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { modelsResponseSchema } from "../../shared/api";
import { familySchema } from "../../shared/family";
import { takeSchema } from "../../shared/take";
import { parseEnv } from "../env";
import { postJson, startHarness, testImage, upload, uploadedId, waitForTerminal, type Harness } from "../testing/studio-harness";
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

describe("re-running a take of a retired model, over HTTP", () => {
  let h: Harness | null = null;
  let dir = "";
  afterEach(async () => {
    await h?.stop();
    h = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the old take playing, accepts the re-run with the closest model (its settings adapted) and still refuses the retired one with nothing sent", async () => {
    dir = mkdtempSync(join(tmpdir(), "dailies-rerun-retired-"));
    // Made while the model was still served…
    h = await startHarness({}, dir);
    const [first, last] = [await uploadedId(h.url, await testImage(720, 1280)), await uploadedId(h.url, await testImage(720, 1280))];
    const made = await postJson(h.url, "/api/generations", { model: "gen3a_turbo", prompt: "the harbour at dawn", image: { uploadId: first }, lastImage: { uploadId: last }, ratio: "9:16", duration: 5 });
    const old = takeSchema.parse(await made.json());
    expect(await waitForTerminal(h.url, old.id)).toMatchObject({ status: "completed" });
    await h.stop();

    // …then retired by the provider.
    h = await startHarness({ SIMULATOR_RETIRED_MODELS: "gen3a_turbo" }, dir);
    const rerun = (body: unknown) => postJson(h!.url, `/api/generations/${old.id}/rerun`, body);
    const refused = await rerun({ seed: "same" });
    expect(refused.status).toBe(409);
    expect(apiErrorSchema.parse(await refused.json()).error.code).toBe("model_unavailable");
    expect(h.simulator!.stats().calls.create).toBe(1);

    const offered = await rerun({ seed: "same", model: "gen4_turbo" });
    expect(offered.status).toBe(201);
    const made4 = takeSchema.parse(await offered.json());
    expect(made4).toMatchObject({ model: "gen4_turbo", prompt: "the harbour at dawn", ratio: "9:16", duration: 5, lastImage: null, seed: old.seed, sourceId: old.id });
    expect(made4.image.uploadId).toBe(first);
    expect(await waitForTerminal(h.url, made4.id)).toMatchObject({ status: "completed", model: "gen4_turbo" });
    expect(h.simulator!.stats().calls.create).toBe(2);
    // Its family says how it came: not "re-run exactly", not "edited in the form".
    const family = familySchema.parse(await (await fetch(`${h.url}/api/generations/${made4.id}/family`)).json());
    expect(family.members.find((member) => member.id === made4.id)).toMatchObject({ parentId: old.id, how: "other_model" });

    // The retired model is refused here now, with nothing sent.
    const again = await rerun({ seed: "new" });
    expect(again.status).toBe(409);
    expect(apiErrorSchema.parse(await again.json()).error).toMatchObject({ code: "model_unavailable", fields: { model: expect.stringMatching(/^Gen-3 Alpha Turbo was retired/) } });
    expect(h.simulator!.stats().calls.create).toBe(2);

    // The old take still plays.
    const kept = takeSchema.parse(await (await fetch(`${h.url}/api/generations/${old.id}`)).json());
    expect(kept.status).toBe("completed");
    const video = await fetch(`${h.url}${kept.video!.url}`);
    expect(video.status).toBe(200);
    expect(video.headers.get("content-type")).toBe("video/mp4");
    expect((await video.arrayBuffer()).byteLength).toBe(kept.video!.bytes);
  });
});
