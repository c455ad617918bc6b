import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { takeListSchema, takeSchema } from "../../shared/take";
import { startFakeUpstream } from "../testing/fake-upstream";
import { seedTakes } from "../testing/seed-takes";
import { postJson, startHarness, type Harness } from "../testing/studio-harness";

/** Takes an earlier version of Dailies stored: a key not yet bound to its body, no first frame on record. */
let h: Harness;
let fake: Awaited<ReturnType<typeof startFakeUpstream>>;
let dir: string;
let keyed: string;
let frameless: string;
beforeAll(async () => {
  fake = await startFakeUpstream(() => ({ status: 201, json: { id: "up-new", status: "queued" } }));
  dir = mkdtempSync(join(tmpdir(), "dailies-older-takes-"));
  [keyed, frameless] = (await seedTakes(dir, [{ idempotencyKey: "older-key-0001", prompt: "keyed long ago" }, { prompt: "no frame on record" }])) as [string, string];
  const db = new Database(join(dir, "dailies.sqlite"));
  db.prepare("UPDATE generations SET image_url = NULL, image_upload_id = NULL WHERE id = ?").run(frameless);
  db.close();
  h = await startHarness({ AIMLAPI_KEY: "sk-older-takes-0001", AIMLAPI_BASE_URL: fake.url }, dir);
});
afterAll(async () => {
  await h.stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const takeCount = async () => takeListSchema.parse(await (await fetch(`${h.url}/api/generations`)).json()).items.length;
const body = { model: "gen4_turbo", prompt: "whatever is asked now", image: { url: "https://images.example.com/a.jpg" }, ratio: "16:9", duration: 5 };

it("a take keyed before keys were bound to a body replays for its key, sending nothing", async () => {
  const response = await postJson(h.url, "/api/generations", body, { "idempotency-key": "older-key-0001" });
  expect(response.status).toBe(200);
  expect(takeSchema.parse(await response.json()).id).toBe(keyed);
  expect(fake.requests).toHaveLength(0);
});

it("a take with no first frame on record can't be re-run: a 409 saying why, nothing stored or sent", async () => {
  const before = await takeCount();
  const response = await postJson(h.url, `/api/generations/${frameless}/rerun`, { seed: "same" });
  expect(response.status).toBe(409);
  expect(apiErrorSchema.parse(await response.json()).error.message).toBe("This take has no first frame on record, so it can't be re-run.");
  expect(await takeCount()).toBe(before);
  expect(fake.requests).toHaveLength(0);
});
