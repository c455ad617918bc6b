import { describe, expect, it, vi } from "vitest";
import { familySchema } from "../../shared/family";
import { takeBatchSchema, takeListSchema, takeSchema } from "../../shared/take";
import { checkedCalls, errorOf } from "../testing/checked-calls";
import { harnessAround } from "../testing/harness-around";
import { projectSteps } from "../testing/project-steps";
import { startSeededHarness } from "../testing/seeded-studio";
import { takeRequest, uploadedId, waitForTerminal } from "../testing/studio-harness";

// Each test has its own seeded takes: "counts" 0–2, "tie" 3–4, "source" 5.
const h = harnessAround(() => startSeededHarness([{ prompt: "one" }, { prompt: "two" }, { prompt: "three" }, { prompt: "tie a" }, { prompt: "tie b" }, { prompt: "tie c" }, { prompt: "to edit" }]));
const call = checkedCalls();
const send = (method: string, path: string, body?: unknown) => call(h.url, path, { method, body });
const { newProject, newShot, shotsOf } = projectSteps(send);
const listed = async (query: string) => takeListSchema.parse((await send("GET", `/api/generations?${query}`)).body).items.map((t) => t.id);
const refusal = async (method: string, path: string) => {
  const answer = await send(method, path);
  return [answer.status, errorOf(answer).code, errorOf(answer).message];
};

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
    expect((await shotsOf(project)).map((s) => [s.code, s.counts, s.circledTakeId])).toEqual([
      ["SH010", { takes: 2, circled: 2, rejected: 0, notes: 1 }, one],
      ["SH020", { takes: 1, circled: 0, rejected: 1, notes: 0 }, null],
    ]);

    expect(await refusal("DELETE", `/api/shots/${sh10.id}`)).toEqual([409, "has_takes", "This shot holds 2 takes. Move them to another shot or delete them first."]);
    expect(await refusal("DELETE", `/api/projects/${project}`)).toEqual([
      409,
      "has_takes",
      "This project holds 3 takes. First move them to a shot of another project, take them out of their shot (shotId: null), or delete them.",
    ]);

    const elsewhere = await newShot(await newProject("Elsewhere"), "SH010");
    const moved = takeSchema.parse((await send("PATCH", `/api/generations/${three}`, { shotId: elsewhere.id })).body);
    expect(moved).toMatchObject({ shotId: elsewhere.id, projectId: elsewhere.projectId, review: { state: "rejected" } });
    const unknown = await send("PATCH", `/api/generations/${one}`, { shotId: "no-such-shot", review: "maybe" });
    expect([unknown.status, errorOf(unknown).fields?.shotId]).toEqual([400, expect.stringMatching(/no shot with id "no-such-shot"/)]);
    expect(takeSchema.parse((await send("GET", `/api/generations/${one}`)).body).review.state).toBe("circled");

    expect(await listed(`projectId=${project}`)).toEqual([two, one]);
    expect(await listed(`shotId=${elsewhere.id}`)).toEqual([three]);
    expect(await listed(`projectId=${project}&shotId=${sh10.id}&review=circled`)).toEqual([two, one]);

    expect((await send("PATCH", `/api/generations/${one}`, { shotId: null })).body).toMatchObject({ shotId: null, projectId: null });
    expect(await refusal("DELETE", `/api/shots/${sh10.id}`)).toEqual([409, "has_takes", "This shot holds 1 take. Move it to another shot or delete it first."]);
    expect(await refusal("DELETE", `/api/projects/${project}`)).toEqual([
      409,
      "has_takes",
      "This project holds 1 take. First move it to a shot of another project, take it out of its shot (shotId: null), or delete it.",
    ]);
    await send("PATCH", `/api/generations/${two}`, { shotId: null });
    expect((await send("DELETE", `/api/projects/${project}`)).status).toBe(204);
    expect((await send("PATCH", `/api/shots/${sh20.id}`, { order: 1 })).status).toBe(404);
  });

  it("makes the take circled last the shot's select, even when two are circled in the same millisecond", async () => {
    // Oldest to newest take: the one circled last is the middle one, so neither the newest
    // (a tie broken by take order) nor the oldest (a tie left to the table's order) is it.
    const [a, b, c] = h.ids.slice(3, 6);
    const shot = await newShot(await newProject("Tie"), "SH010");
    for (const id of [a, b, c]) await send("PATCH", `/api/generations/${id}`, { shotId: shot.id });
    // The clock stands still: the reviews carry the same time, as quick keypresses can.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    try {
      for (const id of [c, a, b]) await send("PATCH", `/api/generations/${id}`, { review: "circled" });
    } finally {
      vi.useRealTimers();
    }
    expect((await shotsOf(shot.projectId))[0]!.circledTakeId).toBe(b);
  });

  it("refuses list filters on a project or shot that does not exist, or a shot of another project, at the field", async () => {
    const shot = await newShot(await newProject("Filtered"), "SH010");
    const other = await newProject("Not its project");
    const cases: [string, string, string][] = [
      ["projectId=nope", "projectId", 'There is no project with id "nope": choose another project, or drop the projectId filter.'],
      ["shotId=nope", "shotId", 'There is no shot with id "nope": choose another shot, or drop the shotId filter.'],
      [`projectId=${shot.projectId}&shotId=nope`, "shotId", 'There is no shot with id "nope": choose another shot, or drop the shotId filter.'],
      [`projectId=${other}&shotId=${shot.id}`, "shotId", `Shot "${shot.id}" belongs to another project than "${other}": filter on that project, or drop one of the two filters.`],
    ];
    for (const [query, field, message] of cases) {
      const refused = await send("GET", `/api/generations?${query}`);
      expect([refused.status, errorOf(refused).fields], query).toEqual([400, { [field]: message }]);
    }
    expect(await listed(`projectId=${shot.projectId}&shotId=${shot.id}`)).toEqual([]);
  });
});

