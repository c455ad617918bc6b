import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { takeListSchema, takeSchema } from "../../shared/take";
import { openDatabase } from "../db/database";
import { seedTakes } from "../testing/seed-takes";
import { startHarness, type Harness } from "../testing/studio-harness";

// Failed takes as an older (or newer) build may have stored them: the wire still speaks only
// the table's codes, and a detail meant for the operator never leaves the server.
let h: Harness;
let dataDir: string;
let ids: string[];
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "dailies-stored-codes-"));
  ids = await seedTakes(dataDir, [{ status: "failed" }, { status: "failed" }]);
  const db = openDatabase(join(dataDir, "dailies.sqlite"));
  const set = db.prepare("UPDATE generations SET error_code = ?, error_detail = ? WHERE id = ?");
  set.run("legacy_gone_code", "the provider's words", ids[0]);
  set.run("internal_error", "ECONNRESET 10.0.0.7:443 at Socket.onEnd", ids[1]);
  db.close();
  h = await startHarness({}, dataDir);
});
afterAll(async () => {
  await h.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it("a stored code the table does not list goes out as a plain, retryable failure with its words", async () => {
  const take = takeSchema.parse(await (await fetch(`${h.url}/api/generations/${ids[0]}`)).json());
  expect(take.error).toEqual({ code: "generation_failed", message: "The model failed on its side. Try again.", detail: "the provider's words", retryable: true });
  expect(takeListSchema.parse(await (await fetch(`${h.url}/api/generations`)).json()).items).toHaveLength(2);
});

it("a detail the table keeps for the operator is not on the wire", async () => {
  const take = takeSchema.parse(await (await fetch(`${h.url}/api/generations/${ids[1]}`)).json());
  expect(take.error).toMatchObject({ code: "internal_error", detail: null });
});
