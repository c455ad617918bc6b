import { afterEach, describe, expect, it } from "vitest";
import { startFakeUpstream } from "../testing/fake-upstream";
import { createAimlapiClient } from "../upstream/aimlapi-client";
import { createPacer, findRequest, LOOKUP_MARGIN_MS, LOOKUP_MAX_PAGES } from "./request-lookup";

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

/** A usage log of `total` rows, `match` (a client request id) at row `at`, served 100 a page. */
async function logOf(total: number, match: string | null, at: number) {
  const fake = await startFakeUpstream((r) => {
    const query = new URL(r.url, "http://x").searchParams;
    const offset = Number(query.get("offset"));
    const limit = Number(query.get("limit"));
    const data = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, n) => ({
      status: "succeeded",
      inference_id: `g${offset + n}`,
      client_request_id: offset + n === at ? match : n % 2 ? null : `other-${offset + n}`,
    }));
    return { json: { data, pagination: { limit, offset, total, has_more: offset + data.length < total } } };
  });
  close = fake.close;
  return { fake, client: createAimlapiClient({ baseUrl: fake.url, apiKey: "k", timeoutMs: 2000 }) };
}

const noWait = async () => {};

describe("findRequest", () => {
  it("pages the window around the send until the take's row, and reads the window with a margin either side", async () => {
    const { fake, client } = await logOf(350, "take-1", 230);
    const result = await findRequest(client, "take-1", 1_000_000_000_000, 1_000_000_060_000, noWait);
    expect(result).toMatchObject({ kind: "found", row: { clientRequestId: "take-1", inferenceId: "g230" } });
    expect(fake.requests.map((r) => new URL(r.url, "http://x").searchParams.get("offset"))).toEqual(["0", "100", "200"]);
    const first = new URL(fake.requests[0]!.url, "http://x").searchParams;
    expect(Date.parse(first.get("start")!)).toBe(1_000_000_000_000 - LOOKUP_MARGIN_MS);
    expect(Date.parse(first.get("end")!)).toBe(1_000_000_060_000 + LOOKUP_MARGIN_MS);
  });

  it("is absent only once the last page was read; a null client request id never matches", async () => {
    const { fake, client } = await logOf(150, null, 20);
    expect(await findRequest(client, "take-1", 0, 1, noWait)).toEqual({ kind: "absent" });
    expect(fake.requests).toHaveLength(2);
  });

  it("gives up as too busy after its bounded pages rather than read without end", async () => {
    const { fake, client } = await logOf(5_000, "take-1", 4_000);
    expect(await findRequest(client, "take-1", 0, 1, noWait)).toEqual({ kind: "too_busy" });
    expect(fake.requests).toHaveLength(LOOKUP_MAX_PAGES);
  });
});

describe("createPacer", () => {
  // A clock of our own: wall-clock gaps measured with timers are only as good as the timers
  // (Node 24 fires them up to a few ms early against performance.now()), so the test asserts
  // the waits the pacer asks for, which is what it decides.
  function fakeClock(start = 1_000) {
    let t = start;
    const waits: number[] = [];
    return {
      waits,
      now: () => t,
      advance: (ms: number) => (t += ms),
      sleep: async (ms: number) => {
        waits.push(ms);
        t += ms;
      },
    };
  }

  it("spaces calls at least the gap apart", async () => {
    const clock = fakeClock();
    const pace = createPacer(40, clock.now, clock.sleep);
    const at: number[] = [];
    for (let n = 0; n < 4; n++) {
      await pace();
      at.push(clock.now());
    }
    expect(at).toEqual([1_000, 1_040, 1_080, 1_120]);
    expect(clock.waits).toEqual([40, 40, 40]);
  });

  it("waits only for what is left of the gap, and not at all once it has passed", async () => {
    const clock = fakeClock();
    const pace = createPacer(400, clock.now, clock.sleep);
    await pace();
    clock.advance(150);
    await pace();
    expect(clock.waits).toEqual([250]);
    clock.advance(1_000);
    await pace();
    expect(clock.waits).toEqual([250]);
  });

  it("paces callers that arrive together one gap apart each", async () => {
    const clock = fakeClock();
    const pace = createPacer(100, clock.now, async (ms) => {
      clock.waits.push(ms);
    });
    await Promise.all([pace(), pace(), pace()]);
    expect(clock.waits).toEqual([100, 200]);
  });

  it("waits on real timers by default", async () => {
    const pace = createPacer(30);
    const started = Date.now();
    await pace();
    await pace();
    // A generous floor: this checks the default sleep is a real wait, not its precision.
    expect(Date.now() - started).toBeGreaterThanOrEqual(20);
  });
});
