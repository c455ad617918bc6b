import { describe, expect, it } from "vitest";
import { projectDetailSchema, projectListSchema, projectSchema, shotSchema, type Shot } from "../../shared/project";
import { takeBatchSchema, takeListSchema, takeSchema } from "../../shared/take";
import { harnessAround } from "../testing/harness-around";
import { checkedCalls, errorOf } from "../testing/checked-calls";
import { startSeededHarness } from "../testing/seeded-studio";
import { takeRequest, uploadedId, waitForTerminal } from "../testing/studio-harness";

const h = harnessAround(() => startSeededHarness([{ prompt: "one" }, { prompt: "two" }, { prompt: "three" }, { prompt: "failed", status: "failed" }]));
const call = checkedCalls();
const send = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(h.url, path, { method, body, ...(headers ? { headers } : {}) });

async function newProject(name = "Harbour spot"): Promise<string> {
  const made = await send("POST", "/api/projects", { name });
  expect(made.status).toBe(201);
  return made.body.id;
}
async function newShot(projectId: string, code: string, extra: Record<string, unknown> = {}): Promise<Shot> {
  const made = await send("POST", `/api/projects/${projectId}/shots`, { code, ...extra });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return shotSchema.parse(made.body);
}
const codesInOrder = async (projectId: string) => projectDetailSchema.parse((await send("GET", `/api/projects/${projectId}`)).body).shots.map((s) => `${s.order}:${s.code}`);

