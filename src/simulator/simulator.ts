import { createAdaptorServer } from "@hono/node-server";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import type { CreateRequest } from "./create-request";
import { createFaultPlan } from "./fault-plan";
import { parseFaults } from "./faults-config";
import type { FaultsConfig } from "./faults-config";
import { fetchImage } from "./input-image";
import { readInjection } from "./injection";
import type { Injection } from "./injection";
import type { Job, ReplyShape } from "./jobs";
import { createTaskPool } from "../node/task-pool";
import { renderVideo } from "./render-video";
import type { RenderMode } from "./render-mode";
import { createRoutes } from "./routes";
import { emptyStats } from "./stats";
import type { Stats } from "./stats";

export type SimulatorOptions = {
  /** The bearer token it accepts; anything else → 401. */
  apiKey: string;
  /** Default "127.0.0.1": loopback only. */
  host?: string;
  /** Default 0: a random free port. */
  port?: number;
  /** Where rendered MP4s go (created if missing). */
  dataDir: string;
  /** Multiplies the realistic timeline; default 0.25. */
  timeScale?: number;
  /** Default the @ffmpeg-installer/ffmpeg binary. */
  ffmpegPath?: string;
  /** "motion" (default) or "still": see render-mode.ts. */
  render?: RenderMode;
  /** Shape of `video` in poll replies; default "strings", the vendor URL's documented shape. */
  replyShape?: ReplyShape;
  /** Per-run fault injection for chaos tests (see faults-config.ts); none by default. Refused with a clear message when invalid. */
  faults?: FaultsConfig;
  log?: (line: string) => void;
};

export type Simulator = { url: string; close(): Promise<void>; stats(): Stats };

const MAX_PARALLEL_RENDERS = 2;
const DEFAULT_TIME_SCALE = 0.25;

/** The simulator program reads FFMPEG_PATH in main.ts; the BFF passes its own choice. */
function bundledFfmpegPath(): string {
  // Loaded lazily so an explicit path works where the installer package is absent.
  const installer = createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg") as { path: string };
  return installer.path;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const log = options.log ?? (() => {});
  const faults = options.faults === undefined ? undefined : parseFaults(options.faults);
  const timeScale = options.timeScale ?? DEFAULT_TIME_SCALE;
  const ffmpegPath = options.ffmpegPath ?? bundledFfmpegPath();
  const renderMode = options.render ?? "motion";
  const dataDir = path.resolve(options.dataDir);
  const workDir = path.join(dataDir, "tmp");
  await mkdir(workDir, { recursive: true });

  const jobs = new Map<string, Job>();
  const stats: Stats = emptyStats();
  const queue = createTaskPool(MAX_PARALLEL_RENDERS);
  const shutdown = new AbortController();
  const renders = new Set<Promise<void>>();
  const fileOf = (id: string) => path.join(dataDir, `${id}.mp4`);

  function startRender(job: Job, request: CreateRequest) {
    const size = request.model.outputSizes[request.ratio];
    if (!size) throw new Error(`no output size for ${request.ratio}`);
    const started = Date.now();
    const render = queue
      .run(async () => {
        if (shutdown.signal.aborted) throw new Error("simulator closed");
        const first = request.firstImage ?? (await fetchImage(request.imageUrl, log));
        const last = request.lastImageUrl === undefined ? null : (request.lastImage ?? (await fetchImage(request.lastImageUrl, log)));
        await renderVideo(
          { id: job.id, ...size, duration: request.duration, seed: request.seed, first, last, outFile: fileOf(job.id) },
          { ffmpegPath, workDir, signal: shutdown.signal, log, mode: renderMode },
        );
      })
      .then(
        () => {
          job.render = { state: "done" };
          log(`rendered ${job.id} (${size.width}x${size.height}, ${request.duration} s) in ${Date.now() - started} ms`);
        },
        (error: unknown) => {
          const message = `Video rendering failed: ${error instanceof Error ? error.message : String(error)}`;
          job.render = { state: "failed", message };
          if (!shutdown.signal.aborted) log(`render of ${job.id} failed: ${message}`);
        },
      )
      .finally(() => renders.delete(render));
    renders.add(render);
  }

  function createJob(request: CreateRequest, doomed: Injection | undefined): Job {
    const injection = doomed ?? readInjection(request.prompt);
    const job: Job = {
      id: randomUUID(),
      model: request.model,
      duration: request.duration,
      createdAt: Date.now(),
      queuedMs: request.model.queuedMs * timeScale,
      totalMs: request.model.totalMs * timeScale,
      injection,
      render: { state: "pending" },
      jwt: randomBytes(24).toString("base64url"),
    };
    jobs.set(job.id, job);
    // Injected outcomes never produce a video, so rendering one would only waste CPU.
    if (injection.kind === "none") startRender(job, request);
    log(`created ${job.id} (${request.model.wireName}, ${request.ratio}, ${request.duration} s, ${injection.kind})`);
    return job;
  }

  const app = createRoutes({
    apiKey: options.apiKey,
    replyShape: options.replyShape ?? "strings",
    stats,
    faults: createFaultPlan(faults),
    signal: shutdown.signal,
    log,
    findJob: (id) => jobs.get(id),
    createJob,
    fileOf: (id) => (jobs.get(id)?.render.state === "done" ? fileOf(id) : undefined),
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const host = options.host ?? "127.0.0.1";
  const address = await listen(server, options.port ?? 0, host);
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;

  return {
    url,
    stats: () => structuredClone(stats),
    async close() {
      shutdown.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, ...renders]);
    },
  };
}
