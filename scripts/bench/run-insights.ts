// `npm run bench:insights`: the insights query over 50,000 seeded takes (scripts/bench/insights.ts),
// beside a trivial JSON reply and the usage report measured the same way in the same run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INSIGHTS_TAKES, measureInsights } from "./insights";
import { describeMachine } from "./machine";
import { formatMachine } from "./report";
import { startBenchUpstream } from "./upstream";

const work = mkdtempSync(join(tmpdir(), "dailies-insights-bench-"));
const upstream = await startBenchUpstream(0.2, join(work, "simulator"));
try {
  const { seedSeconds, figures } = await measureInsights(upstream, join(work, "studio"));
  console.log(`Insights over ${INSIGHTS_TAKES.toLocaleString("en-US")} takes — ${formatMachine(describeMachine())} — seeded in ${seedSeconds.toFixed(1)} s`);
  for (const f of figures) console.log(`${f.name.padEnd(28)} p50 ${f.p50Ms.toFixed(1).padStart(6)} ms   p95 ${f.p95Ms.toFixed(1).padStart(6)} ms   p99 ${f.p99Ms.toFixed(1).padStart(6)} ms   ${f.path}`);
} finally {
  await upstream.simulator.close();
  rmSync(work, { recursive: true, force: true });
}
