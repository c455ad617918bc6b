import { describe, expect, it } from "vitest";
import { startWithFaults, setUpFaultFixtures, validCreate } from "./fault-test-support";
import { GENERATION_PATH, TEST_KEY, pollUntilDone } from "./sim-test-client";
import type { LogRow } from "./request-log";

setUpFaultFixtures();

type LogPage = { data: LogRow[]; pagination: { limit: number; offset: number; total: number; has_more: boolean } };

const create = (url: string, clientRequestId?: string) =>
  fetch(`${url}${GENERATION_PATH}`, {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_KEY}`, "content-type": "application/json", ...(clientRequestId ? { "x-client-request-id": clientRequestId } : {}) },
    body: JSON.stringify(validCreate()),
  });

const logs = (url: string, query: string, key = TEST_KEY) => fetch(`${url}/v2/logs?${query}`, { headers: { authorization: `Bearer ${key}` } });

const window = () => {
  const now = Date.now();
  return `start=${new Date(now - 60_000).toISOString()}&end=${new Date(now + 60_000).toISOString()}`;
};

describe("tracing and cost headers", () => {
  it("echo a valid client request id and name the generation; drop an invalid one silently", async () => {
    const sim = await startWithFaults({});
    const tagged = await create(sim.url, "take-A_1.b:c");
    const { id } = (await tagged.json()) as { id: string };
    expect(tagged.headers.get("x-inference-id")).toBe(id);
    expect(tagged.headers.get("x-client-request-id")).toBe("take-A_1.b:c");
    // Video charges post after completion: nothing yet on the create.
    expect(tagged.headers.get("x-aimlapi-credits-used")).toBe("0");
    expect(tagged.headers.get("x-aimlapi-usd-spent")).toBe("0.000000000");

    const untagged = await create(sim.url, "has space");
    expect(untagged.status).toBe(201);
    expect(untagged.headers.get("x-client-request-id")).toBeNull();
    expect((await create(sim.url, "x".repeat(129))).headers.get("x-client-request-id")).toBeNull();

    const page = (await (await logs(sim.url, window())).json()) as LogPage;
    expect(page.data.map((row) => row.client_request_id)).toEqual([null, null, "take-A_1.b:c"]);
    expect(page.data[2]).toMatchObject({ inference_id: id, model: "gen3a_turbo", status: "succeeded", origin: "api" });
  });

  it("post the charge once the generation completes, on its polls and in its log row", async () => {
    const sim = await startWithFaults({});
    const { id } = (await (await create(sim.url, "take-2")).json()) as { id: string };
    await pollUntilDone(sim.url, id, 5_000);
    const poll = await fetch(`${sim.url}${GENERATION_PATH}?generation_id=${id}`, { headers: { authorization: `Bearer ${TEST_KEY}` } });
    expect(poll.headers.get("x-inference-id")).toBe(id);
    expect(poll.headers.get("x-aimlapi-credits-used")).toBe("250000");
    expect(poll.headers.get("x-aimlapi-usd-spent")).toBe("0.125000000");
    const [row] = ((await (await logs(sim.url, window())).json()) as LogPage).data;
    expect(row?.cost).toEqual({ usd: 0.125, credits: 250_000 });
  });
});

describe("GET /v2/logs", () => {
  it("has a row for a create whose reply was lost, and none for one answered before it was processed", async () => {
    const sim = await startWithFaults({
      create: [
        { kind: "http", status: 502, calls: [1] },
        { kind: "http-after-create", status: 502, calls: [2] },
      ],
    });
    expect((await create(sim.url, "never-arrived")).status).toBe(502);
    expect((await create(sim.url, "arrived")).status).toBe(502);
    const page = (await (await logs(sim.url, window())).json()) as LogPage;
    expect(page.data.map((row) => row.client_request_id)).toEqual(["arrived"]);
    expect(page.data[0]?.inference_id).toEqual(expect.any(String));
  });

  it("logs a refused create as failed, charged nothing", async () => {
    const sim = await startWithFaults({});
    const refused = await fetch(`${sim.url}${GENERATION_PATH}`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_KEY}`, "content-type": "application/json", "x-client-request-id": "bad-one" },
      body: JSON.stringify({ ...validCreate(), model: "gen3a_turbo", ratio: "1:1" }),
    });
    expect(refused.status).toBe(400);
    const [row] = ((await (await logs(sim.url, "period=24h")).json()) as LogPage).data;
    expect(row).toMatchObject({ client_request_id: "bad-one", status: "failed", cost: { usd: 0, credits: 0 } });
  });

  it("pages newest first, filters by status, and refuses what the contract refuses", async () => {
    const sim = await startWithFaults({});
    for (let n = 0; n < 5; n++) await create(sim.url, `take-${n}`);
    const first = (await (await logs(sim.url, `${window()}&limit=2`)).json()) as LogPage;
    expect(first.data.map((row) => row.client_request_id)).toEqual(["take-4", "take-3"]);
    expect(first.pagination).toEqual({ limit: 2, offset: 0, total: 5, has_more: true });
    const last = (await (await logs(sim.url, `${window()}&limit=2&offset=4`)).json()) as LogPage;
    expect(last.data.map((row) => row.client_request_id)).toEqual(["take-0"]);
    expect(last.pagination.has_more).toBe(false);
    expect(((await (await logs(sim.url, `${window()}&status=failed`)).json()) as LogPage).data).toEqual([]);
    expect(((await (await logs(sim.url, `${window()}&status=succeeded&status=failed`)).json()) as LogPage).data).toHaveLength(5);

    expect((await logs(sim.url, `${window()}&status=succeeded,failed`)).status).toBe(400);
    expect((await logs(sim.url, `${window()}&limit=101`)).status).toBe(400);
    expect((await logs(sim.url, `${window()}&limit=0`)).status).toBe(400);
    expect((await logs(sim.url, "limit=5")).status).toBe(400);
    expect((await logs(sim.url, "period=30d")).status).toBe(400);
    expect((await logs(sim.url, "start=2026-01-01T00:00:00Z&end=2026-06-01T00:00:00Z")).status).toBe(400);
    expect((await logs(sim.url, "period=24h", "wrong-key")).status).toBe(401);
  });

  it("answers 429 with Retry-After past 200 calls a minute", async () => {
    const sim = await startWithFaults({});
    const statuses: number[] = [];
    for (let n = 0; n < 201; n++) statuses.push((await logs(sim.url, "period=24h&limit=1")).status);
    expect(statuses.slice(0, 200).every((s) => s === 200)).toBe(true);
    const limited = await logs(sim.url, "period=24h&limit=1");
    expect(statuses[200]).toBe(429);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("takes faults like the other endpoints, for a key whose logs can't be read", async () => {
    const sim = await startWithFaults({ logs: [{ kind: "http", status: 403, calls: [1] }] });
    expect((await logs(sim.url, "period=24h")).status).toBe(403);
    expect((await logs(sim.url, "period=24h")).status).toBe(200);
    expect(sim.stats()).toMatchObject({ calls: { logs: 2 }, faults: { logs: { "http:403": 1 } } });
  });
});

