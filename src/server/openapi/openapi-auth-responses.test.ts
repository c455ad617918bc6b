import { describe, expect, it } from "vitest";
import { createCheckedCalls, imageForm, type Call } from "../testing/checked-calls";
import { createOpenApiChecker } from "../testing/openapi-check";
import { harnessAround } from "../testing/harness-around";
import { cookieOf, startPasswordHarness, TEST_PASSWORD } from "../testing/password-studio";
import { testImage } from "../testing/studio-harness";
import { buildOpenApiDocument } from "./openapi-document";

const calls = createCheckedCalls(createOpenApiChecker());

/**
 * Sign-in on, the simulator at real speed (a take stays running for the whole test) and one
 * running take per person: the refusals only a shared studio gives, checked against the document.
 */
describe("with the studio password, refusals answer as documented", () => {
  const h = harnessAround(() => startPasswordHarness({ SIMULATOR_TIME_SCALE: "1", LIMIT_RUNNING_PER_USER: "1" }));
  const as = (cookie: string, init: Call = {}): Call => ({ ...init, headers: { ...init.headers, cookie } });
  const signIn = async (name: string) => {
    const answer = await calls.call(h.url, "/api/session", { method: "POST", body: { name, password: TEST_PASSWORD } });
    expect(answer.status).toBe(200);
    return cookieOf(answer);
  };

  it("serves the document to anyone, and nothing else without a session", async () => {
    const open = await calls.call(h.url, "/api/openapi.json");
    expect(open.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    const closed = [
      ["/api/generations"],
      ["/api/uploads/x"],
      ["/media/videos/x.mp4"],
      ["/api/generations/x", { method: "DELETE" }],
      ["/api/generations/x", { method: "PATCH", body: { review: "circled" } }],
      ["/api/generations/x/notes"],
      ["/api/generations/x/notes", { method: "POST", body: { atSeconds: 1, text: "a note" } }],
      ["/api/generations/x/family"],
      ["/api/notes/x", { method: "PATCH", body: { text: "a note" } }],
      ["/api/notes/x", { method: "DELETE" }],
      ["/api/projects"],
      ["/api/projects", { method: "POST", body: { name: "a project" } }],
      ["/api/projects/x"],
      ["/api/projects/x", { method: "PATCH", body: { name: "a project" } }],
      ["/api/projects/x", { method: "DELETE" }],
      ["/api/projects/x/shots", { method: "POST", body: { code: "SH010" } }],
      ["/api/shots/x", { method: "PATCH", body: { order: 1 } }],
      ["/api/shots/x", { method: "DELETE" }],
    ] satisfies [string, Call?][];
    expect(await calls.statuses(h.url, closed)).toEqual(closed.map(() => 401));
    expect(await calls.statuses(h.url, [["/api/session"]])).toEqual([200]);
    expect(await calls.statuses(h.url, [["/api/session", { method: "POST", body: { name: "", password: "" } }]])).toEqual([400]);
  });

  it("a running take, someone else's take, and a non-admin", async () => {
    const ana = await signIn("Ana");
    const bob = await signIn("Bob");
    const uploaded = await calls.call(h.url, "/api/uploads", as(ana, { method: "POST", form: imageForm(await testImage()) }));
    const body = { model: "gen4_turbo", prompt: "", image: { uploadId: uploaded.body.id }, ratio: "16:9", duration: 5 };
    const running = await calls.call(h.url, "/api/generations", as(ana, { method: "POST", body }));
    expect(running.status).toBe(201);
    const id = running.body.id;
    const refused = [
      ["/api/generations", as(ana, { method: "POST", body })],
      [`/api/generations/${id}`, as(bob, { method: "DELETE" })],
      [`/api/generations/${id}`, as(ana, { method: "DELETE" })],
      [`/api/generations/${id}/handoff.zip`, as(ana)],
      ["/api/uploads/from-video", as(ana, { method: "POST", body: { generationId: id } })],
      ["/api/session/all", as(ana, { method: "DELETE" })],
    ] satisfies [string, Call][];
    expect(await calls.statuses(h.url, refused)).toEqual([429, 403, 409, 409, 409, 403]);
    const boss = await signIn("Boss");
    const ended = await calls.call(h.url, "/api/session/all", as(boss, { method: "DELETE" }));
    expect(ended).toMatchObject({ status: 200, body: { signedOut: 3 } });
    expect(await calls.statuses(h.url, [["/api/session", { method: "DELETE" }]])).toEqual([204]);
  });

  it("wrong passwords, then too many of them", async () => {
    const wrong: [string, Call][] = Array.from({ length: 7 }, () => ["/api/session", { method: "POST", body: { name: "Eve", password: "guess" } }]);
    const answered = await calls.statuses(h.url, wrong);
    expect(answered.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(answered.at(-1)).toBe(429);
  });
});
