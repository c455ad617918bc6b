// `npm run migrate`: moves a single-machine studio onto PostgreSQL (and its media onto S3).
// See README, "Moving a studio to PostgreSQL and S3"; the work is in src/server/migrate/.
import "dotenv/config";
import { runMigrate } from "../src/server/migrate/run-migrate";

process.exitCode = await runMigrate(process.argv.slice(2), process.env, { out: console.log, err: console.error });
