import { describe, expect, it } from "vitest";
import { projectDetailSchema, projectListSchema, projectSchema } from "../../shared/project";
import { checkedCalls, errorOf } from "../testing/checked-calls";
import { harnessAround } from "../testing/harness-around";
import { startPasswordHarness, signIn } from "../testing/password-studio";
import { projectSteps } from "../testing/project-steps";
import { startHarness } from "../testing/studio-harness";

const h = harnessAround(() => startHarness());
const call = checkedCalls();
const send = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(h.url, path, { method, body, ...(headers ? { headers } : {}) });
const { newProject, newShot, codesInOrder } = projectSteps(send);
const code = "Give the shot a code such as SH010: up to 32 letters, digits, '-', '_' or '.', starting with a letter or digit.";
const order = "order must be a whole number: 1 is the project's first shot.";
const notAField = (key: string) => `Remove "${key}": it is not a field Dailies knows.`;

/** Sends each body and expects a 400 whose `fields` are exactly the ones given. */
async function expectRefused(method: string, path: string, cases: [unknown, Record<string, string>][]): Promise<void> {
  for (const [body, fields] of cases) {
    const refused = await send(method, path, body);
    expect(refused.status, `${method} ${JSON.stringify(body).slice(0, 60)}`).toBe(400);
    expect(errorOf(refused).fields).toEqual(fields);
  }
}

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

  it("refuse a name that is empty, too long or missing, a description too long, and unknown fields, at the field", async () => {
    const bad: [unknown, Record<string, string>][] = [
      [{ name: "   " }, { name: "Name the project: the name is empty." }],
      [{ name: "x".repeat(121) }, { name: "Shorten the name to 120 characters." }],
      [{ name: "ok", description: "x".repeat(2001) }, { description: "Shorten the description to 2000 characters." }],
      [{ name: "ok", colour: "red" }, { colour: notAField("colour") }],
    ];
    await expectRefused("POST", "/api/projects", [...bad, [{ description: "no name" }, { name: "Name the project." }]]);
    const id = await newProject("Keeps its name");
    await expectRefused("PATCH", `/api/projects/${id}`, [...bad, [{}, { body: "Send name or description: at least one of them." }]]);
    expect(projectSchema.parse((await send("GET", `/api/projects/${id}`)).body)).toMatchObject({ name: "Keeps its name", description: null });
  });

  it("answer 404 with a message for an unknown id", async () => {
    for (const [method, path, body] of [["GET", "/api/projects/nope"], ["PATCH", "/api/projects/nope", { name: "x" }], ["DELETE", "/api/projects/nope"], ["POST", "/api/projects/nope/shots", { code: "SH010" }], ["PATCH", "/api/shots/nope", { order: 1 }], ["DELETE", "/api/shots/nope"]] as const) {
      const answer = await send(method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(errorOf(answer).message).toMatch(/There is no (project|shot) with id "nope"/);
    }
  });

  it("refuse a cross-site write and bodies over 16 KB, storing nothing", async () => {
    const project = await newProject("Guarded");
    const shot = await newShot(project, "SH010");
    const before = projectListSchema.parse((await send("GET", "/api/projects")).body).items.length;
    const refused = await send("POST", "/api/projects", { name: "from evil" }, { origin: "https://evil.example" });
    expect([refused.status, errorOf(refused).code]).toEqual([403, "cross_site_refused"]);
    const huge = "x".repeat(17 * 1024);
    for (const [method, path] of [["POST", "/api/projects"], ["PATCH", `/api/projects/${project}`], ["POST", `/api/projects/${project}/shots`], ["PATCH", `/api/shots/${shot.id}`]]) {
      const tooBig = await send(method!, path!, { name: "big", code: "SH020", description: huge });
      expect([tooBig.status, errorOf(tooBig)], `${method} ${path}`).toEqual([413, expect.objectContaining({ code: "payload_too_large", message: expect.stringMatching(/larger than 16 KB/) })]);
    }
    expect(projectListSchema.parse((await send("GET", "/api/projects")).body).items).toHaveLength(before);
    expect(await codesInOrder(project)).toEqual(["1:SH010"]);
  });
});