describe("a new take", () => {
  it("lands in the shot the create names (a re-run in its source's), and is a batch of its own; a batch's takes share its first take's id", async () => {
    const uploadId = await uploadedId(h.url);
    const shot = await newShot(await newProject("Makes"), "SH010");
    const single = takeSchema.parse((await send("POST", "/api/generations", takeRequest(uploadId, { shotId: shot.id }))).body);
    expect(single).toMatchObject({ shotId: shot.id, projectId: shot.projectId, review: { state: "unreviewed", by: null, at: null }, noteCount: 0, batchId: single.id });
    const batch = takeBatchSchema.parse((await send("POST", "/api/generations/batch", takeRequest(uploadId, { shotId: shot.id, variations: 2 }))).body).items;
    expect(batch.map((t) => [t.shotId, t.batchId])).toEqual([[shot.id, batch[0]!.id], [shot.id, batch[0]!.id]]);
    const again = takeSchema.parse((await send("POST", `/api/generations/${single.id}/rerun`, { seed: "new" })).body);
    expect(again).toMatchObject({ shotId: shot.id, sourceId: single.id, batchId: again.id });
    expect(await listed(`batchId=${batch[0]!.id}`)).toEqual(batch.map((t) => t.id).reverse());
    expect(await listed(`batchId=${single.id}`)).toEqual([single.id]);
    for (const take of [single, again, ...batch]) await waitForTerminal(h.url, take.id);
  }, 60_000);

  it("edited in the form from another take (sourceId) joins that take's family as edited, single or batch", async () => {
    const uploadId = await uploadedId(h.url);
    const source = h.ids[6]!;
    const single = takeSchema.parse((await send("POST", "/api/generations", takeRequest(uploadId, { prompt: "warmer light", sourceId: source }))).body);
    const batch = takeBatchSchema.parse((await send("POST", "/api/generations/batch", takeRequest(uploadId, { prompt: "cooler", sourceId: source, variations: 2 }))).body).items;
    for (const take of [single, ...batch]) expect(take.sourceId).toBe(source);
    const family = familySchema.parse((await send("GET", `/api/generations/${source}/family`)).body);
    expect(family.members.map((m) => [m.id, m.parentId, m.how])).toEqual([[source, null, null], ...[single, ...batch].map((t) => [t.id, source, "edited"])]);
    for (const take of [single, ...batch]) await waitForTerminal(h.url, take.id);
  }, 60_000);

  it("is refused at the field, before anything is recorded or sent, for an unknown shot or source", async () => {
    const uploadId = await uploadedId(h.url);
    const creates = h.simulator!.stats().creates;
    const before = await listed("limit=100");
    const cases: [Record<string, unknown>, string, string][] = [
      [{ shotId: "no-such-shot" }, "shotId", 'There is no shot with id "no-such-shot": choose one of a project\'s shots, or leave shotId out.'],
      [{ sourceId: "no-such-take" }, "sourceId", 'There is no take with id "no-such-take" to edit from (it may have been deleted): leave sourceId out to make a take without one.'],
    ];
    for (const path of ["/api/generations", "/api/generations/batch"]) {
      for (const [extra, field, message] of cases) {
        const refused = await send("POST", path, takeRequest(uploadId, extra));
        expect([refused.status, errorOf(refused).fields], `${path} ${field}`).toEqual([400, { [field]: message }]);
      }
    }
    expect(h.simulator!.stats().creates).toBe(creates);
    expect(await listed("limit=100")).toEqual(before);
  });
});
