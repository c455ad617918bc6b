import { describe, expect, it } from "vitest";
import { createCheckedCalls, imageForm, type Call } from "../testing/checked-calls";
import { createOpenApiChecker } from "../testing/openapi-check";
import { rawRequest } from "../testing/raw-request";
import { harnessAround } from "../testing/harness-around";
import { startHarness, testImage, waitForTerminal, type Harness } from "../testing/studio-harness";
import { buildOpenApiDocument } from "./openapi-document";

/** One checker for the file, so the last test can tell which operations the others reached. */
const checker = createOpenApiChecker();
const calls = createCheckedCalls(checker);
const call = (h: Harness, path: string, init?: Call) => calls.call(h.url, path, init);
const statuses = (h: Harness, list: [string, Call?][]) => calls.statuses(h.url, list);
const take = (uploadId: string, extra: Record<string, unknown> = {}) => ({ model: "gen4_turbo", prompt: "a lighthouse at dusk", image: { uploadId }, ratio: "16:9", duration: 5, ...extra });

describe("with no sign-in, every operation answers as documented", () => {
  const h = harnessAround(startHarness);
  let uploadId: string;
  let done: string;

  it("studio, session and usage routes", async () => {
    const first = await call(h, "/api/openapi.json");
    expect(first.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    const again = await call(h, "/api/openapi.json", { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(again.status).toBe(304);
    expect(await statuses(h, [["/api/health"], ["/api/ready"], ["/api/models"], ["/api/timings"], ["/api/session"], ["/api/usage"], ["/api/usage/estimate?model=gen4_turbo&duration=5&variations=2"]])).toEqual([200, 200, 200, 200, 200, 200, 200]);
    expect(await statuses(h, [["/api/usage/estimate?model=gen9"], ["/api/session", { method: "POST", body: { name: "Ana", password: "x" } }]])).toEqual([400, 409]);
    expect(await statuses(h, [["/api/insights?groupBy=week"], ["/api/insights/csv"], ["/api/insights?groupBy=shot"], ["/api/insights/csv?to=never"]])).toEqual([200, 200, 400, 400]);
    expect(await statuses(h, [["/api/insights/reconciliation"], ["/api/insights/reconciliation", { method: "POST" }], ["/api/insights/catalogue"]])).toEqual([200, 200, 200]);
    expect(await statuses(h, [["/api/session", { method: "DELETE" }], ["/api/session/all", { method: "DELETE" }]])).toEqual([204, 409]);
    const foreign = await rawRequest(h.url, "/api/health", { headers: { host: "evil.example" } });
    await checker.check("GET", "/api/health", new Response(foreign.text, { status: foreign.status, headers: { "content-type": String(foreign.headers["content-type"]) } }));
    expect(foreign.status).toBe(421);
  });

  it("uploads and the library", async () => {
    const jpeg = await testImage();
    const created = await call(h, "/api/uploads", { method: "POST", form: imageForm(jpeg) });
    expect(created.status).toBe(201);
    uploadId = created.body.id;
    expect((await call(h, "/api/uploads", { method: "POST", form: imageForm(jpeg) })).status).toBe(200);
    const noFile = new FormData();
    noFile.append("note", "hello");
    const refused = [
      ["/api/uploads", { method: "POST", body: { file: "x" } }],
      ["/api/uploads", { method: "POST", form: noFile }],
      ["/api/uploads", { method: "POST", form: imageForm(Buffer.from("not an image at all"), "text/plain") }],
    ] satisfies [string, Call][];
    expect(await statuses(h, refused)).toEqual([415, 400, 422]);
    expect(await statuses(h, [["/api/uploads?limit=2"], [`/api/uploads/${uploadId}`], ["/api/uploads?limit=0"], ["/api/uploads/nope"]])).toEqual([200, 200, 400, 404]);
  });

  it("making takes, and every way a submit is refused", async () => {
    const created = await call(h, "/api/generations", { method: "POST", body: take(uploadId), headers: { "idempotency-key": "openapi-key-1" } });
    expect(created.status).toBe(201);
    done = created.body.id;
    const refused = [
      ["/api/generations", { method: "POST", body: take(uploadId), headers: { "idempotency-key": "openapi-key-1" } }],
      ["/api/generations", { method: "POST", body: take(uploadId, { seed: 7 }), headers: { "idempotency-key": "openapi-key-1" } }],
      ["/api/generations", { method: "POST", body: take(uploadId, { ratio: "5:4" }) }],
      ["/api/generations", { method: "POST", body: "{not json" }],
      ["/api/generations", { method: "POST", body: "hello", headers: { "content-type": "text/plain" } }],
      ["/api/generations", { method: "POST", body: take(uploadId, { prompt: "x".repeat(70_000) }) }],
      ["/api/generations", { method: "POST", body: take("no-such-upload") }],
      ["/api/generations", { method: "POST", body: take(uploadId), headers: { origin: "https://evil.example" } }],
    ] satisfies [string, Call][];
    expect(await statuses(h, refused)).toEqual([200, 422, 400, 400, 415, 413, 422, 403]);
    const batch = await call(h, "/api/generations/batch", { method: "POST", body: take(uploadId, { variations: 2, seed: 11 }) });
    expect(batch.status).toBe(201);
    expect((await call(h, "/api/generations/batch", { method: "POST", body: take(uploadId, { variations: 9 }) })).status).toBe(400);
    await waitForTerminal(h.url, done, 100_000);
  }, 120_000);

  it("finding, marking, re-running and handing off takes", async () => {
    const found = [["/api/generations?limit=2"], ["/api/generations?status=completed&model=gen4_turbo&duration=5&favourite=false&mine=true&q=lighthouse"], [`/api/generations/${done}`]] satisfies [string][];
    expect(await statuses(h, found)).toEqual([200, 200, 200]);
    expect(await statuses(h, [["/api/generations?status=lost"], ["/api/generations?cursor=abc"], ["/api/generations/nope"]])).toEqual([400, 400, 404]);
    const marks = [
      [`/api/generations/${done}`, { method: "PATCH", body: { favourite: true } }],
      [`/api/generations/${done}`, { method: "PATCH", body: { favourite: "yes" } }],
      ["/api/generations/nope", { method: "PATCH", body: { favourite: true } }],
    ] satisfies [string, Call][];
    expect(await statuses(h, marks)).toEqual([200, 400, 404]);
    const rerun = await call(h, `/api/generations/${done}/rerun`, { method: "POST", body: { seed: "new" } });
    expect(rerun.status).toBe(201);
    const reruns = [[`/api/generations/${done}/rerun`, { method: "POST", body: { seed: 3 } }], ["/api/generations/nope/rerun", { method: "POST", body: { seed: "same" } }]] satisfies [string, Call][];
    expect(await statuses(h, reruns)).toEqual([400, 404]);
    expect(await statuses(h, [[`/api/generations/${done}/handoff.zip`], ["/api/generations/nope/handoff.zip"]])).toEqual([200, 404]);
    const frames = [
      ["/api/uploads/from-video", { method: "POST", body: { generationId: done } }],
      ["/api/uploads/from-video", { method: "POST", body: { generationId: "nope" } }],
      ["/api/uploads/from-video", { method: "POST", body: {} }],
    ] satisfies [string, Call][];
    expect(await statuses(h, frames)).toEqual([201, 404, 400]);
    await waitForTerminal(h.url, rerun.body.id, 100_000);
    expect(await statuses(h, [[`/api/generations/${rerun.body.id}`, { method: "DELETE" }], [`/api/generations/${rerun.body.id}`, { method: "DELETE" }]])).toEqual([204, 404]);
  }, 120_000);

  it("projects, shots, review state, notes and family", async () => {
    const project = (await call(h, "/api/projects", { method: "POST", body: { name: "Harbour" } })).body.id;
    const projectCalls = [["/api/projects", { method: "POST", body: { name: "" } }], ["/api/projects"], [`/api/projects/${project}`], ["/api/projects/nope"], [`/api/projects/${project}`, { method: "PATCH", body: { description: "spring" } }], ["/api/projects/nope", { method: "PATCH", body: { name: "x" } }]] satisfies [string, Call?][];
    expect(await statuses(h, projectCalls)).toEqual([400, 200, 200, 404, 200, 404]);
    // A reel being made is walked in reels-routes.test.ts; here, its refusals and empty answers.
    const reelCalls = [
      [`/api/projects/${project}/reel`, { method: "POST", body: { canvas: "1920x1080" } }],
      ["/api/projects/nope/reel", { method: "POST", body: { canvas: "1920x1080" } }],
      [`/api/projects/${project}/reels`],
      ["/api/projects/nope/reels"],
      ["/api/reels/nope"],
      ["/media/reels/nope.mp4"],
      ["/media/reels/nope.csv", { method: "HEAD" }],
    ] satisfies [string, Call?][];
    expect(await statuses(h, reelCalls)).toEqual([400, 404, 200, 404, 404, 404, 404]);
    const shot = (await call(h, `/api/projects/${project}/shots`, { method: "POST", body: { code: "SH010" } })).body.id;
    const shotCalls = [
      [`/api/projects/${project}/shots`, { method: "POST", body: { code: "sh010" } }],
      [`/api/projects/${project}/shots`, { method: "POST", body: { code: "SH020", order: 9 } }],
      ["/api/projects/nope/shots", { method: "POST", body: { code: "SH010" } }],
      [`/api/shots/${shot}`, { method: "PATCH", body: { description: "wide" } }],
      ["/api/shots/nope", { method: "PATCH", body: { order: 1 } }],
      [`/api/generations/${done}`, { method: "PATCH", body: { shotId: shot, review: "circled" } }],
      [`/api/generations/${done}`, { method: "PATCH", body: { shotId: "nope" } }],
    ] satisfies [string, Call][];
    expect(await statuses(h, shotCalls)).toEqual([409, 400, 404, 200, 404, 200, 400]);
    const note = (await call(h, `/api/generations/${done}/notes`, { method: "POST", body: { atSeconds: 1, x: 0.5, y: 0.5, text: "softer" } })).body.id;
    const noteCalls = [
      [`/api/generations/${done}/notes`, { method: "POST", body: { atSeconds: 99, text: "past the end" } }],
      [`/api/generations/${done}/notes`],
      ["/api/generations/nope/notes"],
      [`/api/notes/${note}`, { method: "PATCH", body: { text: "much softer" } }],
      ["/api/notes/nope", { method: "PATCH", body: { text: "x" } }],
      [`/api/notes/${note}`, { method: "DELETE" }],
      [`/api/notes/${note}`, { method: "DELETE" }],
      [`/api/generations/${done}/family`],
      ["/api/generations/nope/family"],
    ] satisfies [string, Call?][];
    expect(await statuses(h, noteCalls)).toEqual([400, 200, 404, 200, 404, 204, 404, 200, 404]);
    const deletes = [
      [`/api/shots/${shot}`, { method: "DELETE" }],
      [`/api/projects/${project}`, { method: "DELETE" }],
      [`/api/generations/${done}`, { method: "PATCH", body: { shotId: null } }],
      [`/api/shots/${shot}`, { method: "DELETE" }],
      ["/api/shots/nope", { method: "DELETE" }],
      [`/api/projects/${project}`, { method: "DELETE" }],
      [`/api/projects/${project}`, { method: "DELETE" }],
    ] satisfies [string, Call][];
    expect(await statuses(h, deletes)).toEqual([409, 409, 200, 204, 404, 204, 404]);
  });

  it("stored files, whole, in ranges and by HEAD", async () => {
    const files = [`/media/uploads/${uploadId}`, `/media/uploads/${uploadId}/thumb`, `/media/videos/${done}.mp4`, `/media/posters/${done}.jpg`];
    expect(await statuses(h, files.map((path) => [path]))).toEqual([200, 200, 200, 200]);
    expect(await statuses(h, files.map((path) => [path, { method: "HEAD" }]))).toEqual([200, 200, 200, 200]);
    const ranged = [
      [`/media/videos/${done}.mp4?download=1`],
      [`/media/videos/${done}.mp4`, { headers: { range: "bytes=0-99" } }],
      [`/media/posters/${done}.jpg`, { headers: { range: "bytes=999999999-" } }],
      ["/media/videos/nope.mp4"],
      ["/media/uploads/nope", { method: "HEAD" }],
    ] satisfies [string, Call?][];
    expect(await statuses(h, ranged)).toEqual([200, 206, 416, 404, 404]);
  });

  it("fails a response whose shape drifted from the document, naming the route and the mismatch", async () => {
    const drifted = buildOpenApiDocument() as unknown as { components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }> } };
    delete drifted.components.schemas.Take!.properties.favourite;
    drifted.components.schemas.Take!.required = drifted.components.schemas.Take!.required.filter((key) => key !== "favourite");
    const response = await fetch(`${h.url}/api/generations/${done}`);
    await expect(createOpenApiChecker(drifted).check("GET", `/api/generations/${done}`, response)).rejects.toThrow(
      /GET \/api\/generations\/\S+ \(\/api\/generations\/\{id\}\) answered 200 with a body the document does not allow:\nbody must NOT have additional properties/,
    );
  });
});

it("reached every documented operation", () => {
  const reached = new Set([...checker.seen].map((entry) => entry.split(" ").slice(0, 2).join(" ")));
  const operations = Object.entries(buildOpenApiDocument().paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
  expect(operations.filter((operation) => !reached.has(operation))).toEqual([]);
});
