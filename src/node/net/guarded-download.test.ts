import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardedDownload } from "./guarded-download";
import { guardedFetch, UrlGuardError, UrlRefusedError } from "./guarded-fetch";

let server: Server;
let origin: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dailies-download-"));
  server = createServer((req, res) => {
    if (req.url === "/to-loopback") return res.writeHead(302, { location: "https://127.0.0.1/secret" }).end();
    if (req.url === "/to-self") return res.writeHead(302, { location: "/ok" }).end();
    if (req.url === "/chunked") {
      res.writeHead(200);
      for (let n = 0; n < 5; n++) res.write(Buffer.alloc(600, n));
      return res.end();
    }
    if (req.url === "/short") {
      res.writeHead(200, { "content-length": "1000" });
      res.write(Buffer.alloc(400));
      return res.destroy();
    }
    if (req.url === "/missing") return res.writeHead(404).end();
    res.writeHead(200, { "content-type": "video/mp4" }).end(Buffer.from("MP4DATA"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const file = () => join(dir, `f-${Math.random().toString(36).slice(2)}`);
const trusted = () => ({ maxBytes: 2000, timeoutMs: 3000, trustedOrigin: origin });

describe("a trusted origin", () => {
  it("is fetched as configured (http, loopback) and follows its own redirects", async () => {
    const out = file();
    await expect(guardedDownload(`${origin}/to-self`, out, trusted())).resolves.toMatchObject({ bytes: 7, url: `${origin}/ok` });
    expect(readFileSync(out, "utf8")).toBe("MP4DATA");
  });

  it("trusts only the same scheme, host and port", async () => {
    const port = Number(new URL(origin).port);
    for (const other of [`http://127.0.0.1:${port + 1}/ok`, `https://127.0.0.1:${port}/ok`, `http://localhost:${port}/ok`]) {
      await expect(guardedFetch(other, trusted())).rejects.toBeInstanceOf(UrlRefusedError);
    }
  });

  it("does not vouch for where it redirects", async () => {
    await expect(guardedDownload(`${origin}/to-loopback`, file(), trusted())).rejects.toThrow(/loopback/);
  });
});

describe("guardedDownload", () => {
  it("caps a body that announces no size while it streams", async () => {
    await expect(guardedDownload(`${origin}/chunked`, file(), trusted())).rejects.toThrow(/over the 2000-byte limit/);
  });

  it("refuses a body that stops short of its Content-Length, and a non-2xx answer", async () => {
    await expect(guardedDownload(`${origin}/short`, file(), trusted())).rejects.toBeInstanceOf(UrlGuardError);
    await expect(guardedDownload(`${origin}/missing`, file(), trusted())).rejects.toThrow(/HTTP 404/);
  });
});
