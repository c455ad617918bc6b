import "dotenv/config";
import { parseEnv } from "./env";
import { createLogger } from "./logger";
import { startStudio } from "./studio";

async function main(): Promise<void> {
  let env;
  try {
    env = parseEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const log = createLogger(env.LOG_LEVEL, env.AIMLAPI_KEY ? [env.AIMLAPI_KEY] : []);
  const studio = await startStudio(env, log);
  if (studio.provider === "simulator") {
    log.warn("No AIMLAPI_KEY is set: Dailies runs on its built-in simulator of the AI/ML API (local previews, no credits spent).");
  } else {
    log.info({ baseUrl: env.AIMLAPI_BASE_URL }, "Using the AI/ML API");
  }
  log.info(`Dailies is ready at ${studio.url}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down; unfinished jobs resume at the next start");
    studio.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error("Dailies could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
