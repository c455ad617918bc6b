import { describe, expect, it } from "vitest";
import { RESULT_BYTES, completedResultUrl, fetchFailure, rawGet, startWithFaults, setUpFaultFixtures } from "./fault-test-support";
import type { FaultsConfig } from "./faults-config";

setUpFaultFixtures();

type ResultFault = NonNullable<FaultsConfig["result"]>[number];

/** A completed job whose first download gets `fault`; the second must be whole. */
async function firstDownloadFaulted(fault: ResultFault) {
  const sim = await startWithFaults({ result: [{ ...fault, calls: [1] }] });
  const url = await completedResultUrl(sim);
  const expectWhole = async () => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(RESULT_BYTES);
  };
  return { sim, url, expectWhole };
}

describe("result faults", () => {
  it("403: the signed URL has expired", async () => {
    const { sim, url, expectWhole } = await firstDownloadFaulted({ kind: "http", status: 403 });
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/expired/);
    await expectWhole();
    expect(sim.stats()).toMatchObject({ downloads: 1, calls: { result: 2 }, faults: { result: { "http:403": 1 } } });
  });

  it.each([404, 500, 503] as const)("HTTP %i", async (status) => {
    const { url, expectWhole } = await firstDownloadFaulted({ kind: "http", status });
    expect((await fetch(url)).status).toBe(status);
    await expectWhole();
  });

  it("truncated: the full Content-Length, half the bytes, then the connection closes", async () => {
    const { sim, url, expectWhole } = await firstDownloadFaulted({ kind: "truncated" });
    const result = await rawGet(url);
    expect(result.status).toBe(200);
    expect(result.headers["content-length"]).toBe(String(RESULT_BYTES));
    expect(result.bytes).toBe(RESULT_BYTES / 2);
    expect(result.failure).toBe("aborted");
    await expectWhole();
    expect(sim.stats().faults.result).toEqual({ truncated: 1 });
  });

  it("truncated makes fetch's body read reject", async () => {
    const { url } = await firstDownloadFaulted({ kind: "truncated", fraction: 0.1 });
    expect(await fetchFailure(fetch(url))).toMatch(/terminated|other side closed|UND_ERR_SOCKET/);
  });

  it("a range request is truncated within its own length", async () => {
    const { url } = await firstDownloadFaulted({ kind: "truncated", fraction: 0.25 });
    const result = await rawGet(url, { range: "bytes=0-999" });
    expect([result.status, result.headers["content-length"], result.bytes, result.failure]).toEqual([206, "1000", 250, "aborted"]);
  });

  it("a connection reset", async () => {
    const { url, expectWhole } = await firstDownloadFaulted({ kind: "reset" });
    expect((await rawGet(url)).failure).toBe("reset");
    await expectWhole();
  });

  it("a hang until the client gives up", async () => {
    const { url, expectWhole } = await firstDownloadFaulted({ kind: "hang" });
    expect(await fetchFailure(fetch(url, { signal: AbortSignal.timeout(250) }))).toBe("TimeoutError");
    await expectWhole();
  });

  it("a trickle delivers every byte, slowly", async () => {
    const { url, expectWhole } = await firstDownloadFaulted({ kind: "trickle", durationMs: 600 });
    const result = await rawGet(url);
    expect([result.status, result.bytes, result.failure]).toEqual([200, RESULT_BYTES, undefined]);
    expect(result.totalMs - result.headersAfterMs).toBeGreaterThanOrEqual(480); // headers first, body over ~durationMs
    expect(result.chunks).toBeGreaterThan(20);
    await expectWhole();
  });
});
