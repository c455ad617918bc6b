import { connect } from "node:net";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readySchema } from "../../shared/api";
import { harnessAround } from "../testing/harness-around";
import { expectMatchesOpenApi } from "../testing/openapi-check";
import { startPasswordHarness } from "../testing/password-studio";
import { startHarness } from "../testing/studio-harness";

const ready = async (url: string) => {
  const response = await fetch(`${url}/api/ready`);
  await expectMatchesOpenApi("GET", `${url}/api/ready`, response);
  return { status: response.status, cacheControl: response.headers.get("cache-control"), body: readySchema.parse(await response.json()) };
};

describe("GET /api/ready", () => {
  const h = harnessAround(() => startPasswordHarness());

  it("answers 200 to anyone, signed in or not, while the database and media folder work", async () => {
    expect(await ready(h.url)).toEqual({ status: 200, cacheControl: "no-store", body: { status: "ready", checks: { database: "ok", media: "ok" } } });
  });

  it("answers 503 naming the media check when nothing can be written there, and 200 again once it can", async () => {
    // A file where the folder was: writes fail for root too (ENOTDIR), where a chmod would not stop them.
    const tmp = join(h.dataDir, "media", "tmp");
    rmSync(tmp, { recursive: true, force: true });
    writeFileSync(tmp, "");
    try {
      const answer = await ready(h.url);
      expect(answer).toEqual({ status: 503, cacheControl: "no-store", body: { status: "not_ready", checks: { database: "ok", media: "the media folder can't be written (ENOTDIR)" } } });
      expect(JSON.stringify(answer.body)).not.toContain(h.dataDir);
    } finally {
      rmSync(tmp, { force: true });
      mkdirSync(tmp, { mode: 0o700 });
    }
    expect((await ready(h.url)).status).toBe(200);
  });
});

/** Sends a request's first line and headers but not the blank line that ends them; `finish` sends it and reads the reply. */
async function halfSentRequest(url: string, path: string) {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((done, fail) => socket.once("connect", done).once("error", fail));
  socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n`);
  const chunks: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((done) => socket.once("close", () => done()));
  return {
    async finish() {
      socket.write("\r\n");
      await ended;
      const [head = "", body = ""] = Buffer.concat(chunks).toString("utf8").split("\r\n\r\n");
      return { status: Number(head.split(" ")[1]), body: JSON.parse(body) as unknown };
    },
  };
}

it("answers 503 as soon as the studio starts shutting down, to a request on a connection already open", async () => {
  const h = await startHarness();
  const open = await halfSentRequest(h.url, "/api/ready");
  // Let the server see the request begin, so shutting down waits for it instead of closing an idle socket.
  await new Promise((done) => setTimeout(done, 100));
  const stopped = h.stop();
  const answer = await open.finish();
  await stopped;
  expect(answer).toEqual({
    status: 503,
    body: { status: "not_ready", shuttingDown: true, checks: { database: "not checked: shutting down", media: "not checked: shutting down" } },
  });
});

it("with SHUTDOWN_DRAIN_MS, keeps answering new requests while /api/ready says 503, then stops", async () => {
  const h = await startHarness({ SHUTDOWN_DRAIN_MS: "600" });
  const stopped = h.stop();
  const started = Date.now();
  // A new connection during the drain: ready says no, the API still answers.
  const during = await fetch(`${h.url}/api/ready`, { headers: { connection: "close" } });
  expect(during.status).toBe(503);
  expect(readySchema.parse(await during.json())).toMatchObject({ status: "not_ready", shuttingDown: true });
  expect((await fetch(`${h.url}/api/health`, { headers: { connection: "close" } })).status).toBe(200);
  await stopped;
  expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  await expect(fetch(`${h.url}/api/health`)).rejects.toThrow();
});
