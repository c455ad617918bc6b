import { describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { takeListSchema, takeSchema } from "../../shared/take";
import { harnessAround } from "../testing/harness-around";
import { postJson, startHarnessWithUpload, takeRequest, testImage, uploadedId, waitForTerminal } from "../testing/studio-harness";

const h = harnessAround(startHarnessWithUpload);

const valid = () => takeRequest(h.uploadId);
const listCount = async () => takeListSchema.parse(await (await fetch(`${h.url}/api/generations?limit=100`)).json()).items.length;

describe("POST /api/generations refuses bad input with a field message and stores nothing", () => {
  const emoji1001 = "😀".repeat(500) + "x";
  const cases: [string, () => unknown, number, string][] = [
    ["an empty prompt where required", () => ({ ...valid(), model: "gen3a_turbo", prompt: "  " }), 400, "prompt"],
    ["a prompt of 1001 UTF-16 units (emoji)", () => ({ ...valid(), prompt: emoji1001 }), 400, "prompt"],
    ["an unknown model", () => ({ ...valid(), model: "gen5_mega" }), 400, "model"],
    ["a ratio the model lacks", () => ({ ...valid(), model: "gen3a_turbo", ratio: "1:1" }), 400, "ratio"],
    ["duration 7", () => ({ ...valid(), duration: 7 }), 400, "duration"],
    ["seed -1", () => ({ ...valid(), seed: -1 }), 400, "seed"],
    ["seed 2^32", () => ({ ...valid(), seed: 2 ** 32 }), 400, "seed"],
    ["seed 1.5", () => ({ ...valid(), seed: 1.5 }), 400, "seed"],
    ["an http:// URL", () => ({ ...valid(), image: { url: "http://images.example.com/a.jpg" } }), 400, "image"],
    ["an ftp: URL", () => ({ ...valid(), image: { url: "ftp://images.example.com/a.jpg" } }), 400, "image"],
    ["a javascript: URL", () => ({ ...valid(), image: { url: "javascript:alert(1)" } }), 400, "image"],
    ["a URL with credentials", () => ({ ...valid(), image: { url: "https://user:secret@images.example.com/a.jpg" } }), 400, "image"],
    ["a data: URL pasted as an address", () => ({ ...valid(), image: { url: "data:image/png;base64,iVBORw0KGgo=" } }), 400, "image"],
    ["an IP address as the host", () => ({ ...valid(), image: { url: "https://169.254.169.254/latest/meta-data" } }), 400, "image"],
    ["a URL with a line break inside", () => ({ ...valid(), image: { url: "https://images.exa\tmple.com/a\nb.jpg" } }), 400, "image"],
    ["a last frame on gen4_turbo", () => ({ ...valid(), lastImage: { uploadId: h.uploadId } }), 400, "lastImage"],
    ["a missing image", () => ({ ...valid(), image: undefined }), 400, "image"],
    ["an unknown upload id", () => ({ ...valid(), image: { uploadId: "nope-not-here" } }), 422, "image"],
    ["an unknown last-frame upload id", () => ({ ...valid(), model: "gen3a_turbo", lastImage: { uploadId: "nope-not-here" } }), 422, "lastImage"],
    ["an unknown field", () => ({ ...valid(), last_image_url: "https://x.example/a.jpg" }), 400, "last_image_url"],
  ];

  it.each(cases)("%s", async (_label, makeBody, status, field) => {
    const before = await listCount();
    const creates = h.simulator!.stats().creates;
    const response = await postJson(h.url, "/api/generations", makeBody());
    expect(response.status).toBe(status);
    const error = apiErrorSchema.parse(await response.json());
    expect(error.error.fields?.[field]).toMatch(/\w{3,}/);
    expect(await listCount()).toBe(before);
    expect(h.simulator!.stats().creates).toBe(creates);
  });

  it("malformed JSON is a 400 with a clear message", async () => {
    const response = await postJson(h.url, "/api/generations", '{"model": "gen4_turbo",');
    expect(response.status).toBe(400);
    expect(apiErrorSchema.parse(await response.json()).error).toMatchObject({ code: "malformed_json", message: /not valid JSON/ });
  });

  it("a wrong content type is a 415", async () => {
    const response = await fetch(`${h.url}/api/generations`, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify(valid()) });
    expect(response.status).toBe(415);
    expect(apiErrorSchema.parse(await response.json()).error.message).toMatch(/application\/json/);
  });
});

