import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe("createLogger", () => {
  const key = "sk-secret-key-123456";

  it("redacts the key wherever it appears, in fields and in messages", () => {
    const { lines, stream } = capture();
    const log = createLogger("info", [key], stream);
    log.info({ reason: `upstream said: bad key ${key}`, nested: { header: `Bearer ${key}` } }, `sent with ${key}`);
    expect(JSON.stringify(lines)).not.toContain(key);
    expect(lines[0]).toMatchObject({ reason: "upstream said: bad key [redacted]", nested: { header: "Bearer [redacted]" }, msg: "sent with [redacted]" });
  });

  it("shortens data URIs in any field", () => {
    const { lines, stream } = capture();
    const log = createLogger("info", [key], stream);
    log.info({ body: { image_url: `data:image/png;base64,${"A".repeat(64)}` } }, "create");
    expect(lines[0]).toMatchObject({ body: { image_url: "data:[…]" } });
  });

  it("writes a line with nothing to hide as it was given", () => {
    const { lines, stream } = capture();
    const log = createLogger("info", [key], stream);
    log.info({ method: "GET", path: "/api/generations/abc", status: 200, ms: 0.4, tags: ["a", "b"] }, "request");
    expect(lines[0]).toMatchObject({ method: "GET", path: "/api/generations/abc", status: 200, ms: 0.4, tags: ["a", "b"], msg: "request" });
  });
});
