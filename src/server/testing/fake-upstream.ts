import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeRequest = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };
/**
 * `chunked`: no Content-Length, the body in 64 KB chunks, as a server that doesn't announce its
 * size; `chunkBytes` sends chunks of that size with a pause after each, so each is read alone.
 */
export type FakeReply = { status?: number; json?: unknown; text?: string; headers?: Record<string, string>; bytes?: Buffer; chunked?: boolean; chunkBytes?: number };

/**
 * A scripted stand-in for the upstream on a loopback port, for shapes the simulator never sends.
 * The studio reads the model catalogue (`GET /v1/models`) at start-up: unless `catalogue` scripts
 * it, the fake answers it 404 itself, and keeps it out of `requests` and away from `handle`, so a
 * test counts only the calls it scripts.
 */
export async function startFakeUpstream(handle: (request: FakeRequest) => FakeReply | Promise<FakeReply>, catalogue?: () => FakeReply) {
  const requests: FakeRequest[] = [];
  const catalogueRequests: FakeRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const request = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      const toCatalogue = request.url.startsWith("/v1/models");
      (toCatalogue ? catalogueRequests : requests).push(request);
      const reply = toCatalogue ? (catalogue?.() ?? { status: 404, json: { message: "Not Found" } }) : await handle(request);
      const payload = reply.bytes ?? Buffer.from(reply.text ?? (reply.json === undefined ? "" : JSON.stringify(reply.json)));
      res.writeHead(reply.status ?? 200, {
        "content-type": reply.bytes ? "video/mp4" : "application/json",
        ...(reply.chunked ? {} : { "content-length": String(payload.length) }),
        ...reply.headers,
      });
      if (!reply.chunked && !reply.chunkBytes) return res.end(payload);
      const size = reply.chunkBytes ?? 65536;
      for (let at = 0; at < payload.length; at += size) {
        res.write(payload.subarray(at, at + size));
        if (reply.chunkBytes) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    catalogueRequests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
