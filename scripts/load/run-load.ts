// `npm run load`: a bounded load run against a real studio on loopback, in one of two modes.
//   saturation (the default): closed-loop connections, the most the BFF can answer (run-saturation.ts).
//   studio (`npm run load -- --studio`, LOAD_MODE=studio or `npm run load:studio`): open tabs
//   polling as the SPA does while takes run and frames upload (run-studio.ts).
//   `--replicas N` (studio mode): N studios on one Postgres schema and one bucket (run-studio.ts).
const requested = process.argv.includes("--studio") ? "studio" : (process.env.LOAD_MODE ?? "saturation");
if (requested !== "studio" && requested !== "saturation") {
  throw new Error(`LOAD_MODE must be "saturation" or "studio", not "${requested}".`);
}
if (requested === "saturation" && process.argv.includes("--replicas")) throw new Error("--replicas is for the studio mode: npm run load -- --studio --replicas 2");
await (requested === "studio" ? import("./run-studio") : import("./run-saturation"));

// A module, for the top-level await above.
export {};
