// `npm run load:bursts`: only the audit's upload bursts, against a freshly started BFF in its
// own process, printing each burst's answers and the BFF's RSS before and at its peak.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startChildStudio } from "./child-studio";
import { uploadBursts } from "./upload-bursts";

const dataDir = mkdtempSync(join(tmpdir(), "dailies-bursts-"));
const studio = await startChildStudio(process.cwd(), { HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, STATIC_DIR: "", LOG_LEVEL: "warn" });
let failed = false;
try {
  for (const burst of await uploadBursts(studio.url, studio.pid)) {
    failed ||= !burst.ok;
    console.log(`${burst.label.padEnd(40)} ${burst.statuses} in ${burst.seconds.toFixed(1)} s; RSS ${burst.startRssMb.toFixed(0)} → peak ${burst.peakRssMb.toFixed(0)} MB`);
  }
} finally {
  await studio.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
