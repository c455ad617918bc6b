import { setPriority } from "node:os";
import { join } from "node:path";
import { startSimulator } from "../../src/simulator/simulator";
import { startChildStudio, type ChildStudio } from "./child-studio";

/** `studios`: every BFF process the load is spread over (one, or the replicas of replica-stack.ts); `studio` is the first. */
export type LoadStack = { studio: ChildStudio; studios: ChildStudio[]; stop(): Promise<void> };

/** How much faster than the real provider the simulated jobs run. */
export const TIME_SCALE = 0.3;

/** The lowest CPU priority: what the studio and the tabs leave over. */
const OUTSIDER_NICE = 19;

/**
 * The simulator in its own process, so its renders and its jobs.json rewrites cannot stall the
 * load process's event loop. It stands for the provider's machines, which are not this one: it
 * runs at the lowest CPU priority (its ffmpeg renders inherit it), so its renders, more than a
 * core of x264 while 20 takes run, take only the CPU the studio and the tabs leave. A render
 * still late when its job is due delays that job (counted in the simulator's lateRenders).
 */
export async function startChildSimulator(repoRoot: string, dataDir: string, apiKey: string): Promise<ChildStudio> {
  const env = { SIMULATOR_KEY: apiKey, SIMULATOR_DATA_DIR: join(dataDir, "upstream"), SIMULATOR_TIME_SCALE: String(TIME_SCALE) };
  const simulator = await startChildStudio(repoRoot, env, "scripts/load/simulator-child.ts");
  setPriority(simulator.pid, OUTSIDER_NICE);
  return simulator;
}

/** The settings every load run's studio gets, whatever else it is given. */
export const loadStudioEnv = (apiKey: string, upstreamUrl: string): Record<string, string> => ({
  HOST: "127.0.0.1",
  PORT: "0",
  STATIC_DIR: "",
  AIMLAPI_KEY: apiKey,
  AIMLAPI_BASE_URL: upstreamUrl,
  // As a studio runs (the default level): every request writes its log line. Into a file of the
  // run's (LOAD_LOG_FILE, studio-child.ts), from which the BFF's own request times are read.
  LOG_LEVEL: "info",
  // The load's own upstream spends nothing: no default spend limits.
  LIMIT_RUNNING_PER_USER: "0",
  LIMIT_DAILY_STUDIO: "0",
});

/**
 * The simulator and the BFF, each on 127.0.0.1. The upstream runs outside the BFF, as the real
 * one would: the BFF's memory and latency are then the BFF's own, not the simulator's renders.
 * `upstream: "child"` also keeps it out of the load process, whose event loop times requests.
 */
export async function startLoadStack(repoRoot: string, dataDir: string, { upstream = "in-process" as "in-process" | "child" } = {}): Promise<LoadStack> {
  const apiKey = `load-${Date.now()}`;
  const simulator =
    upstream === "child" ? await startChildSimulator(repoRoot, dataDir, apiKey) : await startSimulator({ apiKey, dataDir: join(dataDir, "upstream"), timeScale: TIME_SCALE });
  const closeSimulator = () => ("pid" in simulator ? simulator.stop() : simulator.close());
  try {
    const studio = await startChildStudio(repoRoot, { ...loadStudioEnv(apiKey, simulator.url), DATA_DIR: join(dataDir, "studio"), LOAD_LOG_FILE: join(dataDir, "studio.log") });
    return {
      studio,
      studios: [studio],
      async stop() {
        await studio.stop();
        await closeSimulator();
      },
    };
  } catch (error) {
    await closeSimulator();
    throw error;
  }
}
