import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { openTestSql } from "../testing/test-sql";
import { createMediaDir } from "../media/media-dir";
import { createReadiness, databaseProbe, mediaProbe } from "./readiness";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const media = () => {
  const dir = mkdtempSync(join(tmpdir(), "dailies-ready-"));
  dirs.push(dir);
  return createMediaDir(dir);
};

it("names the database when its connection is closed", async () => {
  const db = await openTestSql();
  await db.close();
  expect(await createReadiness([databaseProbe(db), mediaProbe(media())]).check()).toEqual({ status: "not_ready", checks: { database: "the database is closed", media: "ok" } });
});

it("gives up on a probe that does not answer in time, and says so", async () => {
  const hanging = { name: "database" as const, probe: () => new Promise<void>(() => {}) };
  const started = Date.now();
  expect(await createReadiness([hanging, mediaProbe(media())], 50).check()).toEqual({ status: "not_ready", checks: { database: "did not answer within 0.05 s", media: "ok" } });
  expect(Date.now() - started).toBeLessThan(1_000);
});

it("is not ready with a check nobody probes", async () => {
  expect(await createReadiness([databaseProbe(await openTestSql())]).check()).toEqual({ status: "not_ready", checks: { database: "ok", media: "not checked" } });
});

it("probes once for callers asking at the same moment", async () => {
  let probes = 0;
  const counted = { name: "database" as const, probe: async () => void probes++ };
  const readiness = createReadiness([counted, mediaProbe(media())]);
  const answers = await Promise.all([readiness.check(), readiness.check(), readiness.check()]);
  expect(answers.map((answer) => answer.status)).toEqual(["ready", "ready", "ready"]);
  expect(probes).toBe(1);
  await readiness.check();
  expect(probes).toBe(2);
});
