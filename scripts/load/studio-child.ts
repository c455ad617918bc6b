// The BFF as `npm run serve` runs it, minus dotenv (a stray .env must not point a load run
// at the real API), announcing its address on stdout whatever LOG_LEVEL says.
import { parseEnv } from "../../src/server/env";
import { createLogger } from "../../src/server/logger";
import { startStudio } from "../../src/server/studio";

const env = parseEnv();
const log = createLogger(env.LOG_LEVEL, env.AIMLAPI_KEY ? [env.AIMLAPI_KEY] : []);
const studio = await startStudio(env, log);
process.stdout.write(`ready at ${studio.url}\n`);

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  studio.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// The parent going away (even by SIGKILL) closes our stdin: don't outlive it.
process.stdin.on("end", stop);
process.stdin.resume();
