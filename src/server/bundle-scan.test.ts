import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { afterAll, beforeAll, expect, it } from "vitest";

// The key under the server's name and under the name Vite would hand to the browser: a build
// must carry neither, whichever the operator (or a careless .env) sets.
const KEY = "aiml-bundle-scan-9f8e7d6c5b4a3210";
const VITE_KEY = "aiml-bundle-scan-vite-0a1b2c3d4e5f";
const ENV = { AIMLAPI_KEY: KEY, VITE_AIMLAPI_KEY: VITE_KEY };
const work = mkdtempSync(join(tmpdir(), "dailies-bundle-"));
const saved = Object.fromEntries(Object.keys(ENV).map((name) => [name, process.env[name]]));

beforeAll(() => Object.assign(process.env, ENV));
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(work, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Every built file that contains `needle`, read as bytes so nothing escapes as "binary". */
function filesContaining(dir: string, needle: string): string[] {
  return filesUnder(dir).filter((file) => readFileSync(file, "latin1").includes(needle));
}

/** Builds with the studio's own Vite config; `root` swaps the app for a fixture. */
async function buildInto(outDir: string, root?: string): Promise<void> {
  await build({ configFile: "vite.config.ts", ...(root ? { root } : {}), logLevel: "silent", build: { outDir, emptyOutDir: true } });
}

it("finds a planted key: a fixture that reads the key through import.meta.env carries the VITE_ one, not the server's", async () => {
  const fixture = join(work, "fixture");
  const outDir = join(work, "fixture-dist");
  mkdirSync(fixture, { recursive: true });
  writeFileSync(join(fixture, "index.html"), '<!doctype html><html><body><script type="module" src="./main.js"></script></body></html>');
  writeFileSync(join(fixture, "main.js"), "document.title = [import.meta.env.VITE_AIMLAPI_KEY, import.meta.env.AIMLAPI_KEY].join(' ');\n");
  await buildInto(outDir, fixture);
  // The positive control: the scan below can see a key when one is there.
  expect(filesContaining(outDir, VITE_KEY)).not.toEqual([]);
  // Only VITE_ names reach the browser: the config must not widen that (envPrefix, define).
  expect(filesContaining(outDir, KEY)).toEqual([]);
}, 120_000);

it("a build of the studio made with AIMLAPI_KEY and VITE_AIMLAPI_KEY in the environment carries no trace of either", async () => {
  const outDir = join(work, "dist");
  await buildInto(outDir);
  expect(filesUnder(outDir).some((file) => file.endsWith(".js"))).toBe(true);
  for (const needle of [KEY, VITE_KEY, "AIMLAPI_KEY"]) expect(filesContaining(outDir, needle), needle).toEqual([]);
}, 120_000);