describe("GET /v2/usage", () => {
  const usage = (url: string, query: string) => fetch(`${url}/v2/usage?${query}`, { headers: { authorization: `Bearer ${TEST_KEY}` } });

  it("totals the key's charged requests in the window: a job counts once it has completed, a refused create never", async () => {
    const sim = await startWithFaults({});
    const first = (await (await create(sim.url)).json()) as { id: string };
    expect(await (await usage(sim.url, window())).json()).toMatchObject({ api_key_prefix: null, spend: 0, currency: "USD", requests: 0 });
    await pollUntilDone(sim.url, first.id);
    await fetch(`${sim.url}${GENERATION_PATH}`, { method: "POST", headers: { authorization: `Bearer ${TEST_KEY}`, "content-type": "application/json" }, body: "{}" });
    const rows = ((await (await logs(sim.url, window())).json()) as LogPage).data;
    const charged = rows.find((row) => row.inference_id === first.id)!.cost.usd;
    expect(charged).toBeGreaterThan(0);
    expect(rows).toHaveLength(2);
    expect(await (await usage(sim.url, window())).json()).toMatchObject({ spend: charged, requests: 1 });
    expect(await (await usage(sim.url, "period=24h")).json()).toMatchObject({ spend: charged, requests: 1 });
    const before = new Date(Date.now() - 3_600_000).toISOString();
    expect(await (await usage(sim.url, `start=${before}&end=${new Date(Date.now() - 1_800_000).toISOString()}`)).json()).toMatchObject({ spend: 0, requests: 0 });
  });

  it("refuses a window it can't read, and a key it doesn't know", async () => {
    const sim = await startWithFaults({});
    expect((await usage(sim.url, "period=3w")).status).toBe(400);
    expect((await usage(sim.url, `start=${new Date().toISOString()}`)).status).toBe(400);
    expect((await fetch(`${sim.url}/v2/usage?period=24h`, { headers: { authorization: "Bearer nope" } })).status).toBe(401);
  });
});
