/**
 * Chaos: the simulator injects each fault of the AI/ML API's bad minutes while 20 takes run
 * at once. Every take must end completed or failed with a clear reason, none stuck, the
 * upstream create count must match what was asked (never a create sent twice), and the
 * studio must keep answering.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Take } from "../shared/take";
import type { FaultsConfig } from "../simulator/faults-config";
import { startSimulator } from "../simulator/simulator";
import { bundledFfmpegPath } from "./media/ffmpeg";
import { postJson, startHarness, testImage, upload } from "./testing/studio-harness";

const KEY = "chaos-key-0123456789";
const JOBS = 20;
// Stuck means never settling, not slow: the poll-fault case took 14 s on a quiet machine and
// 47 s in a CI run beside a mutation run, so the bound leaves room for a starved machine.
const STUCK_MS = 90_000;
let dir: string;
let fakeFfmpeg: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dailies-chaos-"));
  // One real MP4, rendered once; the simulator's "renders" copy it, so 20 jobs cost no CPU
  // while the BFF still downloads and checks a real video each time.
  const template = join(dir, "template.mp4");
  execFileSync(bundledFfmpegPath(), ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=320x192:rate=24:duration=1", "-pix_fmt", "yuv420p", "-c:v", "libx264", "-movflags", "+faststart", "-y", template]);
  fakeFfmpeg = join(dir, "fake-ffmpeg.sh");
  writeFileSync(fakeFfmpeg, `#!/bin/sh\nfor last; do :; done\ncp "${template}" "$last"\n`);
  chmodSync(fakeFfmpeg, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Outcome = { status: string; code?: string | undefined };

async function runChaos(faults: FaultsConfig, env: Record<string, string> = {}) {
  const simulator = await startSimulator({ apiKey: KEY, dataDir: mkdtempSync(join(dir, "sim-")), timeScale: 0.01, ffmpegPath: fakeFfmpeg, faults });
  const h = await startHarness({
    AIMLAPI_KEY: KEY,
    AIMLAPI_BASE_URL: simulator.url,
    POLL_INTERVAL_MS: "50",
    // Long enough that 20 creates at once on a busy 2-core machine are not mistaken for a hang.
    UPSTREAM_TIMEOUT_MS: "2000",
    ARCHIVE_RETRY_BASE_MS: "20",
    LOG_LEVEL: "warn",
    // The static build starts ~10× faster than a dynamically linked one: this suite is about
    // upstream faults, and archive-check.test.ts covers each ffmpeg.
    FFMPEG_PATH: bundledFfmpegPath(),
    ...env,
  });
  try {
    const image = (await (await upload(h.url, await testImage(640, 384))).json()) as { id: string };
    const responses = await Promise.all(
      Array.from({ length: JOBS }, (_, n) =>
        postJson(h.url, "/api/generations", { model: "gen3a_turbo", prompt: `chaos take ${n}`, image: { uploadId: image.id }, ratio: "16:9", duration: 5 }),
      ),
    );
    expect(responses.every((r) => r.status < 500 || r.status === 502)).toBe(true);
    const until = Date.now() + STUCK_MS;
    let takes: Take[] = [];
    for (;;) {
      takes = ((await (await fetch(`${h.url}/api/generations?limit=100`)).json()) as { items: Take[] }).items;
      if (takes.length === JOBS && takes.every((t) => t.status === "completed" || t.status === "failed")) break;
      if (Date.now() > until) throw new Error(`stuck: ${takes.filter((t) => t.status !== "completed" && t.status !== "failed").map((t) => `${t.id}:${t.status}`).join(", ")}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const take of takes.filter((t) => t.status === "failed")) {
      expect(take.error?.message.length, JSON.stringify(take.error)).toBeGreaterThan(30);
    }
    expect(await (await fetch(`${h.url}/api/health`)).json()).toMatchObject({ status: "ok" });
    const outcomes: Outcome[] = takes.map((t) => ({ status: t.status, code: t.error?.code }));
    return { outcomes, stats: simulator.stats() };
  } finally {
    await h.stop();
    await simulator.close();
  }
}

const count = (outcomes: Outcome[], status: string, code?: string) => outcomes.filter((o) => o.status === status && (code === undefined || o.code === code)).length;

// Room for the setup around the wait, so a stuck take fails with the names of the takes.
describe("chaos: 20 takes at once under each fault", { timeout: STUCK_MS + 30_000 }, () => {
  it("bad poll replies (500/502/503/504, 429, reset, malformed, wrong shape, unknown status, trickle, hang) never change a take", async () => {
    const poll: FaultsConfig["poll"] = [
      { kind: "http", status: 500, perJob: true, calls: [1] },
      { kind: "http", status: 502, perJob: true, calls: [2] },
      { kind: "http", status: 503, perJob: true, calls: [3] },
      { kind: "http", status: 504, perJob: true, calls: [4] },
      { kind: "http", status: 429, retryAfter: 1, perJob: true, calls: [5] },
      { kind: "http", status: 429, perJob: true, calls: [6] },
      { kind: "reset", perJob: true, calls: [7] },
      { kind: "malformed-json", perJob: true, calls: [8] },
      { kind: "wrong-shape", shape: "array", perJob: true, calls: [9] },
      { kind: "unknown-status", perJob: true, calls: [10] },
      { kind: "trickle", durationMs: 300, perJob: true, calls: [11] },
      { kind: "hang", perJob: true, calls: [12] },
    ];
    const { outcomes, stats } = await runChaos({ poll });
    expect(count(outcomes, "completed")).toBe(JOBS);
    expect(stats.creates).toBe(JOBS);
  });

  it("creates the upstream certainly refused (503 maintenance, 429 with and without Retry-After) are sent again and complete", async () => {
    const { outcomes, stats } = await runChaos({
      create: [
        { kind: "http", status: 503, calls: [1, 2, 3] },
        { kind: "http", status: 429, calls: [4, 5] },
        { kind: "http", status: 429, retryAfter: 1, calls: [6] },
      ],
    });
    expect(count(outcomes, "completed")).toBe(JOBS);
    expect(stats.creates).toBe(JOBS);
  });

  it("ambiguous creates are never resent: the usage log finds the six that arrived, which complete, and fails the four that never did as not received", async () => {
    const { outcomes, stats } = await runChaos(
      {
        create: [
          { kind: "http-after-create", status: 502, calls: [1] },
          { kind: "http-after-create", status: 500, calls: [2] },
          { kind: "reset-after-create", calls: [3] },
          { kind: "hang-after-create", calls: [4] },
          { kind: "malformed-json", calls: [5] },
          { kind: "wrong-shape", shape: "data", calls: [6] },
          // Answered before the provider processed them: no job, no row in the usage log.
          { kind: "http", status: 500, calls: [7] },
          { kind: "http", status: 502, calls: [8] },
          { kind: "reset", calls: [9] },
          { kind: "hang", calls: [10] },
        ],
      },
      { CHECK_SETTLE_MS: "400" },
    );
    expect(count(outcomes, "failed", "not_received")).toBe(4);
    expect(count(outcomes, "completed")).toBe(JOBS - 4);
    expect(stats.creates).toBe(JOBS - 4);
    expect(stats.calls.create).toBe(JOBS);
    expect(stats.calls.logs).toBeGreaterThanOrEqual(10);
  });

  it("every failure reason of the contract ends in its own clear message", async () => {
    const reasons = ["SAFETY.INPUT.TEXT", "SAFETY.OUTPUT.VIDEO", "INTERNAL.BAD_OUTPUT.CODE01", "ASSET.INVALID", "INTERNAL"];
    const { outcomes, stats } = await runChaos({
      create: reasons.map((reason, i) => ({ kind: "job-error" as const, reason, from: i * 4 + 1, to: i * 4 + 4 })),
    });
    for (const code of ["safety_input", "safety_output", "bad_output", "invalid_asset", "upstream_internal"]) {
      expect(count(outcomes, "failed", code), code).toBe(4);
    }
    expect(stats.creates).toBe(JOBS);
  });

  it("a result URL that answers 404, 403 or a truncated MP4 is fetched again; nothing half-downloaded is completed", async () => {
    const { outcomes, stats } = await runChaos({
      result: [
        { kind: "http", status: 404, perJob: true, calls: [1] },
        { kind: "http", status: 403, perJob: true, calls: [2] },
        { kind: "truncated", fraction: 0.5, perJob: true, calls: [3] },
      ],
    });
    expect(count(outcomes, "completed")).toBe(JOBS);
    expect(stats.creates).toBe(JOBS);
  });

  it("a result URL that has expired for good fails the take with a clear reason", async () => {
    const { outcomes } = await runChaos({ result: [{ kind: "http", status: 403, rate: 1 }] });
    expect(count(outcomes, "failed", "archive_failed")).toBe(JOBS);
  });

  it("a status the client doesn't know is polled until the deadline, then failed", async () => {
    const { outcomes, stats } = await runChaos({ poll: [{ kind: "unknown-status", status: "mystery", rate: 1 }] }, { JOB_DEADLINE_MINUTES: "0.03" });
    expect(count(outcomes, "failed", "deadline_exceeded")).toBe(JOBS);
    expect(stats.creates).toBe(JOBS);
  });
});
