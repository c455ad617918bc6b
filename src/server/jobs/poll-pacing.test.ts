import { describe, expect, it } from "vitest";
import { takeSchema } from "../../shared/take";
import { sendTake, studiosPerTest, watch } from "../testing/fake-studio";
import type { FakeReply } from "../testing/fake-upstream";

/** How often, and how many at once, the poller asks the upstream: never faster than it is told. */
const started = studiosPerTest();

async function studio(...args: Parameters<typeof started>) {
  const one = await started(...args);
  return { ...one, polls: () => one.fake.requests.filter((r) => r.method === "GET").length };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the poller's pace", () => {
  it("stop() returns at once when no poll is under way", async () => {
    const { h } = await studio(() => ({ json: { id: "up-1", status: "generating" } }));
    const stopped = await Promise.race([h.runner.stop().then(() => "stopped"), new Promise((resolve) => setImmediate(() => resolve("still waiting")))]);
    expect(stopped).toBe("stopped");
  });

  it("stop() waits for a poll under way and records its answer, then asks nothing more", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let polled = () => {};
    const firstPoll = new Promise<void>((resolve) => (polled = resolve));
    const { h, polls } = await studio(async () => {
      polled();
      await held;
      return { json: { id: "up-1", status: "generating" } };
    });
    try {
      const id = await sendTake(h);
      await firstPoll;
      let stopped = false;
      const stopping = h.runner.stop().then(() => (stopped = true));
      await sleep(300);
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(takeSchema.parse(await (await fetch(`${h.url}/api/generations/${id}`)).json()).status).toBe("generating");
      await sleep(400);
      expect(polls()).toBe(1);
    } finally {
      release();
    }
  });

  it("waits out a poll's Retry-After even past the deadline, then fails the take naming the last status it heard", async () => {
    // The create's reply names no status: the take records "queued" until a poll says otherwise.
    const { h, polls } = await studio(
      (): FakeReply => ({ status: 429, json: { message: "slow down" }, headers: { "retry-after": "2" } }),
      () => ({ status: 201, json: { id: "up-1" } }),
      { JOB_DEADLINE_MINUTES: "0.01" },
    );
    const { last } = await watch(h, await sendTake(h));
    expect(last.error).toMatchObject({ code: "deadline_exceeded", detail: 'The provider last reported "queued".' });
    expect(polls()).toBe(1);
  });

  it("keeps at most POLL_CONCURRENCY polls under way at once", async () => {
    let underWay = 0;
    let most = 0;
    const { h, polls } = await studio(
      async (): Promise<FakeReply> => {
        most = Math.max(most, ++underWay);
        await sleep(300);
        underWay--;
        return { json: { id: "up-1", status: "failed", error: "INTERNAL" } };
      },
      undefined,
      { POLL_CONCURRENCY: "1" },
    );
    const ids = await Promise.all([1, 2, 3].map(() => sendTake(h)));
    for (const id of ids) expect((await watch(h, id)).last.status).toBe("failed");
    expect(polls()).toBe(3);
    expect(most).toBe(1);
  });
});
