import type { Readable } from "node:stream";

/** How much of a refused body is read and thrown away, for how long, and how long a silent sender is waited for. */
export const DRAIN_LIMITS = { maxBytes: 96 * 1024 * 1024, maxMs: 30_000, idleMs: 5_000 } as const;
type DrainLimits = { maxBytes: number; maxMs: number; idleMs: number };

/**
 * Reads what is left of a request body the server has refused, discarding it, so a client that
 * is still sending gets the answer instead of a reset connection. @hono/node-server drains
 * after the response for only 500 ms, which a 40 MB upload on a slow link (or a busy machine)
 * outlasts. Resolves when the body ends or fails, passes the byte or time limit, or goes
 * silent; the server may then close the connection.
 */
export function drainBody(source: Readable | null, limits: DrainLimits = DRAIN_LIMITS): Promise<void> {
  if (!source || source.readableEnded || source.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let bytes = 0;
    const done = () => {
      clearTimeout(overall);
      clearTimeout(idle);
      source.off("data", onData);
      source.off("end", done);
      source.off("error", done);
      source.off("close", done);
      resolve();
    };
    const overall = setTimeout(done, limits.maxMs);
    let idle = setTimeout(done, limits.idleMs);
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) return done();
      clearTimeout(idle);
      idle = setTimeout(done, limits.idleMs);
    };
    source.on("data", onData);
    source.once("end", done);
    source.once("error", done);
    source.once("close", done);
    source.resume();
  });
}
