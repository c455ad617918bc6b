import { describe, expect, it } from "vitest";
import { parseCatalogue, takePrice } from "./read-catalogue";

describe("parseCatalogue", () => {
  it("reads prices per second or per generation from units, or from a bare pricing list, normalised by `per`", () => {
    const { ids, prices } = parseCatalogue({
      data: [
        { id: "runway/gen4_turbo", pricing: { units: [{ name: "second", price: 0.05, per: 1 }] } },
        { id: "gen3a_turbo", pricing: [{ name: "generation", price: 0.5 }] },
        { id: "per-ten", pricing: { units: [{ name: "seconds", price: 1, per: 10 }] } },
        { id: "chat/model", pricing: { units: [{ name: "token", price: 2, per: 1_000_000 }] } },
        { id: "unpriced" },
        { id: "garbled", pricing: { units: [{ name: "second", price: "cheap" }, { name: "second", price: -1 }, null] } },
        { pricing: [] },
        "not an entry",
      ],
    });
    expect(ids).toEqual(["runway/gen4_turbo", "gen3a_turbo", "per-ten", "chat/model", "unpriced", "garbled"]);
    expect(Object.fromEntries(prices)).toEqual({
      "runway/gen4_turbo": { perSecondUsd: 0.05, perTakeUsd: null },
      gen3a_turbo: { perSecondUsd: null, perTakeUsd: 0.5 },
      "per-ten": { perSecondUsd: 0.1, perTakeUsd: null },
    });
  });

  it("reads anything else as no catalogue, and a missing price as unknown, never zero", () => {
    expect(parseCatalogue(null).ids).toEqual([]);
    expect(parseCatalogue({ models: [] }).ids).toEqual([]);
    expect(takePrice(undefined, 5)).toBeNull();
    expect(takePrice({ perSecondUsd: 0.05, perTakeUsd: 0.9 }, 10)).toBeCloseTo(0.5);
    expect(takePrice({ perSecondUsd: null, perTakeUsd: 0.9 }, 10)).toBe(0.9);
  });
});

describe("parseCatalogue's video models", () => {
  it("are the entries typed as video, or without a type a Runway id or a model Dailies uses (gen3a_turbo has no runway/)", () => {
    const { ids, videoIds } = parseCatalogue({
      data: [{ id: "gen3a_turbo" }, { id: "runway/gen4_aleph" }, { id: "gpt-4o" }, { id: "kling/v2", type: "video-generation" }, { id: "flux/dev", type: "image" }, { id: "runway/gen4_turbo", type: "video" }],
    });
    expect(ids).toHaveLength(6);
    expect(videoIds).toEqual(["gen3a_turbo", "runway/gen4_aleph", "kling/v2", "runway/gen4_turbo"]);
  });
});

describe("parseCatalogue's prices, at the edges", () => {
  it("takes a free price, trims and folds unit names, divides per-take prices by `per`, and reads a bad `per` as 1", () => {
    const { prices } = parseCatalogue([
      { id: "free", pricing: [{ name: " Second ", price: 0 }] },
      { id: "per-two", pricing: [{ name: "Generations", price: 1, per: 2 }] },
      { id: "per-text", pricing: [{ name: "second", price: 0.4, per: "2" }] },
      { id: "per-zero", pricing: [{ name: "second", price: 0.4, per: 0 }] },
      { id: "per-negative", pricing: [{ name: "second", price: 0.4, per: -2 }] },
      { id: "unnamed", pricing: [{ price: 0.4 }, { name: 7, price: 0.4 }] },
      { id: "infinite", pricing: [{ name: "second", price: Number.POSITIVE_INFINITY }] },
      { id: "   ", pricing: [{ name: "second", price: 1 }] },
    ]);
    expect(Object.fromEntries(prices)).toEqual({
      free: { perSecondUsd: 0, perTakeUsd: null },
      "per-two": { perSecondUsd: null, perTakeUsd: 0.5 },
      "per-text": { perSecondUsd: 0.4, perTakeUsd: null },
      "per-zero": { perSecondUsd: 0.4, perTakeUsd: null },
      "per-negative": { perSecondUsd: 0.4, perTakeUsd: null },
    });
  });

  it("reads an object without `data` as no entries, and a typed entry by its type alone", () => {
    expect(parseCatalogue({ id: "runway/gen4_turbo" })).toEqual({ ids: [], videoIds: [], prices: new Map() });
    expect(parseCatalogue({ data: [{ id: "my-runway/clone" }, { id: "runway/gen4_image", type: "image" }] }).videoIds).toEqual([]);
  });
});
