import { describe, expect, it } from "vitest";
import { startWithFaults, setUpFaultFixtures } from "./fault-test-support";
import { TEST_KEY } from "./sim-test-client";

setUpFaultFixtures();

describe("GET /v1/models", () => {
  it("lists the models, priced per second of video on include=pricing, and answers 304 to a copy that still holds", async () => {
    const sim = await startWithFaults({});
    const get = (query: string, headers: Record<string, string> = {}) => fetch(`${sim.url}/v1/models${query}`, { headers: { authorization: `Bearer ${TEST_KEY}`, ...headers } });
    const plain = (await (await get("")).json()) as { data: Record<string, unknown>[] };
    expect(plain.data.map((entry) => entry.id)).toEqual(["runway/gen4_turbo", "gen3a_turbo"]);
    expect(plain.data[0]).not.toHaveProperty("pricing");

    const priced = await get("?include=pricing");
    const etag = priced.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]{16}"$/);
    const body = (await priced.json()) as { data: { pricing: { units: { name: string; price: number; per: number }[] } }[] };
    expect(body.data[0]?.pricing.units).toEqual([{ name: "second", content: "video", origin: "generated", price: 0.025, per: 1 }]);
    expect((await get("?include=pricing", { "if-none-match": etag! })).status).toBe(304);
    expect((await get("?include=pricing", { "if-none-match": '"stale"' })).status).toBe(200);
    expect((await fetch(`${sim.url}/v1/models`)).status).toBe(401);
  });

});
