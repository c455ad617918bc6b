import { describe, expect, it } from "vitest";
import { adaptToModel, closestModel, type TakeSettings } from "./closest-model";

const gen3a: TakeSettings = { model: "gen3a_turbo", prompt: "a harbour at dawn", ratio: "16:9", duration: 5, hasLastImage: true };

describe("the closest available model", () => {
  it("moves a take of Gen-3 Alpha Turbo to Gen-4 Turbo, dropping the last frame it can't use", () => {
    expect(closestModel(gen3a, ["gen4_turbo"])).toEqual({ model: "gen4_turbo", ratio: "16:9", duration: 5, dropsLastImage: true, changes: 1 });
    expect(closestModel({ ...gen3a, hasLastImage: false, ratio: "9:16", duration: 10 }, ["gen4_turbo", "gen3a_turbo"])).toEqual({
      model: "gen4_turbo",
      ratio: "9:16",
      duration: 10,
      dropsLastImage: false,
      changes: 0,
    });
  });

  it("gives a ratio the model lacks its nearest in shape, and never offers the take's own model or an unusable one", () => {
    const gen4: TakeSettings = { model: "gen4_turbo", prompt: "a harbour", ratio: "3:4", duration: 10, hasLastImage: false };
    expect(closestModel(gen4, ["gen3a_turbo"])).toMatchObject({ model: "gen3a_turbo", ratio: "9:16", duration: 10, changes: 1 });
    expect(closestModel({ ...gen4, ratio: "21:9" }, ["gen3a_turbo"])).toMatchObject({ ratio: "16:9" });
    expect(closestModel(gen4, ["gen4_turbo"])).toBeNull();
    expect(closestModel(gen4, [])).toBeNull();
  });

  it("refuses a model whose prompt rules the take can't meet, rather than cutting or inventing a prompt", () => {
    const untitled: TakeSettings = { model: "gen4_turbo", prompt: "  ", ratio: "16:9", duration: 5, hasLastImage: false };
    expect(adaptToModel(untitled, "gen3a_turbo")).toEqual({ ok: false, reason: "Gen-3 Alpha Turbo needs a prompt and this take has none." });
    expect(closestModel(untitled, ["gen3a_turbo"])).toBeNull();
    expect(adaptToModel({ ...untitled, prompt: "x".repeat(1001) }, "gen3a_turbo")).toEqual({ ok: false, reason: "Gen-3 Alpha Turbo takes prompts of up to 1000 characters." });
  });

  it("takes the nearest duration the model offers, the shorter on a tie", () => {
    const long = adaptToModel({ ...gen3a, duration: 12 }, "gen4_turbo");
    expect(long).toMatchObject({ ok: true, adaptation: { duration: 10, changes: 2 } });
    expect(adaptToModel({ ...gen3a, duration: 7.5 }, "gen4_turbo")).toMatchObject({ ok: true, adaptation: { duration: 5 } });
  });
});
