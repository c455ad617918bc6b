// The simulator in its own process, for the studio load run: its renders and its synchronous
// jobs.json rewrites then cannot stall the event loop that times the tabs' requests.
import { startSimulator } from "../../src/simulator/simulator";
import { serveAsChild } from "./child-process-life";

const { SIMULATOR_KEY: apiKey, SIMULATOR_DATA_DIR: dataDir, SIMULATOR_TIME_SCALE: scale } = process.env;
if (!apiKey || !dataDir || !(Number(scale) > 0)) throw new Error("SIMULATOR_KEY, SIMULATOR_DATA_DIR and SIMULATOR_TIME_SCALE (> 0) are required.");
const simulator = await startSimulator({ apiKey, dataDir, timeScale: Number(scale) });
serveAsChild(simulator);
