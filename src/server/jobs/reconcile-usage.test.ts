import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { catalogueWatchSchema, reconciliationSchema } from "../../shared/provider-watch";
import { takeSchema } from "../../shared/take";
import { createGeneration, pollUntilDone, startTestSimulator, testImageDataUri, TEST_KEY } from "../../simulator/sim-test-client";
import type { Simulator } from "../../simulator/simulator";
import { postJson, startHarness, testImage, upload, waitForTerminal, type Harness } from "../testing/studio-harness";
import { signIn, startPasswordHarness } from "../testing/password-studio";

let h: Harness | null = null;
let sim: Simulator | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await h?.stop();
  h = null;
  await sim?.close();
  sim = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const today = () => new Date().toISOString().slice(0, 10);

async function makeTake(harness: Harness, cookie?: string) {
  const image = (await (await upload(harness.url, await testImage(640, 384))).json()) as { id: string };
  const created = await postJson(harness.url, "/api/generations", { model: "gen4_turbo", prompt: "the harbour at dawn", image: { uploadId: image.id }, ratio: "16:9", duration: 5 }, cookie ? { cookie } : {});
  expect(created.status).toBe(201);
  return takeSchema.parse(await waitForTerminal(harness.url, takeSchema.parse(await created.json()).id, 30_000, cookie));
}

async function reconcile(harness: Harness, init: RequestInit = { method: "POST" }) {
  const reply = await fetch(`${harness.url}/api/insights/reconciliation`, init);
  expect(reply.status).toBe(200);
  return reconciliationSchema.parse(await reply.json());
}

describe("the ledger against the provider's GET /v2/usage, over HTTP", () => {
  it("shows a take made outside Dailies with the same key as the difference, per UTC day", async () => {
    const dir = mkdtempSync(join(tmpdir(), "reconcile-sim-"));
    dirs.push(dir);
    sim = await startTestSimulator({ apiKey: TEST_KEY, dataDir: dir, timeScale: 0.01 });
    h = await startHarness({ AIMLAPI_KEY: TEST_KEY, AIMLAPI_BASE_URL: sim.url });
    expect((await reconcile(h, {})).days).toEqual([]);

    const take = await makeTake(h);
    expect(take).toMatchObject({ status: "completed", charge: { state: "charged" } });
    const charged = take.charge.usd!;
    // Someone uses the same key from a script: the provider charges it, Dailies never saw it.
    const outside = (await (await createGeneration(sim.url, { model: "runway/gen4_turbo", image_url: await testImageDataUri(640, 384), duration: 5 })).json()) as { id: string };
    expect((await pollUntilDone(sim.url, outside.id)).reply.status).toBe("completed");

    const { days, note } = await reconcile(h);
    expect(note).toBeNull();
    expect(days).toHaveLength(7);
    expect(days[0]).toMatchObject({ day: today(), partial: true, ledgerUsd: charged, ledgerTakes: 1, providerUsd: charged * 2, providerRequests: 2, differenceUsd: charged, error: null });
    for (const earlier of days.slice(1)) expect(earlier).toMatchObject({ partial: false, ledgerUsd: 0, providerUsd: 0, differenceUsd: 0 });
    // Kept: reading it again asks the provider nothing.
    const calls = sim.stats().calls.usage;
    expect((await reconcile(h, {})).days[0]).toMatchObject({ differenceUsd: charged });
    expect(sim.stats().calls.usage).toBe(calls);
  });

  it("says why when the provider's totals can't be read, and keeps the ledger's side", async () => {
    h = await startHarness({ SIMULATOR_FAULTS: JSON.stringify({ usage: [{ kind: "http", status: 403, rate: 1 }] }) });
    const take = await makeTake(h);
    const { days, note } = await reconcile(h);
    expect(note).toMatch(/simulator, which forgets its usage/);
    // Against the built-in simulator only the days since it started are compared: today.
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ day: today(), ledgerUsd: take.charge.usd, ledgerTakes: 1, providerUsd: null, differenceUsd: null, error: expect.stringMatching(/403|credits|key/i) });
  });

  it("is for admins only, like the catalogue changes", async () => {
    h = await startPasswordHarness();
    const ana = await signIn(h.url, "Ana");
    const boss = await signIn(h.url, "Boss");
    for (const [path, method] of [["reconciliation", "GET"], ["reconciliation", "POST"], ["catalogue", "GET"]] as const) {
      const refused = await fetch(`${h.url}/api/insights/${path}`, { method, headers: { cookie: ana, origin: h.url } });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toBe("Only an admin can see the provider's account figures.");
    }
    expect((await fetch(`${h.url}/api/insights/reconciliation`, { method: "POST", headers: { cookie: boss, origin: h.url } })).status).toBe(200);
    // The insights everyone sees stay open to everyone.
    expect((await fetch(`${h.url}/api/insights`, { headers: { cookie: ana } })).status).toBe(200);
  });
});

describe("models coming and going in the provider's catalogue, over HTTP", () => {
  async function catalogue(harness: Harness) {
    for (let i = 0; i < 100; i += 1) {
      const watch = catalogueWatchSchema.parse(await (await fetch(`${harness.url}/api/insights/catalogue`)).json());
      if (watch.readAt !== null) return watch;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("the catalogue was never read");
  }

  it("takes the first read as it is, then notices a model that disappeared (and its return)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "catalogue-watch-"));
    dirs.push(dir);
    h = await startHarness({}, dir);
    expect(await catalogue(h)).toMatchObject({ listed: 2, changes: [] });
    await h.stop();

    h = await startHarness({ SIMULATOR_RETIRED_MODELS: "gen3a_turbo" }, dir);
    const gone = await catalogue(h);
    expect(gone).toMatchObject({ listed: 1, changes: [{ model: "gen3a_turbo", change: "disappeared", usedHere: true }] });
    await h.stop();

    h = await startHarness({}, dir);
    const back = await catalogue(h);
    expect(back).toMatchObject({ listed: 2, changes: [{ model: "gen3a_turbo", change: "appeared", usedHere: true }] });
    expect(Date.parse(back.changes[0]!.at)).toBeGreaterThan(Date.parse(gone.changes[0]!.at));
  });
});
