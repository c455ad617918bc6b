/**
 * Finding 2 (SSRF through the result download): the archive step fetches only the configured
 * upstream's own origin as is; any other result URL, or a redirect away from that origin,
 * must pass the URL guard, so a hostile upstream cannot make the studio call its own network.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { sendTake, studiosPerTest, watch } from "../testing/fake-studio";
import { cleanupsPerTest } from "../testing/harness-around";
import { testVideo } from "../testing/test-video";

const REFUSED = "The provider's result address points somewhere Dailies does not download from.";
let MP4: Buffer;
beforeAll(async () => {
  MP4 = await testVideo(320, 240, 1);
});

const stopAfterTest = cleanupsPerTest();
const studio = studiosPerTest();

/** A loopback server standing for the studio's own network: it counts every connection made to it. */
async function startTrap() {
  let connections = 0;
  const server: Server = createServer((_req, res) => res.writeHead(200, { "content-type": "video/mp4" }).end(MP4));
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  stopAfterTest(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port, connections: () => connections };
}

describe("the result download", () => {
  it.each([
    ["http on another loopback port", (port: number) => `http://127.0.0.1:${port}/video.mp4`],
    ["https on another loopback port", (port: number) => `https://127.0.0.1:${port}/video.mp4`],
    ["a name that resolves to loopback", (port: number) => `https://localhost:${port}/video.mp4`],
  ])("refuses %s at once, and that server sees no connection", async (_label, resultUrl) => {
    const trap = await startTrap();
    const { h } = await studio(() => ({ json: { id: "up-1", status: "completed", video: [resultUrl(trap.port)] } }));
    const { seen, last } = await watch(h, await sendTake(h));
    expect(seen).not.toContain("completed");
    expect(last).toMatchObject({ status: "failed", video: null, error: { code: "archive_failed", detail: REFUSED } });
    expect(trap.connections()).toBe(0);
    expect(h.logLines.join("\n")).toMatch(/archive failed; giving up/);
  });

  it("refuses a private-network address without trying to connect", async () => {
    const { h } = await studio(() => ({ json: { id: "up-1", status: "completed", video: ["https://10.0.0.1/video.mp4"] } }));
    const { last } = await watch(h, await sendTake(h));
    expect(last).toMatchObject({ status: "failed", error: { code: "archive_failed", detail: REFUSED } });
    expect(JSON.stringify(last.error)).not.toContain("10.0.0.1");
  });

  it("refuses a redirect from the upstream's own origin to a loopback server", async () => {
    const trap = await startTrap();
    const { h, videoHits } = await studio((n, base) => {
      if (n < 0) return { status: 302, headers: { location: `http://127.0.0.1:${trap.port}/internal.mp4` } };
      return { json: { id: "up-1", status: "completed", video: [`${base}/video.mp4`] } };
    });
    const { last } = await watch(h, await sendTake(h));
    expect(last).toMatchObject({ status: "failed", error: { code: "archive_failed", detail: REFUSED } });
    expect(trap.connections()).toBe(0);
    // A refusal is final: asking the same URL again can only be refused again.
    expect(videoHits).toHaveLength(1);
  });

  it("follows a redirect within the upstream's own origin", async () => {
    const { h } = await studio((n, base) => {
      if (n === -1) return { status: 302, headers: { location: `${base}/video-2.mp4` } };
      if (n < 0) return { bytes: MP4 };
      return { json: { id: "up-1", status: "completed", video: [`${base}/video.mp4`] } };
    });
    const { last } = await watch(h, await sendTake(h));
    expect(last).toMatchObject({ status: "completed", video: { width: 320, height: 240 } });
  });

  it("says a failed download in words and keeps the low-level reason for the log", async () => {
    const { h, videoHits } = await studio((n, base) => {
      if (n < 0) return { status: 500, text: "upstream cdn node 10.2.3.4 exploded" };
      return { json: { id: "up-1", status: "completed", video: [`${base}/video.mp4`] } };
    });
    const { last } = await watch(h, await sendTake(h));
    expect(last.error).toEqual({
      code: "archive_failed",
      message: expect.stringMatching(/could not be saved/),
      detail: "The provider's result could not be downloaded.",
      retryable: true,
    });
    expect(videoHits).toHaveLength(6);
    expect(h.logLines.join("\n")).toMatch(/HTTP 500/);
  });
});
