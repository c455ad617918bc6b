// The fences fail the build: each fixture in ./fixtures breaks one on purpose, and the linter
// or the room's TypeScript config must refuse it. The real tree passing is `npm run lint`'s job.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = (name) => path.join(root, "scripts/lint/fixtures", name);
const eslint = new ESLint({ cwd: root });

/** Lints a fixture as if it lived where its first line says. */
async function lintFixture(name) {
  const text = readFileSync(fixture(name), "utf8");
  const filePath = /^\/\/ lint as: (\S+)/.exec(text)?.[1];
  if (!filePath) throw new Error(`${name} does not say where it lives`);
  const [result] = await eslint.lintText(text, { filePath: path.join(root, filePath) });
  return result.messages.map((m) => ({ rule: m.ruleId, line: m.line, message: m.message }));
}

function room(configName) {
  const { config, error } = ts.readConfigFile(path.join(root, configName), ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(config, ts.sys, root);
}

/** The undefined names TypeScript reports for a fixture compiled with a room's options. */
function unknownNames(configName, name) {
  const program = ts.createProgram([fixture(name)], room(configName).options);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))
    .map((text) => /^Cannot find name '(\w+)'/.exec(text)?.[1] ?? text);
}

describe("lint zones", () => {
  it("refuse a feature importing another feature, relatively or through @/, and allow its own folder", async () => {
    const problems = await lintFixture("cross-feature.ts");
    expect(problems.filter((p) => p.rule === "rooms/no-cross-room-imports").map((p) => p.line)).toEqual([3, 4]);
    expect(problems[0]?.message).toMatch(/features do not import each other/);
  });

  it("refuse src/hooks a feature or a route: a general hook knows neither", async () => {
    const problems = await lintFixture("hook-imports-feature.ts");
    expect(problems.map((p) => [p.rule, p.line])).toEqual([
      ["rooms/no-cross-room-imports", 3],
      ["rooms/no-cross-room-imports", 4],
    ]);
    expect(problems[0]?.message).toMatch(/shared browser code knows no feature or route/);
  });

  it("refuse browser code a value import from the BFF, and let `import type` through", async () => {
    const problems = await lintFixture("spa-imports-server.ts");
    expect(problems).toEqual([expect.objectContaining({ rule: "rooms/no-cross-room-imports", line: 3 })]);
  });

  it("keep the simulator out of the BFF's code, and settings out of process.env", async () => {
    const problems = await lintFixture("simulator-imports-server.ts");
    expect(problems.map((p) => p.rule)).toEqual(["rooms/no-cross-room-imports", "no-restricted-properties"]);
  });

  it("refuse process.env in a BFF module: settings come from the parsed env", async () => {
    const problems = await lintFixture("server-reads-process-env.ts");
    expect(problems).toEqual([expect.objectContaining({ rule: "no-restricted-properties", line: 3 })]);
  });
});

describe("TypeScript rooms", () => {
  it("split the tree: the BFF and the SPA are each checked in their own room only", () => {
    const rel = (files) => files.map((f) => path.relative(root, f).split(path.sep).join("/"));
    const node = rel(room("tsconfig.node.json").fileNames);
    const app = rel(room("tsconfig.app.json").fileNames);
    expect(node).toEqual(expect.arrayContaining(["src/server/main.ts", "src/simulator/main.ts", "src/shared/api.ts"]));
    expect(node.filter((f) => !/^(src\/(server|simulator|node|shared)|scripts)\/|^vite(st)?(\.stryker|\.postgres)?\.config\.ts$/.test(f))).toEqual([]);
    expect(app).toEqual(expect.arrayContaining(["src/main.tsx", "src/shared/api.ts"]));
    expect(app.filter((f) => /^src\/(server|simulator|node)\//.test(f))).toEqual([]);
    const solution = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile).config;
    expect(solution.references.map((r) => r.path)).toEqual(expect.arrayContaining(["./tsconfig.app.json", "./tsconfig.node.json"]));
  });

  it("fail `window` and `document` in the BFF's room, which the browser's room accepts", () => {
    expect(unknownNames("tsconfig.node.json", "server-window.ts")).toEqual(["window", "document"]);
    expect(unknownNames("tsconfig.app.json", "server-window.ts")).toEqual([]);
  }, 120_000);

  it("fail `process` and `Buffer` in the SPA's room, which the BFF's room accepts", () => {
    expect(unknownNames("tsconfig.app.json", "spa-process.ts")).toEqual(["process", "Buffer"]);
    expect(unknownNames("tsconfig.node.json", "spa-process.ts")).toEqual([]);
  }, 120_000);
});
