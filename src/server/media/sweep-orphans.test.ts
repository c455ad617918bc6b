import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { seedTakes } from "../testing/seed-takes";
import { startHarness } from "../testing/studio-harness";

const dataDir = mkdtempSync(join(tmpdir(), "dailies-sweep-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it("at start, removes files of deleted takes and stale temporaries, and keeps the rest", async () => {
  const [kept] = await seedTakes(dataDir, [{ prompt: "kept" }]);
  const media = (...parts: string[]) => join(dataDir, "media", ...parts);
  for (const kind of ["videos", "posters", "tmp"]) mkdirSync(media(kind), { recursive: true });
  const files = {
    keptVideo: media("videos", `${kept}.mp4`),
    keptPoster: media("posters", `${kept}.jpg`),
    orphanVideo: media("videos", "deleted-take.mp4"),
    orphanPoster: media("posters", "deleted-take.jpg"),
    staleTemp: media("tmp", "old-download"),
    freshTemp: media("tmp", "new-download"),
  };
  for (const file of Object.values(files)) writeFileSync(file, "x");
  const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
  utimesSync(files.staleTemp, twoHoursAgo, twoHoursAgo);

  const h = await startHarness({}, dataDir);
  await h.stop();
  const present = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, existsSync(file)]));
  expect(present).toEqual({ keptVideo: true, keptPoster: true, orphanVideo: false, orphanPoster: false, staleTemp: false, freshTemp: true });
});