describe("shots", () => {
  it("go last unless given an order (from 1 to one past the last); a code is unique in its project without case", async () => {
    const project = await newProject();
    await newShot(project, "SH010", { description: "  Wide on the harbour " });
    await newShot(project, "SH030");
    expect(await newShot(project, "SH020", { order: 2 })).toMatchObject({ order: 2, counts: { takes: 0, circled: 0, rejected: 0, notes: 0 }, circledTakeId: null });
    expect(await newShot(project, "SH040", { order: 4 })).toMatchObject({ order: 4 });
    expect(await codesInOrder(project)).toEqual(["1:SH010", "2:SH020", "3:SH030", "4:SH040"]);
    const taken = await send("POST", `/api/projects/${project}/shots`, { code: "sh010" });
    expect([taken.status, errorOf(taken).code, errorOf(taken).fields]).toEqual([409, "shot_code_taken", { code: "SH010 is already a shot of this project (codes are compared without case): choose another code." }]);
    // Another project may use the same code.
    await newShot(await newProject("Other"), "SH010");
    await expectRefused("POST", `/api/projects/${project}/shots`, [
      [{ code: "" }, { code }],
      [{ code: "SH 050" }, { code }],
      [{ code: "x".repeat(33) }, { code }],
      [{ code: "SH050", description: "x".repeat(501) }, { description: "Shorten the description to 500 characters." }],
      [{ code: "SH050", order: 0 }, { order }],
      [{ code: "SH050", order: 6 }, { order: "order must be from 1 to 5: the shot can go anywhere from first to last." }],
    ]);
    expect(await codesInOrder(project)).toEqual(["1:SH010", "2:SH020", "3:SH030", "4:SH040"]);
  });

  it("move to a new order with the shots between shifting, so orders stay 1…n, and refuse bad changes at the field", async () => {
    const project = await newProject();
    const [a, b, c, d] = [await newShot(project, "A"), await newShot(project, "B"), await newShot(project, "C"), await newShot(project, "D")];
    expect((await send("PATCH", `/api/shots/${d.id}`, { order: 2 })).body).toMatchObject({ order: 2 });
    expect(await codesInOrder(project)).toEqual(["1:A", "2:D", "3:B", "4:C"]);
    await send("PATCH", `/api/shots/${a.id}`, { order: 4 });
    expect(await codesInOrder(project)).toEqual(["1:D", "2:B", "3:C", "4:A"]);
    await expectRefused("PATCH", `/api/shots/${b.id}`, [
      [{}, { body: "Send code, description or order: at least one of them." }],
      [{ code: "B 2" }, { code }],
      [{ order: 0 }, { order }],
      [{ order: 5, code: "B2" }, { order: "order must be from 1 to 4: the shot can go anywhere from first to last." }],
      [{ description: "x".repeat(501) }, { description: "Shorten the description to 500 characters." }],
    ]);
    const taken = await send("PATCH", `/api/shots/${b.id}`, { code: "c", order: 1 });
    expect([taken.status, errorOf(taken).fields?.code]).toEqual([409, expect.stringMatching(/^C is already/)]);
    expect(await codesInOrder(project)).toEqual(["1:D", "2:B", "3:C", "4:A"]);
    expect((await send("PATCH", `/api/shots/${b.id}`, { code: "b", description: "Close on the lamp" })).body).toMatchObject({ code: "b", description: "Close on the lamp", order: 2 });
    expect((await send("DELETE", `/api/shots/${c.id}`)).status).toBe(204);
    expect(await codesInOrder(project)).toEqual(["1:D", "2:b", "3:A"]);
  });
});

describe("AUTH_MODE=password", () => {
  const p = harnessAround(() => startPasswordHarness());

  it("records the signed-in person as a project's createdBy", async () => {
    const cookie = await signIn(p.url, "Ana");
    const made = await call(p.url, "/api/projects", { method: "POST", body: { name: "Ana's promo" }, headers: { cookie } });
    expect([made.status, projectSchema.parse(made.body).createdBy]).toEqual([201, "Ana"]);
  });
});
