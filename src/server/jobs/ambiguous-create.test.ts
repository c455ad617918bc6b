import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeSchema, type Take } from "../../shared/take";
import type { FaultsConfig } from "../../simulator/faults-config";
import type { LogRow } from "../../simulator/request-log";
import { startTestSimulator } from "../../simulator/sim-test-client";
import type { Simulator } from "../../simulator/simulator";
import { postJson, startHarness, takeRequest, testImage, upload, waitForTerminal, type Harness } from "../testing/studio-harness";

// Ambiguous creates (the reply lost, a 5xx, a reset) are looked up in the provider's usage log by
// the take's id, sent as X-Client-Request-Id: found, tracked; absent, failed uncharged; never resent.
const KEY = "sim-ambiguous-test-key";
let dir: string;
const open: { stop(): Promise<void> }[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dailies-ambiguous-"));
});
afterAll(async () => {
  for (const one of open.splice(0).reverse()) await one.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function studioWith(faults: FaultsConfig, env: Record<string, string> = {}, dataDir?: string): Promise<{ sim: Simulator; h: Harness; uploadId: string }> {
  const sim = await startTestSimulator({ apiKey: KEY, dataDir: mkdtempSync(join(dir, "sim-")), timeScale: 0.01, faults });
  open.push({ stop: () => sim.close() });
  const h = await startHarness({ AIMLAPI_KEY: KEY, AIMLAPI_BASE_URL: sim.url, CHECK_SETTLE_MS: "400", UPSTREAM_TIMEOUT_MS: "1500", ...env }, dataDir);
  open.push(h);
  const uploadId = ((await (await upload(h.url, await testImage(640, 384))).json()) as { id: string }).id;
  return { sim, h, uploadId };
}

async function logRows(sim: Simulator): Promise<LogRow[]> {
  const reply = await fetch(`${sim.url}/v2/logs?period=24h&limit=100`, { headers: { authorization: `Bearer ${KEY}` } });
  return ((await reply.json()) as { data: LogRow[] }).data;
}

async function submit(h: Harness, uploadId: string): Promise<Take> {
  const response = await postJson(h.url, "/api/generations", takeRequest(uploadId));
  expect(response.status).toBe(201);
  return takeSchema.parse(await response.json());
}

describe("an ambiguous create", () => {
  it("whose reply was lost is found in the usage log by the take's id and tracked to completion, created once, its charge stored", async () => {
    const { sim, h, uploadId } = await studioWith({ create: [{ kind: "http-after-create", status: 502, calls: [1] }] });
    const take = await submit(h, uploadId);
    expect(take.status).toBe("checking");
    expect(take.charge.state).toBe("pending");

    const done = takeSchema.parse(await waitForTerminal(h.url, take.id));
    expect(done.status).toBe("completed");
    expect(done.charge).toEqual({ state: "charged", usd: 0.125, credits: 250_000, estimated: false });
    expect(sim.stats()).toMatchObject({ creates: 1, calls: { create: 1 } });
    const [row] = await logRows(sim);
    expect(row).toMatchObject({ client_request_id: take.id, status: "succeeded" });
    expect(h.logLines.some((line) => line.includes("ambiguous create found in the usage log"))).toBe(true);
  });

  it("that never reached the provider fails as not received, charged nothing, and its Retry makes one new create", async () => {
    const { sim, h, uploadId } = await studioWith({ create: [{ kind: "http", status: 502, calls: [1] }] });
    const take = await submit(h, uploadId);
    expect(take.status).toBe("checking");
    const failed = takeSchema.parse(await waitForTerminal(h.url, take.id));
    expect(failed.error).toMatchObject({
      code: "not_received",
      retryable: true,
      message: "This take never reached the AI/ML API: its usage log has no request from it, so nothing was charged. Retry is safe.",
      detail: expect.stringMatching(/^The create answered HTTP 502; the usage log was read for \d+ s\.$/),
    });
    expect(failed.charge).toEqual({ state: "not_charged", usd: 0, credits: 0, estimated: false });
    expect(sim.stats()).toMatchObject({ creates: 0, calls: { create: 1 } });

    const retry = await postJson(h.url, `/api/generations/${take.id}/rerun`, { seed: "same" });
    expect(retry.status).toBe(201);
    expect(takeSchema.parse(await waitForTerminal(h.url, takeSchema.parse(await retry.json()).id)).status).toBe("completed");
    expect(sim.stats()).toMatchObject({ creates: 1, calls: { create: 2 } });
  });

  it("with a usage log that can't be read, fails as 'outcome unknown', as before the log existed, and is not resent", async () => {
    const { sim, h, uploadId } = await studioWith({ create: [{ kind: "http-after-create", status: 502, calls: [1] }], logs: [{ kind: "http", status: 403, from: 1 }] });
    const take = await submit(h, uploadId);
    const failed = takeSchema.parse(await waitForTerminal(h.url, take.id));
    expect(failed.error).toMatchObject({
      code: "outcome_unknown",
      message: expect.stringMatching(/^The AI\/ML API answered HTTP 502 after receiving this take, so it may be generating \(and charged\) anyway\./),
      detail: "Its usage log could not be read either (HTTP 403).",
    });
    expect(failed.charge.state).toBe("unknown");
    expect(sim.stats()).toMatchObject({ creates: 1, calls: { create: 1, logs: 1 } });
  });

  it("sent with a valid take id as X-Client-Request-Id, every create is tagged, ambiguous or not", async () => {
    const { sim, h, uploadId } = await studioWith({});
    const take = await submit(h, uploadId);
    expect(take.status).toBe("queued");
    await waitForTerminal(h.url, take.id);
    expect((await logRows(sim)).map((row) => row.client_request_id)).toEqual([take.id]);
  });

  it("is still checked after a restart, and found", async () => {
    const studioDir = mkdtempSync(join(dir, "studio-"));
    // The first read of the log fails and the next is a minute away: the first studio stops while the take is checking.
    const first = await studioWith(
      { create: [{ kind: "reset-after-create", calls: [1] }], logs: [{ kind: "http", status: 500, calls: [1] }] },
      { POLL_INTERVAL_MS: "60000" },
      studioDir,
    );
    const take = await submit(first.h, first.uploadId);
    expect(take.status).toBe("checking");
    open.splice(open.indexOf(first.h), 1);
    await first.h.stop();

    const second = await startHarness({ AIMLAPI_KEY: KEY, AIMLAPI_BASE_URL: first.sim.url, CHECK_SETTLE_MS: "400" }, studioDir);
    open.push(second);
    expect(takeSchema.parse(await waitForTerminal(second.url, take.id)).status).toBe("completed");
    expect(first.sim.stats()).toMatchObject({ creates: 1, calls: { create: 1 } });
  });
});
