// The BFF as `npm run serve` runs it, minus dotenv (a stray .env must not point a load run
// at the real API), announcing its address on stdout whatever LOG_LEVEL says. With
// LOAD_LOG_FILE, its whole log (at LOG_LEVEL, `info` by default as in a studio) goes to that
// file, as a studio's goes to its log collector, and only warnings and worse to stdout: the
// run reads the BFF's own request times from the file afterwards (studio-log.ts).
import pino from "pino";
import { parseEnv } from "../../src/server/env";
import { createLogger } from "../../src/server/logger";
import { startStudio } from "../../src/server/studio";
import { serveAsChild } from "./child-process-life";

const env = parseEnv();
const file = process.env.LOAD_LOG_FILE;
const destination = file
  ? pino.multistream([
      { level: env.LOG_LEVEL, stream: pino.destination({ dest: file, sync: false, mkdir: true }) },
      { level: "warn", stream: process.stdout },
    ])
  : undefined;
const log = createLogger(env.LOG_LEVEL, env.AIMLAPI_KEY ? [env.AIMLAPI_KEY] : [], destination);
const studio = await startStudio(env, log);
serveAsChild(studio);