describe("generating through the simulator over HTTP", () => {
  it("gen4_turbo: queued → completed, archived, served with Range", async () => {
    const response = await postJson(h.url, "/api/generations", { ...valid(), seed: 1234 });
    expect(response.status).toBe(201);
    const created = takeSchema.parse(await response.json());
    expect(created).toMatchObject({ status: "queued", seed: 1234, provider: "simulator", video: null });
    const done = takeSchema.parse(await waitForTerminal(h.url, created.id));
    expect(done.status).toBe("completed");
    expect(done.usage?.tokensUsed).toBeGreaterThan(0);
    expect(done.video?.contentType).toBe("video/mp4");

    const full = await fetch(`${h.url}${done.video!.url}`);
    const bytes = Buffer.from(await full.arrayBuffer());
    expect(bytes.length).toBe(done.video!.bytes);
    expect(bytes.toString("latin1", 4, 8)).toBe("ftyp");
    const part = await fetch(`${h.url}${done.video!.url}`, { headers: { range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(100, 200));
  });

  it("gen3a_turbo with a last frame and a random seed records the seed it sent", async () => {
    const other = await uploadedId(h.url, await testImage(1280, 720, "png"));
    const response = await postJson(h.url, "/api/generations", { ...valid(), model: "gen3a_turbo", lastImage: { uploadId: other }, ratio: "9:16" });
    const created = takeSchema.parse(await response.json());
    expect(created.seed).toEqual(expect.any(Number));
    expect(created.lastImage).toEqual({ url: `/media/uploads/${other}`, uploadId: other });
    const done = takeSchema.parse(await waitForTerminal(h.url, created.id));
    expect(done.status).toBe("completed");
  });

  it("an upstream task error becomes a clear failure, keeping the raw text out of the message", async () => {
    const response = await postJson(h.url, "/api/generations", { ...valid(), prompt: "a cat [sim:error:SAFETY.INPUT.TEXT]" });
    const done = takeSchema.parse(await waitForTerminal(h.url, ((await response.json()) as { id: string }).id));
    expect(done.status).toBe("failed");
    expect(done.error).toMatchObject({ code: "safety_input", message: /Change the image or the prompt/ });
  });

  it("the same Idempotency-Key never creates twice", async () => {
    const creates = h.simulator!.stats().creates;
    const headers = { "idempotency-key": "submit-abcdef123456" };
    const [a, b] = await Promise.all([postJson(h.url, "/api/generations", valid(), headers), postJson(h.url, "/api/generations", valid(), headers)]);
    const [ga, gb] = [(await a.json()) as { id: string }, (await b.json()) as { id: string }];
    expect(ga.id).toBe(gb.id);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(h.simulator!.stats().creates).toBe(creates + 1);
  });

  it("lists newest first with a working cursor, and 404s an unknown id", async () => {
    const first = takeListSchema.parse(await (await fetch(`${h.url}/api/generations?limit=2`)).json());
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = takeListSchema.parse(await (await fetch(`${h.url}/api/generations?limit=2&cursor=${first.nextCursor}`)).json());
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((g) => g.id)).size).toBe(all.length);
    const times = all.map((g) => Date.parse(g.createdAt));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect((await fetch(`${h.url}/api/generations/missing`)).status).toBe(404);
    expect((await fetch(`${h.url}/api/generations?limit=0`)).status).toBe(400);
    expect((await fetch(`${h.url}/api/generations?cursor=abc`)).status).toBe(400);
  });

  it("health and models answer their documented shapes", async () => {
    expect(await (await fetch(`${h.url}/api/health`)).json()).toEqual({ status: "ok", provider: "simulator", currency: { code: "USD", perUsd: 1 } });
    const models = (await (await fetch(`${h.url}/api/models`)).json()) as { models: { id: string; ratios: string[]; acceptsLastImage: boolean }[] };
    expect(models.models.map((m) => [m.id, m.ratios.length, m.acceptsLastImage])).toEqual([
      ["gen4_turbo", 6, false],
      ["gen3a_turbo", 2, true],
    ]);
  });
});
