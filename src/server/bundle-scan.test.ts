import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { afterAll, expect, it } from "vitest";

const KEY = "aiml-bundle-scan-9f8e7d6c5b4a3210";
const outDir = mkdtempSync(join(tmpdir(), "dailies-bundle-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

it("a build made with AIMLAPI_KEY in the environment carries no trace of it", async () => {
  const before = process.env.AIMLAPI_KEY;
  process.env.AIMLAPI_KEY = KEY;
  try {
    await build({ configFile: "vite.config.ts", logLevel: "silent", build: { outDir, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env.AIMLAPI_KEY;
    else process.env.AIMLAPI_KEY = before;
  }
  const files = filesUnder(outDir);
  expect(files.some((f) => f.endsWith(".js"))).toBe(true);
  for (const file of files) {
    const text = readFileSync(file, "latin1");
    expect(text, file).not.toContain(KEY);
    expect(text, file).not.toContain("AIMLAPI_KEY");
  }
}, 120_000);
