// The BFF as `npm run serve` runs it, minus dotenv (a stray .env must not point a load run
// at the real API), announcing its address on stdout whatever LOG_LEVEL says.
import { parseEnv } from "../../src/server/env";
import { createLogger } from "../../src/server/logger";
import { startStudio } from "../../src/server/studio";
import { serveAsChild } from "./child-process-life";

const env = parseEnv();
const log = createLogger(env.LOG_LEVEL, env.AIMLAPI_KEY ? [env.AIMLAPI_KEY] : []);
const studio = await startStudio(env, log);
serveAsChild(studio);
