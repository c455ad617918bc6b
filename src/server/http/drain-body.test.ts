import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { drainBody } from "./drain-body";

const LIMITS = { maxBytes: 1000, maxMs: 400, idleMs: 80 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** "done" once the drain has resolved, "pending" if it has not after `ms`. */
async function stateAfter(drain: Promise<void>, ms: number) {
  return Promise.race([drain.then(() => "done" as const), sleep(ms).then(() => "pending" as const)]);
}

describe("drainBody", () => {
  it("resolves at once when there is nothing left to read", async () => {
    await expect(stateAfter(drainBody(null, LIMITS), 10)).resolves.toBe("done");
    const ended = new PassThrough();
    ended.end();
    ended.resume();
    await new Promise((resolve) => ended.once("end", resolve));
    await expect(stateAfter(drainBody(ended, LIMITS), 10)).resolves.toBe("done");
    const destroyed = new PassThrough();
    destroyed.destroy();
    await expect(stateAfter(drainBody(destroyed, LIMITS), 10)).resolves.toBe("done");
  });

  it("reads and discards what the sender still sends, and resolves when the body ends", async () => {
    // No close after the end: the end alone must settle it.
    const body = new PassThrough({ emitClose: false, autoDestroy: false });
    const drain = drainBody(body, LIMITS);
    body.write(Buffer.alloc(300));
    body.write(Buffer.alloc(300));
    expect(await stateAfter(drain, 30)).toBe("pending");
    // Flowing: what was written has been read, nothing waits in the buffer.
    expect(body.readableLength).toBe(0);
    body.end();
    await expect(stateAfter(drain, 30)).resolves.toBe("done");
    expect(body.listenerCount("data")).toBe(0);
    expect(body.listenerCount("end")).toBe(0);
  });

  it("gives up once more than the byte limit has come, not at the limit itself", async () => {
    const body = new PassThrough();
    const drain = drainBody(body, LIMITS);
    body.write(Buffer.alloc(LIMITS.maxBytes));
    expect(await stateAfter(drain, 30)).toBe("pending");
    body.write(Buffer.alloc(1));
    await expect(stateAfter(drain, 30)).resolves.toBe("done");
    // Done with the body: none of its listeners is left behind on a stream that stays open.
    expect(["data", "end", "error", "close"].map((event) => body.listenerCount(event))).toEqual([0, 0, 0, 0]);
    body.destroy();
  });

  it("waits while the sender keeps sending, gives up on a silent one after the idle time", async () => {
    const body = new PassThrough();
    const drain = drainBody(body, LIMITS);
    // Data every half idle period keeps it reading past one idle period.
    for (let n = 0; n < 4; n++) {
      await sleep(LIMITS.idleMs / 2);
      body.write(Buffer.alloc(10));
    }
    expect(await stateAfter(drain, LIMITS.idleMs / 2)).toBe("pending");
    await expect(stateAfter(drain, LIMITS.idleMs * 2)).resolves.toBe("done");
    body.destroy();
  });

  it("gives up after the overall time even while data keeps coming", async () => {
    const body = new PassThrough();
    const drain = drainBody(body, LIMITS);
    const started = Date.now();
    let state: "done" | "pending" = "pending";
    while (state === "pending" && Date.now() - started < LIMITS.maxMs * 3) {
      body.write(Buffer.alloc(1));
      state = await stateAfter(drain, LIMITS.idleMs / 4);
    }
    expect(state).toBe("done");
    expect(Date.now() - started).toBeGreaterThanOrEqual(LIMITS.maxMs - 20);
    body.destroy();
  });

  it("resolves when the body fails or closes", async () => {
    const failing = new PassThrough();
    const failed = drainBody(failing, LIMITS);
    failing.destroy(new Error("connection reset"));
    await expect(stateAfter(failed, 30)).resolves.toBe("done");
    const closing = new PassThrough();
    const closed = drainBody(closing, { ...LIMITS, idleMs: 10_000, maxMs: 10_000 });
    closing.destroy();
    await expect(stateAfter(closed, 30)).resolves.toBe("done");
  });
});
