import { afterEach, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { takeBatchSchema } from "../../shared/take";
import { usageSchema } from "../../shared/usage";
import { postJson, startHarness, testImage, upload, waitForTerminal, type Harness } from "../testing/studio-harness";

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

async function studio(env: Record<string, string>) {
  h = await startHarness({ SIMULATOR_TIME_SCALE: "0.2", ...env });
  const image = (await (await upload(h.url, await testImage())).json()) as { id: string };
  const body = { model: "gen3a_turbo", prompt: "a limit test", image: { uploadId: image.id }, ratio: "16:9", duration: 5 };
  return { h, body };
}

describe("spend limits over HTTP", () => {
  it("two submits racing for the last running slot: exactly one wins, nothing else is sent", async () => {
    const { h, body } = await studio({ LIMIT_RUNNING_PER_USER: "1" });
    const responses = await Promise.all([postJson(h.url, "/api/generations", body), postJson(h.url, "/api/generations", body)]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 429]);
    const refused = responses.find((r) => r.status === 429)!;
    const error = apiErrorSchema.parse(await refused.json()).error;
    expect(error.code).toBe("limit_reached");
    expect(error.message).toMatch(/You have 1 take running.*at once is 1.*when one of them finishes/);
    expect(h.simulator!.stats().creates).toBe(1);
    const list = (await (await fetch(`${h.url}/api/generations`)).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(1);
  });

  it("two submits with one Idempotency-Key racing for the last slot: one take, and the loser replays it", async () => {
    const { h, body } = await studio({ LIMIT_RUNNING_PER_USER: "1" });
    const keyed = { "idempotency-key": "race-for-the-slot-01" };
    const responses = await Promise.all([postJson(h.url, "/api/generations", body, keyed), postJson(h.url, "/api/generations", body, keyed)]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 201]);
    const [a, b] = (await Promise.all(responses.map((r) => r.json()))) as { id: string }[];
    expect(a!.id).toBe(b!.id);
    expect(h.simulator!.stats().creates).toBe(1);
  });

  it("a batch that would pass the studio's daily cap is refused whole, saying when it resets", async () => {
    const { h, body } = await studio({ LIMIT_DAILY_STUDIO: "3" });
    expect((await postJson(h.url, "/api/generations/batch", { ...body, variations: 2 })).status).toBe(201);
    const refused = await postJson(h.url, "/api/generations/batch", { ...body, variations: 2 });
    expect(refused.status).toBe(429);
    expect(apiErrorSchema.parse(await refused.json()).error.message).toMatch(/made 2 takes today.*daily cap is 3 \(2 more would go over\).*resets at 00:00 UTC/);
    expect((await postJson(h.url, "/api/generations", body)).status).toBe(201);
    expect(h.simulator!.stats().creates).toBe(3);
  });
});

