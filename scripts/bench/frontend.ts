import { launch } from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./browser";

export type BundleFigures = { jsGzipBytes: number; cssGzipBytes: number; files: { file: string; gzipBytes: number }[] };
export type LighthouseFigures = { performance: number; accessibility: number; bestPractices: number; failing: string[] };

/** What index.html makes the browser fetch before anything renders: the entry script, its modulepreloads and stylesheets. */
export function measureInitialBundle(distDir: string): BundleFigures {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const refs = [
    ...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
  ];
  const files = [...new Set(refs)].map((ref) => ({ file: ref, gzipBytes: gzipSync(readFileSync(join(distDir, ref))).length }));
  const sum = (ext: string) => files.filter((f) => f.file.endsWith(ext)).reduce((total, f) => total + f.gzipBytes, 0);
  return { jsGzipBytes: sum(".js"), cssGzipBytes: sum(".css"), files };
}

/** Lighthouse 12, desktop preset, on a page of the running studio. */
export async function runLighthouse(url: string): Promise<LighthouseFigures> {
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices"] }, desktopConfig);
    if (!result) throw new Error("Lighthouse returned nothing");
    const { categories, audits, runtimeError, runWarnings } = result.lhr;
    if (runtimeError) console.warn(`Lighthouse: ${runtimeError.code}: ${runtimeError.message}`);
    for (const warning of runWarnings) console.warn(`Lighthouse: ${warning}`);
    // A category Lighthouse could not score counts as failing (NaN), not as a number.
    const score = (id: string) => {
      const value = categories[id]?.score;
      return typeof value === "number" ? Math.round(value * 100) : Number.NaN;
    };
    const failing = Object.values(categories)
      .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => audits[ref.id]!))
      .filter((audit) => audit.score !== null && audit.score < 0.9)
      .map((audit) => `${audit.id} (${audit.displayValue || Math.round((audit.score ?? 0) * 100)})`);
    return { performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices"), failing };
  } finally {
    chrome.kill();
  }
}
