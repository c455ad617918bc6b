/**
 * `npm run simulator`: the offline AI/ML API on SIMULATOR_PORT, until SIGINT/SIGTERM.
 * SIMULATOR_FAULTS (JSON, see faults-config.ts) injects faults for chaos runs.
 */
import { parseFaultsJson } from "./faults-config";
import { startSimulator } from "./simulator";

const port = Number(process.env.SIMULATOR_PORT ?? 8788);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  throw new Error(`SIMULATOR_PORT must be a port number, got "${process.env.SIMULATOR_PORT}"`);
}

const simulator = await startSimulator({
  apiKey: process.env.SIMULATOR_KEY ?? "sim-local-key",
  port,
  dataDir: process.env.SIMULATOR_DATA_DIR ?? "./data/simulator",
  faults: parseFaultsJson(process.env.SIMULATOR_FAULTS),
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
