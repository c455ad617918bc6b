// Time to accept a 12-megapixel JPEG: upload to "ready" (checked, thumbnailed, upstream copy
// made), over a real loopback port. Prints figures; asserts nothing.
import { twelveMegapixelPhoto as photo } from "./bench/media";
import { startHarness, upload } from "../src/server/testing/studio-harness";

const RUNS = Number(process.env.RUNS ?? 7);

const h = await startHarness({ LOG_LEVEL: "warn" });
try {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const bytes = await photo(i + 1);
    size = bytes.length;
    const start = performance.now();
    const response = await upload(h.url, bytes, `photo-${i}.jpg`);
    await response.arrayBuffer();
    if (response.status !== 201) throw new Error(`upload ${i} answered ${response.status}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`12 MP JPEG (4000×3000, ${(size / 1024 / 1024).toFixed(1)} MB), ${RUNS} uploads: median ${median.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms`);
} finally {
  await h.stop();
}
