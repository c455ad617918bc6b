// `npm run mutate [-- --mutate <globs>]`: StrykerJS over the folders in stryker.config.mjs,
// or over the given comma-separated globs. Test files are never mutated, even when a glob
// such as `src/shared/**/*.ts` matches them, and the wall time is printed at the end.
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const at = args.indexOf("--mutate");
if (at >= 0 && args[at + 1]) args[at + 1] = `${args[at + 1]},!src/**/*.test.ts`;

const started = Date.now();
const result = spawnSync("npx", ["stryker", "run", ...args], { stdio: "inherit" });
console.log(`mutation: stryker finished in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(result.status ?? 1);
