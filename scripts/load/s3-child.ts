// An S3-compatible store (s3rver) in its own process, for the studio load run on replicas: its
// hashing and disk writes stay out of the event loop that times the tabs' requests.
import { startS3Server } from "../../src/server/testing/s3-server";
import { serveAsChild } from "./child-process-life";

const s3 = await startS3Server("dailies-load");
// Before the address: startChildStudio keeps the lines a child says before it (replica-stack.ts reads this one).
process.stdout.write(`studio media ${JSON.stringify(s3.studioEnv("media/"))}\n`);
serveAsChild({ url: s3.endpoint, close: s3.stop });
