import { Hono } from "hono";
import pino from "pino";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "./app-env";
import { requestLog } from "./request-log";

type Line = { level: number; msg: string; reqId: string; method: string; path: string; status: number; ms: number; from?: string };

/** The middleware on a bare app, logging to memory: what it writes, not what a studio does with it. */
function appWithLog(level: pino.Level = "debug") {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Line);
      done();
    },
  });
  const app = new Hono<AppEnv>()
    .use(requestLog(pino({ level }, sink)))
    .get("/ok", (c) => {
      c.get("log").info({ from: "handler" }, "inside");
      return c.text("ok");
    })
    .get("/assets/app.js", (c) => c.text("js"))
    .get("/broken", (c) => c.text("no", 500))
    .get("/missing", (c) => c.text("no", 404))
    .get("/unavailable", (c) => c.text("no", 503));
  return { app, lines };
}

describe("requestLog", () => {
  it("keeps a sane incoming id, echoes it, and stamps it on the handler's lines and the summary", async () => {
    const { app, lines } = appWithLog();
    const response = await app.request("/ok?q=private", { headers: { "x-request-id": "proxy.id_1-A" } });
    expect(response.headers.get("x-request-id")).toBe("proxy.id_1-A");
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, msg: "inside", from: "handler", reqId: "proxy.id_1-A" }),
      expect.objectContaining({ level: 30, msg: "request", reqId: "proxy.id_1-A", method: "GET", path: "/ok", status: 200 }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("private");
  });

  it.each([
    ["65 characters", "a".repeat(65)],
    ["a space", "two words"],
    ["a slash", "a/b"],
    ["a quote", "a\"b"],
  ])("replaces an incoming id with %s by 16 hex digits of its own", async (_label, incoming) => {
    const { app, lines } = appWithLog();
    const id = (await app.request("/ok", { headers: { "x-request-id": incoming } })).headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(lines.at(-1)?.reqId).toBe(id);
  });

  it("accepts an id of exactly 64 characters and gives distinct ids without one", async () => {
    const { app } = appWithLog();
    const longest = "b".repeat(64);
    expect((await app.request("/ok", { headers: { "x-request-id": longest } })).headers.get("x-request-id")).toBe(longest);
    const first = (await app.request("/ok")).headers.get("x-request-id");
    const second = (await app.request("/ok")).headers.get("x-request-id");
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(second).not.toBe(first);
    // This process's tag, then a count: unique per replica without random bytes per request.
    expect(second!.slice(0, 8)).toBe(first!.slice(0, 8));
    expect(parseInt(second!.slice(8), 16)).toBe(parseInt(first!.slice(8), 16) + 1);
  });

  it("logs 5xx as errors, other statuses at info and assets at debug", async () => {
    const { app, lines } = appWithLog();
    for (const path of ["/broken", "/unavailable", "/missing", "/assets/app.js"]) await app.request(path);
    expect(lines.map(({ level, msg, status, path }) => ({ level, msg, status, path }))).toEqual([
      { level: 50, msg: "request failed", status: 500, path: "/broken" },
      { level: 50, msg: "request failed", status: 503, path: "/unavailable" },
      { level: 30, msg: "request", status: 404, path: "/missing" },
      { level: 20, msg: "request", status: 200, path: "/assets/app.js" },
    ]);
  });

  it("times the request in milliseconds to one decimal", async () => {
    const { app, lines } = appWithLog();
    await app.request("/ok");
    const { ms } = lines.at(-1)!;
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThan(60_000);
    expect(Math.abs(ms * 10 - Math.round(ms * 10))).toBeLessThan(1e-9);
  });
});
