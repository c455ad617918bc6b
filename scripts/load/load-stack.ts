import { join } from "node:path";
import { startSimulator } from "../../src/simulator/simulator";
import { startChildStudio, type ChildStudio } from "./child-studio";

export type LoadStack = { studio: ChildStudio; stop(): Promise<void> };

/** How much faster than the real provider the simulated jobs run. */
export const TIME_SCALE = 0.3;

/**
 * The simulator and the BFF, each on 127.0.0.1. The upstream runs outside the BFF, as the real
 * one would: the BFF's memory and latency are then the BFF's own, not the simulator's renders.
 * `upstream: "child"` also keeps it out of the load process, whose event loop times requests.
 */
export async function startLoadStack(repoRoot: string, dataDir: string, { upstream = "in-process" as "in-process" | "child" } = {}): Promise<LoadStack> {
  const apiKey = `load-${Date.now()}`;
  const simulator =
    upstream === "child"
      ? await startChildStudio(
          repoRoot,
          { SIMULATOR_KEY: apiKey, SIMULATOR_DATA_DIR: join(dataDir, "upstream"), SIMULATOR_TIME_SCALE: String(TIME_SCALE) },
          "scripts/load/simulator-child.ts",
        )
      : await startSimulator({ apiKey, dataDir: join(dataDir, "upstream"), timeScale: TIME_SCALE });
  const closeSimulator = () => ("pid" in simulator ? simulator.stop() : simulator.close());
  try {
    const studio = await startChildStudio(repoRoot, {
      HOST: "127.0.0.1",
      PORT: "0",
      DATA_DIR: join(dataDir, "studio"),
      STATIC_DIR: "",
      AIMLAPI_KEY: apiKey,
      AIMLAPI_BASE_URL: simulator.url,
      LOG_LEVEL: "warn",
      // The load's own upstream spends nothing: no default spend limits.
      LIMIT_RUNNING_PER_USER: "0",
      LIMIT_DAILY_STUDIO: "0",
    });
    return {
      studio,
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
