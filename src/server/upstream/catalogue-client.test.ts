import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startTestSimulator, TEST_KEY } from "../../simulator/sim-test-client";
import { createAimlapiClient } from "./aimlapi-client";
import { parseCatalogue } from "./read-catalogue";

const dir = mkdtempSync(join(tmpdir(), "dailies-catalogue-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the catalogue over HTTP", () => {
  it("is what the studio's client reads: prices per second, then not modified", async () => {
    const sim = await startTestSimulator({ apiKey: TEST_KEY, dataDir: dir });
    try {
    const client = createAimlapiClient({ baseUrl: sim.url, apiKey: TEST_KEY, timeoutMs: 2000 });
    const first = await client.catalogue(null);
    expect(first.status).toBe("ok");
    if (first.status !== "ok") return;
    expect(parseCatalogue(first.json).prices.get("runway/gen4_turbo")).toEqual({ perSecondUsd: 0.025, perTakeUsd: null });
    expect(await client.catalogue(first.etag)).toEqual({ status: "not_modified" });
    } finally {
      await sim.close();
    }
  });
});