describe("projects", () => {
  it("are made with a trimmed name by the signed-in author, listed newest first, renamed and described", async () => {
    const made = await send("POST", "/api/projects", { name: "  Lighthouse promo  ", description: "Spring campaign" });
    expect(made.status).toBe(201);
    expect(projectSchema.parse(made.body)).toMatchObject({ name: "Lighthouse promo", description: "Spring campaign", createdBy: "studio" });
    const other = await newProject("Second");
    const list = projectListSchema.parse((await send("GET", "/api/projects")).body);
    expect(list.items.map((p) => p.id).slice(0, 2)).toEqual([other, made.body.id]);
    const renamed = await send("PATCH", `/api/projects/${made.body.id}`, { name: "Lighthouse", description: null });
    expect(projectSchema.parse(renamed.body)).toMatchObject({ name: "Lighthouse", description: null });
    expect(projectDetailSchema.parse((await send("GET", `/api/projects/${made.body.id}`)).body)).toMatchObject({ name: "Lighthouse", shots: [] });
  });

  it("refuse a name that is empty, too long or missing, and unknown fields, at the field", async () => {
    const cases: [unknown, string][] = [
      [{ name: "   " }, "name"],
      [{ name: "x".repeat(121) }, "name"],
      [{ description: "no name" }, "name"],
      [{ name: "ok", colour: "red" }, "colour"],
    ];
    for (const [body, field] of cases) {
      const refused = await send("POST", "/api/projects", body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(errorOf(refused).fields?.[field]).toMatch(/\w{3,}/);
    }
    expect(errorOf(await send("PATCH", `/api/projects/${await newProject()}`, {})).message).toMatch(/name or description/);
  });

  it("answer 404 with a message for an unknown id", async () => {
    for (const [method, path, body] of [["GET", "/api/projects/nope"], ["PATCH", "/api/projects/nope", { name: "x" }], ["DELETE", "/api/projects/nope"], ["POST", "/api/projects/nope/shots", { code: "SH010" }], ["PATCH", "/api/shots/nope", { order: 1 }], ["DELETE", "/api/shots/nope"]] as const) {
      const answer = await send(method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(errorOf(answer).message).toMatch(/There is no (project|shot) with id "nope"/);
    }
  });

  it("refuse a cross-site write and store nothing", async () => {
    const before = projectListSchema.parse((await send("GET", "/api/projects")).body).items.length;
    const refused = await send("POST", "/api/projects", { name: "from evil" }, { origin: "https://evil.example" });
    expect([refused.status, errorOf(refused).code]).toEqual([403, "cross_site_refused"]);
    expect(projectListSchema.parse((await send("GET", "/api/projects")).body).items).toHaveLength(before);
  });
});

describe("shots", () => {
  it("go last unless given an order; a code is unique in its project without case, and the field says so", async () => {
    const project = await newProject();
    await newShot(project, "SH010", { description: "  Wide on the harbour " });
    await newShot(project, "SH030");
    expect(await newShot(project, "SH020", { order: 2 })).toMatchObject({ order: 2, counts: { takes: 0, circled: 0, rejected: 0, notes: 0 }, circledTakeId: null });
    expect(await codesInOrder(project)).toEqual(["1:SH010", "2:SH020", "3:SH030"]);
    const taken = await send("POST", `/api/projects/${project}/shots`, { code: "sh010" });
    expect([taken.status, errorOf(taken).code]).toEqual([409, "shot_code_taken"]);
    expect(errorOf(taken).fields?.code).toMatch(/SH010 is already a shot of this project.*choose another code/);
    // Another project may use the same code.
    await newShot(await newProject("Other"), "SH010");
    const badCodes = [{ code: "" }, { code: "SH 010" }, { code: "x".repeat(33) }, { code: "SH040", order: 0 }, { code: "SH040", order: 5 }];
    for (const body of badCodes) {
      const refused = await send("POST", `/api/projects/${project}/shots`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(errorOf(refused).fields ?? {})).toEqual([body.code === "SH040" ? "order" : "code"]);
    }
  });

  it("move to a new order with the shots between shifting, so orders stay 1…n", async () => {
    const project = await newProject();
    const [a, b, c, d] = [await newShot(project, "A"), await newShot(project, "B"), await newShot(project, "C"), await newShot(project, "D")];
    expect((await send("PATCH", `/api/shots/${d!.id}`, { order: 2 })).body).toMatchObject({ order: 2 });
    expect(await codesInOrder(project)).toEqual(["1:A", "2:D", "3:B", "4:C"]);
    await send("PATCH", `/api/shots/${a!.id}`, { order: 4 });
    expect(await codesInOrder(project)).toEqual(["1:D", "2:B", "3:C", "4:A"]);
    const past = await send("PATCH", `/api/shots/${b!.id}`, { order: 5, code: "B2" });
    expect(errorOf(past).fields?.order).toMatch(/from 1 to 4/);
    const taken = await send("PATCH", `/api/shots/${b!.id}`, { code: "c", order: 1 });
    expect([taken.status, errorOf(taken).fields?.code]).toEqual([409, expect.stringMatching(/C is already/)]);
    expect(await codesInOrder(project)).toEqual(["1:D", "2:B", "3:C", "4:A"]);
    expect((await send("PATCH", `/api/shots/${b!.id}`, { code: "b", description: "Close on the lamp" })).body).toMatchObject({ code: "b", description: "Close on the lamp", order: 2 });
    expect((await send("DELETE", `/api/shots/${c!.id}`)).status).toBe(204);
    expect(await codesInOrder(project)).toEqual(["1:D", "2:b", "3:A"]);
  });
});

describe("takes in shots", () => {
  it("move between shots (the shot decides the project), count up per shot, and keep their shot and project from deletion", async () => {
    const [one, two, three] = h.ids;
    const project = await newProject("Counts");
    const [sh10, sh20] = [await newShot(project, "SH010"), await newShot(project, "SH020")];
    for (const id of [one, two]) expect((await send("PATCH", `/api/generations/${id}`, { shotId: sh10.id })).body).toMatchObject({ shotId: sh10.id, projectId: project });
    await send("PATCH", `/api/generations/${three}`, { shotId: sh20.id, review: "rejected" });
    await send("PATCH", `/api/generations/${two}`, { review: "circled" });
    await send("PATCH", `/api/generations/${one}`, { review: "circled" });
    await send("POST", `/api/generations/${one}/notes`, { atSeconds: 1, text: "hold longer" });
    const detail = projectDetailSchema.parse((await send("GET", `/api/projects/${project}`)).body);
    expect(detail.shots.map((s) => [s.code, s.counts, s.circledTakeId])).toEqual([
      ["SH010", { takes: 2, circled: 2, rejected: 0, notes: 1 }, one],
      ["SH020", { takes: 1, circled: 0, rejected: 1, notes: 0 }, null],
    ]);

    const shotRefused = await send("DELETE", `/api/shots/${sh10.id}`);
    expect([shotRefused.status, errorOf(shotRefused)]).toEqual([409, expect.objectContaining({ code: "has_takes", message: expect.stringMatching(/holds 2 takes/) })]);
    const projectRefused = await send("DELETE", `/api/projects/${project}`);
    expect(errorOf(projectRefused).message).toMatch(/This project holds 3 takes\. Move them/);

    const elsewhere = await newShot(await newProject("Elsewhere"), "SH010");
    const moved = takeSchema.parse((await send("PATCH", `/api/generations/${three}`, { shotId: elsewhere.id })).body);
    expect(moved).toMatchObject({ shotId: elsewhere.id, projectId: elsewhere.projectId, review: { state: "rejected" } });
    const unknown = await send("PATCH", `/api/generations/${one}`, { shotId: "no-such-shot", review: "maybe" });
    expect([unknown.status, errorOf(unknown).fields?.shotId]).toEqual([400, expect.stringMatching(/no shot with id "no-such-shot"/)]);
    expect(takeSchema.parse((await send("GET", `/api/generations/${one}`)).body).review.state).toBe("circled");

    const listed = async (query: string) => takeListSchema.parse((await send("GET", `/api/generations?${query}`)).body).items.map((t) => t.id);
    expect(await listed(`projectId=${project}`)).toEqual([two, one]);
    expect(await listed(`shotId=${elsewhere.id}`)).toEqual([three]);
    expect(await listed(`projectId=${project}&shotId=${sh10.id}&review=circled`)).toEqual([two, one]);
    const mixed = await send("GET", `/api/generations?projectId=${project}&shotId=${elsewhere.id}`);
    expect([mixed.status, errorOf(mixed).fields?.shotId]).toEqual([400, expect.stringMatching(/belongs to another project/)]);

    for (const id of [one, two]) expect((await send("PATCH", `/api/generations/${id}`, { shotId: null })).body).toMatchObject({ shotId: null, projectId: null });
    expect((await send("DELETE", `/api/projects/${project}`)).status).toBe(204);
    expect((await send("PATCH", `/api/shots/${sh20.id}`, { order: 1 })).status).toBe(404);
  });
});

describe("a new take", () => {
  it("lands in the shot the create names (a re-run in its source's); a batch shares one batchId; an unknown shot is refused before anything is sent", async () => {
    const uploadId = await uploadedId(h.url);
    const shot = await newShot(await newProject("Makes"), "SH010");
    const single = takeSchema.parse((await send("POST", "/api/generations", takeRequest(uploadId, { shotId: shot.id }))).body);
    expect(single).toMatchObject({ shotId: shot.id, projectId: shot.projectId, review: { state: "unreviewed", by: null, at: null }, noteCount: 0 });
    const batch = takeBatchSchema.parse((await send("POST", "/api/generations/batch", takeRequest(uploadId, { shotId: shot.id, variations: 2 }))).body).items;
    expect(batch.map((t) => t.shotId)).toEqual([shot.id, shot.id]);
    expect(batch[0]!.batchId).toBe(batch[1]!.batchId);
    expect(single.batchId).not.toBe(batch[0]!.batchId);
    const again = takeSchema.parse((await send("POST", `/api/generations/${single.id}/rerun`, { seed: "new" })).body);
    expect(again).toMatchObject({ shotId: shot.id, sourceId: single.id });

    const creates = h.simulator!.stats().creates;
    const before = takeListSchema.parse((await send("GET", "/api/generations?limit=100")).body).items.length;
    for (const path of ["/api/generations", "/api/generations/batch"]) {
      const refused = await send("POST", path, takeRequest(uploadId, { shotId: "no-such-shot" }));
      expect([refused.status, errorOf(refused).fields?.shotId]).toEqual([400, expect.stringMatching(/no shot with id "no-such-shot"/)]);
    }
    expect(h.simulator!.stats().creates).toBe(creates);
    expect(takeListSchema.parse((await send("GET", "/api/generations?limit=100")).body).items).toHaveLength(before);
    for (const take of [single, again, ...batch]) await waitForTerminal(h.url, take.id);
  }, 60_000);
});
