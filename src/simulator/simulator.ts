import { createAdaptorServer } from "@hono/node-server";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
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
import { createJobFile, type JobInput } from "./job-file";
import { createTaskPool } from "../node/task-pool";
import { renderVideo } from "./render-video";
import { createStillRenders } from "./still-renders";
import type { RenderMode } from "./render-mode";
import { createRequestLog } from "./request-log";
import { createRoutes } from "./routes";
import { emptyStats } from "./stats";
import { DEFAULT_TIMING, drawTimeline, type TimingConfig } from "./timing";
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
  /**
   * Keep jobs in `<dataDir>/jobs.json` and continue them after a restart (job-file.ts). For a
   * data folder only this simulator uses: `npm start` in simulator mode and `npm run simulator`.
   */
  persist?: boolean;
  /** How long jobs take around each model's median (see timing.ts); default: spread like a real provider's. */
  timing?: TimingConfig;
  /** Models to refuse as retired, as the vendor URL spells them (e.g. "gen3a_turbo"); none by default. */
  retiredModels?: readonly string[];
  /** "both" URL families (default) or "universal" alone: the vendor URL then answers 404, as on the day it is switched off. */
  endpoints?: "both" | "universal";
  /** Per-run fault injection for chaos tests (see faults-config.ts); none by default. Refused with a clear message when invalid. */
  faults?: FaultsConfig;
  log?: (line: string) => void;
};

export type Simulator = { url: string; close(): Promise<void>; stats(): Stats };

const MAX_PARALLEL_RENDERS = 2;

export const DEFAULT_TIME_SCALE = 0.25;

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
  const shutdown = new AbortController();
  const renders = new Set<Promise<void>>();
  const fileOf = (id: string) => path.join(dataDir, `${id}.mp4`);
  const jobFile = options.persist ? createJobFile(dataDir, log) : null;
  const timing = options.timing ?? DEFAULT_TIMING;

  // Renders happen off the timeline: the job's duration is drawn at create, and the render
  // runs meanwhile, earliest-due first, so a queue of renders delays the jobs due last rather
  // than all of them. The job completes at its drawn time if the file is there by then; a
  // render that is not is counted in stats.lateRenders, and the job completes when it is.
  // (Rendering at a lower CPU priority was tried: on a busy machine the renders starved.)
  const queue = createTaskPool(MAX_PARALLEL_RENDERS);
  const stills = createStillRenders();

  type RenderInput = Pick<JobInput, "ratio" | "seed" | "imageUrl" | "lastImageUrl"> & { firstImage: Buffer | undefined; lastImage: Buffer | undefined };

  function startRender(job: Job, input: RenderInput) {
    const size = job.model.outputSizes[input.ratio];
    if (!size) throw new Error(`no output size for ${input.ratio}`);
    const render = queue
      .run(async () => {
        if (shutdown.signal.aborted) throw new Error("simulator closed");
        const started = Date.now();
        const first = input.firstImage ?? (await fetchImage(input.imageUrl, log));
        const last = input.lastImageUrl === undefined ? null : (input.lastImage ?? (await fetchImage(input.lastImageUrl, log)));
        const how = await renderVideo(
          { id: job.id, ...size, duration: job.duration, seed: input.seed, first, last, outFile: fileOf(job.id) },
          { ffmpegPath, workDir, signal: shutdown.signal, log, mode: renderMode, stills },
        );
        log(`${how} ${job.id} (${size.width}x${size.height}, ${job.duration} s) in ${Date.now() - started} ms`);
      }, job.createdAt + job.totalMs)
      .then(
        () => {
          job.render = { state: "done" };
        },
        (error: unknown) => {
          const message = `Video rendering failed: ${error instanceof Error ? error.message : String(error)}`;
          job.render = { state: "failed", message };
          if (!shutdown.signal.aborted) log(`render of ${job.id} failed: ${message}`);
        },
      )
      .finally(() => {
        renders.delete(render);
        if (Date.now() > job.createdAt + job.totalMs) stats.lateRenders += 1;
        if (!shutdown.signal.aborted) jobFile?.update(job);
      });
    renders.add(render);
  }

  function createJob(request: CreateRequest, doomed: Injection | undefined): Job {
    const injection = doomed ?? readInjection(request.prompt);
    const job: Job = {
      id: randomUUID(),
      model: request.model,
      duration: request.duration,
      createdAt: Date.now(),
      ...drawTimeline(request.model, request.duration, timing, timeScale),
      injection,
      render: { state: "pending" },
      jwt: randomBytes(24).toString("base64url"),
    };
    jobs.set(job.id, job);
    // A data-URI image is kept as its bytes (job-file.ts writes them to a file), not as megabytes of text.
    const reference = (url: string, bytes: Buffer | undefined) => (bytes ? "data:" : url);
    const input = {
      ratio: request.ratio,
      seed: request.seed,
      imageUrl: reference(request.imageUrl, request.firstImage),
      ...(request.lastImageUrl === undefined ? {} : { lastImageUrl: reference(request.lastImageUrl, request.lastImage) }),
    };
    jobFile?.add(job, input, request.firstImage, request.lastImage);
    // Injected outcomes never produce a video, so rendering one would only waste CPU.
    if (injection.kind === "none") startRender(job, { ...input, firstImage: request.firstImage, lastImage: request.lastImage });
    log(`created ${job.id} (${request.model.wireName}, ${request.ratio}, ${request.duration} s, ${injection.kind}, due in ${Math.round(job.totalMs)} ms)`);
    return job;
  }

  // What the last run left: rendered jobs stay served, unfinished renders start again.
  for (const { job, input } of jobFile?.load() ?? []) {
    jobs.set(job.id, job);
    if (job.render.state === "done" && !existsSync(fileOf(job.id))) job.render = { state: "pending" };
    if (job.render.state === "pending" && job.injection.kind === "none") startRender(job, input);
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
    requestLog: createRequestLog(),
    retiredModels: new Set(options.retiredModels ?? []),
    vendorUrl: (options.endpoints ?? "both") === "both",
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
