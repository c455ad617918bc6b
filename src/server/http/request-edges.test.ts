import { describe, expect, it } from "vitest";
import { errorOfReply } from "../testing/checked-calls";
import { harnessAround } from "../testing/harness-around";
import { postJson, startHarnessWithUpload, takeRequest } from "../testing/studio-harness";

const h = harnessAround(startHarnessWithUpload);

const valid = () => takeRequest(h.uploadId);
// Bytes, not a string: fetch would label a string body text/plain on its own.
const post = (type: string | null, body: string) =>
  fetch(`${h.url}/api/generations`, { method: "POST", headers: type === null ? {} : { "content-type": type }, body: new TextEncoder().encode(body) });

describe("JSON bodies: content type, syntax and depth", () => {
  it.each(["application/json; charset=utf-8", "Application/JSON"])("reads %s as JSON", async (type) => {
    const error = await errorOfReply(await post(type, JSON.stringify({ ...valid(), duration: 7 })));
    expect(error.code).toBe("validation_failed");
  });

  it.each([
    ["another type that starts the same", "application/jsonp", 'got "application/jsonp"'],
    ["JSON named later in the header", "text/plain; application/json", 'got "text/plain; application/json"'],
  ])("refuses %s with 415", async (_label, type, got) => {
    const response = await post(type, JSON.stringify(valid()));
    expect(response.status).toBe(415);
    expect(await errorOfReply(response)).toEqual({
      code: "unsupported_content_type",
      message: `Send JSON with "Content-Type: application/json" (${got}).`,
    });
  });

  it("says when no content type was sent at all", async () => {
    const response = await post(null, JSON.stringify(valid()));
    expect(response.status).toBe(415);
    expect((await errorOfReply(response)).message).toMatch(/\(got "none"\)\.$/);
  });

  it("names the JSON syntax error", async () => {
    const error = await errorOfReply(await post("application/json", '{"model": '));
    expect(error.code).toBe("malformed_json");
    expect(error.message).toMatch(/^The request body is not valid JSON \(.*JSON.*\)\.$/);
  });

  it("reads 16 levels of nesting and refuses 17", async () => {
    const nest = (levels: number) => `${'{"a":'.repeat(levels - 1)}{}${"}".repeat(levels - 1)}`;
    expect((await errorOfReply(await post("application/json", nest(16)))).code).toBe("validation_failed");
    const deep = await errorOfReply(await post("application/json", nest(17)));
    expect(deep).toEqual({ code: "malformed_json", message: "The request body nests deeper than 16 levels; no Dailies request needs that." });
    const inArray = await errorOfReply(await post("application/json", `[${"[".repeat(16)}${"]".repeat(16)}]`));
    expect(inArray.code).toBe("malformed_json");
  });

  it("names the size limit in KB", async () => {
    const response = await postJson(h.url, "/api/generations", { ...valid(), prompt: "x".repeat(70_000) });
    expect(response.status).toBe(413);
    expect((await errorOfReply(response)).message).toBe("The request is larger than 64 KB. Upload images instead of embedding them.");
  });
});

describe("field messages", () => {
  it("uses the one field's own sentence as the message", async () => {
    const error = await errorOfReply(await postJson(h.url, "/api/generations", { ...valid(), duration: 7 }));
    expect(Object.keys(error.fields ?? {})).toEqual(["duration"]);
    expect(error.message).toBe(error.fields?.duration);
  });

  it("counts several fields, keeping the first sentence for each", async () => {
    const error = await errorOfReply(await postJson(h.url, "/api/generations", { ...valid(), duration: 7, seed: -1.5, colour: "red", tint: 1 }));
    expect(error.message).toBe("4 fields need a change.");
    expect(error.fields).toMatchObject({
      colour: 'Remove "colour": it is not a field Dailies knows.',
      tint: 'Remove "tint": it is not a field Dailies knows.',
      duration: expect.stringMatching(/\w{3,}/),
      seed: expect.stringMatching(/\w{3,}/),
    });
  });

  it("names nested unknown fields by their path, and a body that isn't an object as body", async () => {
    const nested = await errorOfReply(await postJson(h.url, "/api/generations", { ...valid(), image: { uploadId: h.uploadId, extra: 1 } }));
    expect(nested.fields?.["image.extra"]).toBe('Remove "extra": it is not a field Dailies knows.');
    const list = await errorOfReply(await postJson(h.url, "/api/generations", [valid()]));
    expect(Object.keys(list.fields ?? {})).toEqual(["body"]);
  });
});

describe("list cursors", () => {
  it.each(["-1", "1.5", "9007199254740993", "abc"])("refuses the cursor %j", async (cursor) => {
    const response = await fetch(`${h.url}/api/generations?cursor=${cursor}`);
    expect(response.status).toBe(400);
    expect(await errorOfReply(response)).toEqual({
      code: "validation_failed",
      message: "The cursor is not one this server gave out. Start from the first page.",
      fields: { cursor: "Use the nextCursor value from the previous page." },
    });
  });

  it("reads 0 as a cursor", async () => {
    expect((await fetch(`${h.url}/api/generations?cursor=0`)).status).toBe(200);
  });
});

describe("Idempotency-Key", () => {
  it.each(["short12", "x".repeat(101), "has space1", "semi;colon1"])("refuses %j before sending anything", async (key) => {
    const creates = h.simulator!.stats().creates;
    const response = await postJson(h.url, "/api/generations", valid(), { "idempotency-key": key });
    expect(response.status).toBe(400);
    expect((await errorOfReply(response)).message).toBe("The Idempotency-Key header must be 8–100 letters, digits, '-' or '_'.");
    expect(h.simulator!.stats().creates).toBe(creates);
  });

  it.each(["abcd_-12", "y".repeat(100)])("accepts %j", async (key) => {
    expect((await postJson(h.url, "/api/generations", valid(), { "idempotency-key": key })).status).toBe(201);
  });
});

describe("request ids and the request log", () => {
  const logged = (reqId: string) => h.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.reqId === reqId);

  it("keeps a sane X-Request-Id, stamps it on the summary line, and leaves the query out", async () => {
    const response = await fetch(`${h.url}/api/generations?q=secret-words`, { headers: { "x-request-id": "proxy.id_1-A" } });
    expect(response.headers.get("x-request-id")).toBe("proxy.id_1-A");
    expect(logged("proxy.id_1-A")).toEqual([expect.objectContaining({ msg: "request", method: "GET", path: "/api/generations", status: 200, ms: expect.any(Number) })]);
  });

  it.each([["too long", "a".repeat(65)], ["with a space", "two words"], ["empty", ""]])("replaces an X-Request-Id that is %s", async (_label, incoming) => {
    const id = (await fetch(`${h.url}/api/health`, { headers: { "x-request-id": incoming } })).headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(logged(id!)).toHaveLength(1);
  });

  it("logs asset requests below info, and everything else at info", async () => {
    const asset = (await fetch(`${h.url}/assets/app.js`)).headers.get("x-request-id")!;
    expect(logged(asset)).toEqual([]);
    const page = (await fetch(`${h.url}/not-assets/app.js`)).headers.get("x-request-id")!;
    expect(logged(page)).toEqual([expect.objectContaining({ level: 30 })]);
  });
});
