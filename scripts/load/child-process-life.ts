import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";

/** The event-loop delay histogram's sampling tick; what is over it is how late the loop was. */
const LOOP_RESOLUTION_MS = 10;

/** What a child says when its parent writes `loop` on its stdin: its own event loop since the last `loop-reset`. */
export type ChildLoopDelay = { p50: number; p99: number; max: number };
export const LOOP_LINE = "loop-delay ";

/**
 * For a server started as a load run's child (the BFF, the simulator): announces its address on
 * stdout, then closes it on SIGTERM or SIGINT, or when the parent goes away (even by SIGKILL,
 * which closes our stdin), so a child never outlives its run. On stdin, `loop-reset` starts its
 * event-loop delay afresh and `loop` prints it (`loop-delay {"p50":…}`): whether the child
 * itself answered late, or the requests waited elsewhere (the load process, the CPU).
 */
export function serveAsChild(server: { url: string; close(): Promise<void> }): void {
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loop.enable();
  const lateMs = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
  process.stdout.write(`ready at ${server.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    loop.disable();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  createInterface({ input: process.stdin }).on("line", (line) => {
    if (line === "loop-reset") loop.reset();
    if (line === "loop") {
      const delay: ChildLoopDelay = { p50: lateMs(loop.percentile(50)), p99: lateMs(loop.percentile(99)), max: lateMs(loop.max) };
      process.stdout.write(`${LOOP_LINE}${JSON.stringify(delay)}\n`);
    }
  });
  process.stdin.on("end", stop);
}
