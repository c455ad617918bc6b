import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { takeListSchema, takeSchema, type Take } from "../shared/take";
import type { Simulator } from "../simulator/simulator";
import { startTestSimulator } from "../simulator/sim-test-client";
import { startS3Server, type TestS3 } from "./testing/s3-server";
import { killHard, spawnBff, type SpawnedBff } from "./testing/spawn-bff";
import { postJson, testImage, upload } from "./testing/studio-harness";
import { freshSchema, testPostgres } from "./testing/test-postgres";
import type { PostgresCluster } from "./testing/postgres-cluster";

// Issue 16: two studio processes on one Postgres schema and one bucket, one killed with -9 while
// its takes run. The upstream is a simulator in this process, so it outlives both.
const KEY = "sim-two-replicas-key";
const TAKES = 40;
/** Sent and answered before the kill. The next four creates (two per replica) have their replies trickled, so the kill finds two of them mid-create. */
const BEFORE_KILL = 28;
const MID_CREATE = 4;
const LEASE_MS = 1500;
/** The steady poll and the budget's loop alike: a single replica then polls every job at most once per POLL_MS. */
const POLL_MS = 250;

let dir: string;
let postgres: PostgresCluster;
let s3: TestS3;
let simulator: Simulator;
const schema = freshSchema("two_replicas");
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dailies-two-replicas-"));
  [postgres, s3] = await Promise.all([testPostgres(), startS3Server()]);
  simulator = await startTestSimulator({
    apiKey: KEY,
    dataDir: join(dir, "upstream"),
    // Every job of a model takes its median (gen3a 2 s, gen4 5.2 s): the poll bound below is then the runner's, not the draw's.
    timeScale: 0.08,
    timing: "fixed",
    faults: { create: [{ kind: "trickle", durationMs: 3000, from: BEFORE_KILL + 1, to: BEFORE_KILL + MID_CREATE }] },
  });
});
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await simulator?.close();
  await s3?.stop();
  postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function startReplica(name: string): Promise<SpawnedBff> {
  return spawnBff(
    {
      ...s3.studioEnv("studio/"),
      DATABASE_URL: postgres.url,
      DATABASE_SCHEMA: schema,
      REPLICA_ID: name,
      JOB_LEASE_MS: String(LEASE_MS),
      AIMLAPI_KEY: KEY,
      AIMLAPI_BASE_URL: simulator.url,
      POLL_INTERVAL_MS: String(POLL_MS),
      POLL_BUDGET_LOOP_MS: String(POLL_MS),
      ARCHIVE_RETRY_BASE_MS: "50",
      DATA_DIR: join(dir, name),
      // The simulator charges nothing: no default spend limits.
      LIMIT_RUNNING_PER_USER: "0",
      LIMIT_DAILY_STUDIO: "0",
    },
    children,
  );
}

type Submitted = { id: string; lostMidCreate: boolean };

/**
 * One submit of the SPA's: its own Idempotency-Key, sent to `to`. A refused connection goes to
 * the other replica, as the proxy does; an answer lost mid-request is sent there again with the
 * same key, as a person pressing Generate again would (the key keeps it one take).
 */
async function submit(n: number, to: SpawnedBff, other: SpawnedBff, uploadId: string): Promise<Submitted> {
  const body = { model: n % 4 < 2 ? "gen3a_turbo" : "gen4_turbo", prompt: `take ${n}`, image: { uploadId }, ratio: "16:9", duration: 5 };
  const headers = { "Idempotency-Key": `two-replicas-take-${n}` };
  let lostMidCreate = false;
  const response = await postJson(to.url, "/api/generations", body, headers).catch((error: unknown) => {
    lostMidCreate = (error as { cause?: { code?: string } }).cause?.code !== "ECONNREFUSED";
    return postJson(other.url, "/api/generations", body, headers);
  });
  expect([200, 201]).toContain(response.status);
  return { id: takeSchema.parse(await response.json()).id, lostMidCreate };
}

async function listed(replica: SpawnedBff): Promise<Take[]> {
  return takeListSchema.parse(await (await fetch(`${replica.url}/api/generations?limit=100`)).json()).items;
}

