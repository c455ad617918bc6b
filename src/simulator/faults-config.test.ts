import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseFaults, parseFaultsJson } from "./faults-config";
import { TEST_KEY } from "./sim-test-client";
import { startSimulator } from "./simulator";

const run = promisify(execFile);

describe("fault configs", () => {
  it("accept every kind on the endpoints it belongs to", () => {
    const config = {
      seed: 7,
      create: [
        { kind: "http", status: 429, retryAfter: 2, calls: [1, 3] },
        { kind: "reset", from: 4, to: 5 },
        { kind: "hang-after-create", every: 10 },
        { kind: "job-error", reason: "SAFETY.INPUT.IMAGE", rate: 0.1 },
        { kind: "wrong-shape", shape: "array", to: 1 },
      ],
      poll: [{ kind: "unknown-status", status: "paused", perJob: true, calls: [2] }, { kind: "trickle", durationMs: 2000, rate: 0.05 }],
      result: [{ kind: "truncated", fraction: 0.3, calls: [1] }, { kind: "http", status: 403, perJob: true, calls: [2] }],
    };
    expect(parseFaults(config)).toEqual(config);
    expect(parseFaultsJson(JSON.stringify(config))).toEqual(config);
    expect(parseFaultsJson(undefined)).toBeUndefined();
    expect(parseFaultsJson("  ")).toBeUndefined();
  });

  it.each([
    ["an unknown kind", { poll: [{ kind: "boom", rate: 0.1 }] }, /kind must be one of http, reset, .* on poll[\s\S]*poll\[0\]\.kind/],
    ["a kind on the wrong endpoint", { create: [{ kind: "truncated", calls: [1] }] }, /on create[\s\S]*create\[0\]\.kind/],
    ["an after-create kind on poll", { poll: [{ kind: "reset-after-create", calls: [1] }] }, /on poll/],
    ["a status it cannot send", { poll: [{ kind: "http", status: 418, calls: [1] }] }, /status must be 403, 404, 429, 500, 502, 503 or 504[\s\S]*poll\[0\]\.status/],
    ["no trigger", { result: [{ kind: "reset" }] }, /exactly one trigger/],
    ["two triggers", { result: [{ kind: "reset", rate: 0.5, every: 2 }] }, /exactly one trigger/],
    ["a rate above 1", { poll: [{ kind: "hang", rate: 1.5 }] }, /poll\[0\]\.rate/],
    ["call 0", { poll: [{ kind: "hang", calls: [0] }] }, /poll\[0\]\.calls\[0\]/],
    ["a backwards range", { poll: [{ kind: "hang", from: 4, to: 2 }] }, /to must be ≥ from/],
    ["perJob on create", { create: [{ kind: "reset", perJob: true, calls: [1] }] }, /perJob needs a generation id/],
    ["an unknown failure reason", { create: [{ kind: "job-error", reason: "SAFETY.MAYBE", calls: [1] }] }, /reason must be SAFETY\.INPUT/],
    ["a trickle without durationMs", { poll: [{ kind: "trickle", calls: [1] }] }, /poll\[0\]\.durationMs/],
    ["a misspelt endpoint", { polls: [] }, /Unrecognized key: "polls"/],
    ["a misspelt option", { poll: [{ kind: "http", status: 503, calls: [1], retry_after: 2 }] }, /Unrecognized key: "retry_after"/],
    ["a negative seed", { seed: -1 }, /seed/],
  ])("refuse %s with a clear message", (_name, config, message) => {
    expect(() => parseFaults(config)).toThrow(message);
  });

  it("refuse text that is not JSON, naming the variable", () => {
    expect(() => parseFaultsJson("{poll:[]}")).toThrow(/^Invalid SIMULATOR_FAULTS: not JSON/);
  });

  it("are checked by startSimulator before it listens", async () => {
    const bad = { poll: [{ kind: "hang" }] } as unknown as Parameters<typeof startSimulator>[0]["faults"];
    await expect(startSimulator({ apiKey: TEST_KEY, dataDir: os.tmpdir(), faults: bad })).rejects.toThrow(/Invalid faults:[\s\S]*exactly one trigger/);
  });

  it("stop `npm run simulator` at start-up when SIMULATOR_FAULTS is bad", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "sim-main-"));
    try {
      const env = { ...process.env, SIMULATOR_PORT: "0", SIMULATOR_DATA_DIR: dataDir, SIMULATOR_FAULTS: '{"create":[{"kind":"hang"}]}' };
      const started = run(path.resolve("node_modules/.bin/tsx"), ["src/simulator/main.ts"], { env, timeout: 15_000 });
      const failure = (await started.then(() => new Error("main.ts started"), (error: unknown) => error)) as { code?: number; stderr?: string };
      expect(failure.code).toBe(1);
      expect(failure.stderr).toMatch(/Invalid SIMULATOR_FAULTS:[\s\S]*exactly one trigger[\s\S]*create\[0\]/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
