import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { postJson, startHarness, testImage, upload, waitForTerminal } from "./testing/studio-harness";

const root = mkdtempSync(join(tmpdir(), "dailies-modes-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function walk(path: string, found: { path: string; mode: number; dir: boolean }[] = []) {
  const stat = lstatSync(path);
  found.push({ path, mode: stat.mode & 0o777, dir: stat.isDirectory() });
  if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name), found);
  return found;
}

it("the data folder is 0700 and every file in it 0600, including what an older build left open", async () => {
  const dataDir = join(root, "studio");
  mkdirSync(join(dataDir, "media", "uploads"), { recursive: true, mode: 0o755 });
  chmodSync(dataDir, 0o755);
  writeFileSync(join(dataDir, "media", "uploads", "old.jpg"), "left by an older build", { mode: 0o644 });

  const h = await startHarness({}, dataDir);
  try {
    const image = (await (await upload(h.url, await testImage())).json()) as { id: string };
    const created = await postJson(h.url, "/api/generations", { model: "gen4_turbo", prompt: "private", image: { uploadId: image.id }, ratio: "16:9", duration: 5 });
    expect(created.status).toBe(201);
    const take = (await created.json()) as { id: string };
    expect(await waitForTerminal(h.url, take.id)).toMatchObject({ status: "completed" });
  } finally {
    await h.stop();
  }

  const entries = walk(dataDir);
  const files = entries.filter((e) => !e.dir);
  // The database, the session secret, an upload, a video and its poster at least.
  expect(files.length).toBeGreaterThanOrEqual(5);
  expect(files.some((e) => e.path.endsWith(".mp4"))).toBe(true);
  const open = entries.filter((e) => (e.dir ? e.mode !== 0o700 : (e.mode & 0o077) !== 0));
  expect(open.map((e) => `${e.path} ${e.mode.toString(8)}`)).toEqual([]);
});
