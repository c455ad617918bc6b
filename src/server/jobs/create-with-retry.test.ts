import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "../logger";
import { startFakeUpstream, type FakeReply } from "../testing/fake-upstream";
import { cleanupsPerTest } from "../testing/harness-around";
import type { TakeRecord } from "../takes/take";
import { createAimlapiClient } from "../upstream/aimlapi-client";
import { createWithRetry } from "./create-with-retry";

/**
 * The create is resent only when the upstream certainly did not accept it (credits are money):
 * the real client against a scripted upstream, no studio around it. The clock is faked, so a
 * backoff passes only when a test moves it, and "at once" means without the clock moving.
 */
const row = { id: "take-1", model: "gen4_turbo", prompt: "a lighthouse at dusk", ratio: "16:9", duration: 5, seed: 42 } as TakeRecord;
const frames = { imageUrl: "https://images.example.com/a.jpg", lastImageUrl: null };
const accepted: FakeReply = { status: 201, json: { id: "up-1", status: "queued" } };
const unavailable: FakeReply = { status: 503, json: { message: "maintenance" } };
const tooMany = (seconds: string): FakeReply => ({ status: 429, json: { message: "slow down" }, headers: { "retry-after": seconds } });

afterEach(() => {
  vi.useRealTimers();
});
const stopAfterTest = cleanupsPerTest();

/** Lets real I/O run (the faked clock leaves setImmediate alone) until `done` holds or 5 s pass. */
async function ioUntil(done: () => boolean) {
  for (const until = Date.now() + 5000; !done() && Date.now() < until; ) await new Promise((resolve) => setImmediate(resolve));
}

/** An upstream answering each create with the next reply (the last one repeats; "hang": never), and one create sent to it. */
async function sendTo(replies: (FakeReply | "hang")[], timeoutMs = 5000) {
  let n = 0;
  const fake = await startFakeUpstream((): FakeReply | Promise<FakeReply> => {
    const reply = replies[Math.min(n++, replies.length - 1)]!;
    return reply === "hang" ? new Promise<FakeReply>(() => {}) : reply;
  });
  stopAfterTest(fake.close);
  vi.useFakeTimers({ toFake: ["setTimeout"] });
  const client = createAimlapiClient({ baseUrl: fake.url, apiKey: "sk-retry-test-0001", timeoutMs });
  let settled = false;
  const outcome = createWithRetry({ client, log: createLogger("silent") }, row, frames)
    .then((reply) => reply, (error: unknown) => error)
    .finally(() => (settled = true));
  const creates = () => fake.requests.filter((r) => r.method === "POST");
  /** Moves the clock once `count` creates have arrived. */
  const after = async (count: number, ms: number) => {
    await ioUntil(() => creates().length === count);
    await vi.advanceTimersByTimeAsync(ms);
  };
  /** The outcome, once it settled without the clock moving again (else undefined). */
  const settle = async () => {
    await ioUntil(() => settled);
    return settled ? outcome : undefined;
  };
  return { creates, after, settle };
}

describe("createWithRetry", () => {
  it.each([
    ["a 500", { status: 500, json: { message: "internal" } }],
    ["a 502 from a gateway", { status: 502, text: "Bad Gateway" }],
    ["a reply without an id", { status: 201, json: { status: "queued" } }],
    ["a refusal (401)", { status: 401, json: { message: "Unauthorized" } }],
  ] as [string, FakeReply][])("never sends again after %s: it may have been accepted, or certainly was refused", async (_label, reply) => {
    const { creates, settle } = await sendTo([reply, accepted]);
    expect(await settle()).toMatchObject({ name: "UpstreamError" });
    expect(creates()).toHaveLength(1);
  });

  it("never sends again after a create that timed out", async () => {
    const { creates, settle } = await sendTo(["hang", accepted], 300);
    expect(await settle()).toMatchObject({ kind: "timeout" });
    expect(creates()).toHaveLength(1);
  });

  it("passes on a 429 asking for more than 10 s at once, sending nothing more", async () => {
    const { creates, settle } = await sendTo([tooMany("30"), accepted]);
    expect(await settle()).toMatchObject({ httpStatus: 429, retryAfterMs: 30_000 });
    expect(creates()).toHaveLength(1);
  });

  it("waits out a 429 asking for exactly 10 s, then sends again", async () => {
    const { creates, after, settle } = await sendTo([tooMany("10"), accepted]);
    await after(1, 10_000);
    expect(await settle()).toMatchObject({ id: "up-1" });
    expect(creates()).toHaveLength(2);
  });

  it("sends a create the upstream certainly refused (503) again, unchanged, within its backoff (not the 10 s cap)", async () => {
    const { creates, after, settle } = await sendTo([unavailable, unavailable, accepted]);
    await after(1, 500);
    await after(2, 1000);
    expect(await settle()).toMatchObject({ id: "up-1", state: "queued" });
    expect(creates()).toHaveLength(3);
    expect(new Set(creates().map((r) => r.body)).size).toBe(1);
    expect(JSON.parse(creates()[0]!.body)).toEqual({ model: "runway/gen4_turbo", image_url: frames.imageUrl, prompt: row.prompt, ratio: "16:9", duration: 5, seed: 42 });
  });

  it("gives up after three creates refused with 503", async () => {
    const { creates, after, settle } = await sendTo([unavailable]);
    await after(1, 500);
    await after(2, 1000);
    expect(await settle()).toMatchObject({ name: "UpstreamError", httpStatus: 503 });
    expect(creates()).toHaveLength(3);
  });
});
