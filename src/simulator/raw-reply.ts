import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Socket-level replies that a Web `Response` cannot express: resets, bodies cut short and
 * bodies that arrive a few bytes at a time. Each writes straight to Node's response.
 */
export type RawReply = { status: number; headers: Record<string, string>; body: Uint8Array };

/** At most one write per this many ms, however small the chunks asked for. */
const MIN_WRITE_INTERVAL_MS = 10;

function writeHead(res: ServerResponse, reply: RawReply) {
  // A late socket error (the client left first) must not become an uncaught exception.
  res.on("error", () => {});
  res.writeHead(reply.status, { ...reply.headers, "content-length": String(reply.body.byteLength) });
}

/** A TCP reset: the client sees ECONNRESET, with no status line at all. */
export function resetConnection(res: ServerResponse): void {
  try {
    res.socket?.resetAndDestroy();
  } catch {
    res.destroy();
  }
}

export function sendWhole(res: ServerResponse, reply: RawReply): void {
  writeHead(res, reply);
  res.end(reply.body);
}

/** The full Content-Length, then only `fraction` of the bytes, then the connection closes. */
export function sendTruncated(res: ServerResponse, reply: RawReply, fraction: number): void {
  writeHead(res, reply);
  const sent = Math.floor(reply.body.byteLength * fraction);
  res.write(reply.body.subarray(0, sent), () => res.socket?.end());
}

/** Headers at once, then the body spread evenly over `durationMs` in chunks of at least `chunkBytes`. */
export async function sendTrickle(
  res: ServerResponse,
  reply: RawReply,
  options: { durationMs: number; chunkBytes?: number | undefined },
  signal: AbortSignal,
): Promise<void> {
  const total = reply.body.byteLength;
  const maxWrites = Math.max(1, Math.floor(options.durationMs / MIN_WRITE_INTERVAL_MS));
  const size = Math.max(1, options.chunkBytes ?? 1, Math.ceil(total / maxWrites));
  const writes = Math.max(1, Math.ceil(total / size));
  writeHead(res, reply);
  res.flushHeaders();
  try {
    for (let i = 0; i < writes; i += 1) {
      await sleep(options.durationMs / writes, undefined, { signal });
      if (res.destroyed) return;
      res.write(reply.body.subarray(i * size, (i + 1) * size));
    }
    res.end();
  } catch {
    res.destroy(); // the simulator is closing
  }
}