describe("the spend ledger", () => {
  it("a monthly budget refuses the submit that would pass it, sends nothing, and the estimate says what is left", async () => {
    const { h, body } = await studio({ BUDGET_MONTHLY_PER_USER_USD: "0.2", SIMULATOR_TIME_SCALE: "0.01" });
    const first = (await (await postJson(h.url, "/api/generations", body)).json()) as { id: string };
    expect(await waitForTerminal(h.url, first.id)).toMatchObject({ status: "completed" });
    const estimate = (await (await fetch(`${h.url}/api/usage/estimate?model=gen3a_turbo&duration=5&variations=2`)).json()) as Record<string, unknown>;
    expect(estimate).toMatchObject({ perTakeUsd: 0.125, totalUsd: 0.25, budget: { user: { limitUsd: 0.2, spentUsd: 0.125, leftUsd: 0.075 }, studio: null } });

    const refused = await postJson(h.url, "/api/generations", body);
    expect(refused.status).toBe(429);
    const error = apiErrorSchema.parse(await refused.json()).error;
    expect(error.code).toBe("limit_reached");
    expect(error.message).toMatch(/^You have spent \$0\.125 of your \$0\.20 monthly budget, and this submit is expected to cost about \$0\.125\. It resets on \d{4}-\d{2}-01 \(UTC\)\.$/);
    expect(h.simulator!.stats().creates).toBe(1);
  });

  it("keeps a deleted take's spend: usage, money and the daily cap still count it", async () => {
    const { h, body } = await studio({ LIMIT_DAILY_STUDIO: "2", SIMULATOR_TIME_SCALE: "0.01" });
    const batch = takeBatchSchema.parse(await (await postJson(h.url, "/api/generations/batch", { ...body, variations: 2 })).json());
    for (const take of batch.items) expect(await waitForTerminal(h.url, take.id)).toMatchObject({ status: "completed" });
    const today = async () => usageSchema.parse(await (await fetch(`${h.url}/api/usage`)).json()).periods[0]!;
    const before = await today();
    expect(before).toMatchObject({ takes: 2, tokens: 500_000, usd: 0.25, byUser: [{ name: "studio", takes: 2, usd: 0.25 }] });

    expect((await fetch(`${h.url}/api/generations/${batch.items[0]!.id}`, { method: "DELETE" })).status).toBe(204);
    expect(((await (await fetch(`${h.url}/api/generations`)).json()) as { items: unknown[] }).items).toHaveLength(1);
    expect(await today()).toEqual(before);
    const refused = await postJson(h.url, "/api/generations", body);
    expect(refused.status).toBe(429);
    expect(apiErrorSchema.parse(await refused.json()).error.code).toBe("limit_reached");
    expect(h.simulator!.stats().creates).toBe(2);
  });
});

describe("usage and the expected cost", () => {
  it("prices a submit from the provider's catalogue before any take was made, per second of video, times the takes", async () => {
    const { h } = await studio({});
    const estimate = async () => (await (await fetch(`${h.url}/api/usage/estimate?model=gen4_turbo&duration=10&variations=3`)).json()) as Record<string, unknown>;
    // The catalogue is read in the background at start-up.
    for (const until = Date.now() + 10_000; (await estimate()).usdBasis !== "catalogue" && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
    expect(await estimate()).toMatchObject({ perTakeUsd: 0.25, totalUsd: 0.75, usdBasis: "catalogue", basis: "unknown" });
    expect(h.logLines.some((line) => line.includes("model catalogue read"))).toBe(true);
  });

  it("sums stored usage per person and model, and learns the typical cost", async () => {
    const { h, body } = await studio({ PRICE_TABLE: '{"gen4_turbo":{"10":480000}}' });
    const before = (await (await fetch(`${h.url}/api/usage/estimate?model=gen3a_turbo&duration=5&variations=2`)).json()) as Record<string, unknown>;
    expect(before).toMatchObject({ perTake: null, total: null, basis: "unknown", sampleSize: 0, budget: { user: null, studio: null } });
    const listed = (await (await fetch(`${h.url}/api/usage/estimate?model=gen4_turbo&duration=10&variations=3`)).json()) as Record<string, unknown>;
    expect(listed).toMatchObject({ perTake: 480000, total: 1440000, basis: "price_table", sampleSize: 0 });

    expect((await postJson(h.url, "/api/generations/batch", { ...body, variations: 2 })).status).toBe(201);
    const learned = (await (await fetch(`${h.url}/api/usage/estimate?model=gen3a_turbo&duration=5&variations=3`)).json()) as Record<string, unknown>;
    expect(learned).toMatchObject({ basis: "learned", sampleSize: 2, perTake: 250000, total: 750000 });

    const usage = (await (await fetch(`${h.url}/api/usage`)).json()) as { periods: { period: string; takes: number; tokens: number; byUser: unknown[]; byModel: unknown[] }[] };
    expect(usage.periods.map((p) => p.period)).toEqual(["today", "week", "month"]);
    expect(usage.periods[0]).toMatchObject({ takes: 2, tokens: 500000, byUser: [{ name: "studio", takes: 2, tokens: 500000 }], byModel: [{ model: "gen3a_turbo", takes: 2, tokens: 500000 }] });
    expect((await fetch(`${h.url}/api/usage/estimate?model=gen9&duration=7`)).status).toBe(400);
  });
});
