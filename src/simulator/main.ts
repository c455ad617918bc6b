/**
 * `npm run simulator`: the offline AI/ML API on SIMULATOR_PORT, until SIGINT/SIGTERM.
 * SIMULATOR_FAULTS (JSON, see faults-config.ts) injects faults for chaos runs. The only
 * place the simulator reads the environment: embedded in the BFF, it gets options instead.
 */
import { parseTimingSetting } from "./timing";
import { parseFaultsJson } from "./faults-config";
import { renderModeSetting } from "./render-mode";
import { startSimulator } from "./simulator";

const env = process.env;
const port = Number(env.SIMULATOR_PORT ?? 8788);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  throw new Error(`SIMULATOR_PORT must be a port number, got "${env.SIMULATOR_PORT}"`);
}
const timeScale = env.SIMULATOR_TIME_SCALE ? Number(env.SIMULATOR_TIME_SCALE) : undefined;
if (timeScale !== undefined && !(Number.isFinite(timeScale) && timeScale >= 0)) {
  throw new Error(`SIMULATOR_TIME_SCALE must be a number ≥ 0, got "${env.SIMULATOR_TIME_SCALE}"`);
}
const renderSetting = renderModeSetting.safeParse(env.SIMULATOR_RENDER);
if (!renderSetting.success) throw new Error(`SIMULATOR_RENDER: ${renderSetting.error.issues[0]?.message ?? "invalid"}`);
const render = renderSetting.data;

const endpoints = env.SIMULATOR_ENDPOINTS ?? "both";
if (endpoints !== "both" && endpoints !== "universal") {
  throw new Error(`SIMULATOR_ENDPOINTS must be "both" or "universal", got "${endpoints}"`);
}

const simulator = await startSimulator({
  apiKey: env.SIMULATOR_KEY ?? "sim-local-key",
  port,
  dataDir: env.SIMULATOR_DATA_DIR ?? "./data/simulator",
  faults: parseFaultsJson(env.SIMULATOR_FAULTS),
  timing: parseTimingSetting(env.SIMULATOR_TIMING),
  persist: true,
  render,
  endpoints,
  retiredModels: (env.SIMULATOR_RETIRED_MODELS ?? "").split(",").map((m) => m.trim()).filter(Boolean),
  ...(timeScale === undefined ? {} : { timeScale }),
  ...(env.FFMPEG_PATH ? { ffmpegPath: env.FFMPEG_PATH } : {}),
  log: (line) => console.log(`[simulator] ${line}`),
});
console.log(`AI/ML API simulator listening on ${simulator.url}`);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void simulator.close().then(() => process.exit(0));
  });
}