async function allSettled(replica: SpawnedBff, timeoutMs: number): Promise<Take[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const takes = await listed(replica);
    if (takes.length === TAKES && takes.every((take) => take.status === "completed" || take.status === "failed")) return takes;
    if (Date.now() > until) throw new Error(`still running after ${timeoutMs} ms: ${takes.filter((t) => t.status !== "completed" && t.status !== "failed").map((t) => `${t.id} ${t.status}`).join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The simulator's usage log: the take id each create carried (X-Client-Request-Id) and the job it made. */
async function upstreamCreates(): Promise<{ takeId: string | null; jobId: string | null }[]> {
  const reply = await fetch(`${simulator.url}/v2/logs?period=24h&limit=100`, { headers: { authorization: `Bearer ${KEY}` } });
  const { data } = (await reply.json()) as { data: { client_request_id: string | null; inference_id: string | null }[] };
  return data.map((row) => ({ takeId: row.client_request_id, jobId: row.inference_id }));
}

it("two replicas on one database: one killed with -9 mid-run, the other finishes its takes, none sent twice, polled within one replica's budget", async () => {
  const [a, b] = await Promise.all([startReplica("replica-a"), startReplica("replica-b")]);
  const uploaded = await upload(a.url, await testImage());
  expect(uploaded.status).toBe(201);
  const { id: uploadId } = (await uploaded.json()) as { id: string };
  const send = (n: number) => (n % 2 === 0 ? submit(n, a, b, uploadId) : submit(n, b, a, uploadId));

  const submitted: Submitted[] = [];
  for (let n = 0; n < BEFORE_KILL; n += 4) submitted.push(...(await Promise.all([0, 1, 2, 3].map((k) => send(n + k)))));
  // Four creates whose replies trickle: once all four have reached the upstream, replica A dies mid-create in two of them.
  const midCreate = Array.from({ length: MID_CREATE }, (_, k) => send(BEFORE_KILL + k));
  while (simulator.stats().creates < BEFORE_KILL + MID_CREATE) await new Promise((resolve) => setTimeout(resolve, 10));
  const running = (await listed(b)).filter((take) => take.status !== "completed" && take.status !== "failed").length;
  await killHard(a.child);
  submitted.push(...(await Promise.all(midCreate)));
  for (let n = BEFORE_KILL + MID_CREATE; n < TAKES; n++) submitted.push(await send(n));
  expect(running).toBeGreaterThan(MID_CREATE);
  expect(submitted.filter((s) => s.lostMidCreate)).toHaveLength(MID_CREATE / 2);

  // Every take ends on the survivor: A's running ones taken over once their leases lapse; the two it was sending, failed unsent again.
  const settled = await allSettled(b, 45_000);
  expect(new Set(settled.map((take) => take.id))).toEqual(new Set(submitted.map((s) => s.id)));
  const interrupted = settled.filter((take) => take.status === "failed");
  expect(interrupted.map((take) => take.error?.code)).toEqual(interrupted.map(() => "submit_interrupted"));
  expect(new Set(interrupted.map((take) => take.id))).toEqual(new Set(submitted.filter((s) => s.lostMidCreate).map((s) => s.id)));

  // One create per take, the interrupted ones included (they reached the upstream), and never a second.
  const creates = await upstreamCreates();
  expect(creates).toHaveLength(TAKES);
  expect(simulator.stats().creates).toBe(TAKES);
  expect(new Set(creates.map((c) => c.takeId))).toEqual(new Set(submitted.map((s) => s.id)));

  // GETs per job: what one replica's poller spends on a job of that length (one per POLL_MS), plus the taker's first look.
  const { pollsPerJob } = simulator.stats();
  const jobOf = new Map(creates.map((c) => [c.takeId, c.jobId]));
  for (const take of settled) {
    const gets = pollsPerJob[jobOf.get(take.id)!] ?? 0;
    if (take.status === "failed") {
      expect(gets, take.id).toBe(0);
      continue;
    }
    const { submittedAt, finishedAt } = take.timings;
    const runMs = Date.parse(finishedAt!) - Date.parse(submittedAt!);
    expect(gets, `${take.id} ran ${runMs} ms`).toBeLessThanOrEqual(Math.ceil(runMs / POLL_MS) + 2);
  }

  // The same takes and statuses from the survivor and from A started again.
  const again = await startReplica("replica-a");
  const summary = (takes: Take[]) => takes.map((t) => ({ id: t.id, status: t.status, code: t.error?.code ?? null, bytes: t.video?.bytes ?? null })).sort((x, y) => x.id.localeCompare(y.id));
  expect(summary(await listed(again))).toEqual(summary(settled));

  // Videos play through the survivor, from the bucket: the first takes sent to each replica.
  for (const { id } of submitted.slice(0, 6)) {
    const take = settled.find((t) => t.id === id)!;
    const video = await fetch(`${b.url}${take.video!.url}`, { headers: { range: "bytes=0-99" } });
    expect(video.status).toBe(206);
    expect(video.headers.get("content-range")).toBe(`bytes 0-99/${take.video!.bytes}`);
    expect((await video.arrayBuffer()).byteLength).toBe(100);
  }
  b.child.kill("SIGTERM");
  again.child.kill("SIGTERM");
}, 120_000);
