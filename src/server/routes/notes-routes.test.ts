import { describe, expect, it, vi } from "vitest";
import { noteListSchema, noteSchema } from "../../shared/note";
import { takeListSchema, takeSchema } from "../../shared/take";
import { checkedCalls, errorOf } from "../testing/checked-calls";
import { harnessAround } from "../testing/harness-around";
import { PASSWORD_SETTINGS, signIn } from "../testing/password-studio";
import { startSeededHarness } from "../testing/seeded-studio";
import { takeRequest, uploadedId } from "../testing/studio-harness";

const call = checkedCalls();
// Asked for 10 s, the archived video is 9.96 s long: notes go by what was archived.
const archived = { duration: 10 as const, durationSeconds: 9.96 };
const pastTheEnd = (got: string) => `This take is 9.96 s long: pin the note before 9.96 s, where its last frame ends (got ${got}).`;

describe("notes on the frame", () => {
  // One take per test, so none depends on another's notes. At real speed, a new take stays running.
  const h = harnessAround(() =>
    startSeededHarness(
      [
        { prompt: "pinned", ...archived },
        { prompt: "failed", status: "failed" },
        { prompt: "refused", ...archived },
        { prompt: "edited", ...archived },
        { prompt: "deleted", ...archived },
      ],
      { SIMULATOR_TIME_SCALE: "1" },
    ),
  );
  const send = (method: string, path: string, body?: unknown) => call(h.url, path, { method, body });
  const noteCount = async (id: string) => takeSchema.parse((await send("GET", `/api/generations/${id}`)).body).noteCount;
  const addNote = async (take: string, body: unknown) => noteSchema.parse((await send("POST", `/api/generations/${take}/notes`, body)).body);

  it("pins a trimmed note to a time and a point, lists notes in the take's order, and counts them on the take", async () => {
    const take = h.ids[0]!;
    expect(await noteCount(take)).toBe(0);
    const later = await send("POST", `/api/generations/${take}/notes`, { atSeconds: 4.2, text: "  the flare is too hot  " });
    expect(later.status).toBe(201);
    expect(noteSchema.parse(later.body)).toMatchObject({ takeId: take, atSeconds: 4.2, x: null, y: null, text: "the flare is too hot", author: "studio" });
    expect(await addNote(take, { atSeconds: 0, x: 0.25, y: 1, text: "start on the lamp" })).toMatchObject({ atSeconds: 0, x: 0.25, y: 1 });
    await addNote(take, { atSeconds: 9.95, text: "last frame" });
    const list = noteListSchema.parse((await send("GET", `/api/generations/${take}/notes`)).body);
    expect(list.items.map((n) => n.atSeconds)).toEqual([0, 4.2, 9.95]);
    // The take's cached body is rebuilt: the count moves in the detail and the list.
    expect(await noteCount(take)).toBe(3);
    expect(takeListSchema.parse((await send("GET", "/api/generations")).body).items.find((t) => t.id === take)?.noteCount).toBe(3);
  });

  it("refuses a note at or past the archived end, naming its length, and bad input at the field, storing nothing", async () => {
    const take = h.ids[2]!;
    const cases: [unknown, string, string | RegExp][] = [
      [{ atSeconds: 9.96, text: "at the very end" }, "atSeconds", pastTheEnd("9.96 s")],
      [{ atSeconds: 9.99, text: "inside 10 s, past the video" }, "atSeconds", pastTheEnd("9.99 s")],
      [{ atSeconds: -1, text: "before" }, "atSeconds", /0 is its first frame/],
      [{ atSeconds: "1", text: "a string" }, "atSeconds", /number of seconds/],
      [{ atSeconds: 1, x: 0.5, text: "x alone" }, "y", /Give y as well: .*both x and y, or neither/],
      [{ atSeconds: 1, y: 0.5, text: "y alone" }, "x", /Give x as well/],
      [{ atSeconds: 1, x: 1.5, y: 0.5, text: "off the picture" }, "x", /fraction of the picture's width/],
      [{ atSeconds: 1, text: "   " }, "text", /it is empty/],
      [{ atSeconds: 1, text: "x".repeat(2001) }, "text", /2000 characters/],
      [{ atSeconds: 1, text: "ok", colour: "red" }, "colour", /not a field/],
    ];
    for (const [body, field, message] of cases) {
      const refused = await send("POST", `/api/generations/${take}/notes`, body);
      expect(refused.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(errorOf(refused).fields?.[field]).toMatch(message);
    }
    const huge = await send("POST", `/api/generations/${take}/notes`, { atSeconds: 1, text: "x".repeat(20_000) });
    expect([huge.status, errorOf(huge).code]).toEqual([413, "payload_too_large"]);
    expect(await noteCount(take)).toBe(0);
  });

  it("refuses a take with no video yet, failed or running, and answers 404 with a message for unknown takes and notes", async () => {
    const failed = await send("POST", `/api/generations/${h.ids[1]}/notes`, { atSeconds: 1, text: "nothing to see" });
    expect([failed.status, errorOf(failed).code, errorOf(failed).message]).toEqual([409, "not_completed", "This take has no video yet: it failed, so there is no video to note on."]);
    const started = takeSchema.parse((await send("POST", "/api/generations", takeRequest(await uploadedId(h.url)))).body);
    const running = await send("POST", `/api/generations/${started.id}/notes`, { atSeconds: 1, text: "too soon" });
    expect([running.status, errorOf(running).code, errorOf(running).message]).toEqual([
      409,
      "not_completed",
      expect.stringMatching(/^This take has no video yet: it is still (queued|generating); add notes once it has finished\.$/),
    ]);
    const unknown: [string, string, unknown?][] = [
      ["GET", "/api/generations/nope/notes"],
      ["POST", "/api/generations/nope/notes", { atSeconds: 1, text: "x" }],
      ["PATCH", "/api/notes/nope", { text: "x" }],
      ["DELETE", "/api/notes/nope"],
    ];
    for (const [method, path, body] of unknown) {
      const answer = await send(method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(errorOf(answer).message).toMatch(/There is no (generation|note) with id "nope"/);
    }
  });

  it("edits a note in place (moving it off the picture with x and y null, its updatedAt moving on) and deletes it", async () => {
    const take = h.ids[3]!;
    const note = await addNote(take, { atSeconds: 2, x: 0.5, y: 0.5, text: "soften" });
    const later = Date.parse(note.createdAt) + 60_000;
    vi.useFakeTimers({ toFake: ["Date"], now: later });
    try {
      const moved = noteSchema.parse((await send("PATCH", `/api/notes/${note.id}`, { atSeconds: 3, x: null, y: null, text: "soften the key light" })).body);
      expect(moved).toEqual({ ...note, atSeconds: 3, x: null, y: null, text: "soften the key light", updatedAt: new Date(later).toISOString() });
    } finally {
      vi.useRealTimers();
    }
    const refusals: [unknown, string][] = [
      [{ atSeconds: 9.96 }, "atSeconds"],
      [{ x: 0.2 }, "y"],
      [{ text: "" }, "text"],
    ];
    for (const [body, field] of refusals) expect(Object.keys(errorOf(await send("PATCH", `/api/notes/${note.id}`, body)).fields ?? {})).toEqual([field]);
    expect(errorOf(await send("PATCH", `/api/notes/${note.id}`, {})).message).toMatch(/at least one/);
    const huge = await send("PATCH", `/api/notes/${note.id}`, { text: "x".repeat(20_000) });
    expect([huge.status, errorOf(huge).code]).toEqual([413, "payload_too_large"]);
    expect(noteListSchema.parse((await send("GET", `/api/generations/${take}/notes`)).body).items).toMatchObject([{ atSeconds: 3, text: "soften the key light" }]);
    expect((await send("DELETE", `/api/notes/${note.id}`)).status).toBe(204);
    expect(await noteCount(take)).toBe(0);
    expect((await send("DELETE", `/api/notes/${note.id}`)).status).toBe(404);
  });

  it("go with their take when it is deleted", async () => {
    const take = h.ids[4]!;
    const note = await addNote(take, { atSeconds: 1, text: "gone with it" });
    expect((await send("DELETE", `/api/generations/${take}`)).status).toBe(204);
    expect((await send("GET", `/api/generations/${take}/notes`)).status).toBe(404);
    for (const [method, body] of [["PATCH", { text: "still here?" }], ["DELETE", undefined]] as const) {
      const answer = await send(method, `/api/notes/${note.id}`, body);
      expect([answer.status, errorOf(answer).message]).toEqual([404, `There is no note with id "${note.id}".`]);
    }
  });
});

describe("AUTH_MODE=password: only a note's author or an admin changes it", () => {
  const h = harnessAround(() => startSeededHarness([{ prompt: "shared take" }], PASSWORD_SETTINGS));
  const send = (cookie: string, method: string, path: string, body?: unknown) => call(h.url, path, { method, body, headers: { cookie } });

  it("refuses another person's edit and delete with 403 naming the author; the author and an admin may", async () => {
    const [ana, bo, boss] = [await signIn(h.url, "Ana"), await signIn(h.url, "Bo"), await signIn(h.url, "boss")];
    const made = await send(ana, "POST", `/api/generations/${h.ids[0]}/notes`, { atSeconds: 1, text: "by Ana" });
    expect(made.body).toMatchObject({ author: "Ana" });
    for (const [method, body] of [["PATCH", { text: "by Bo now" }], ["DELETE", undefined]] as const) {
      const refused = await send(bo, method, `/api/notes/${made.body.id}`, body);
      expect([refused.status, errorOf(refused).code, errorOf(refused).message]).toEqual([403, "forbidden", "Only Ana (who wrote this note) or an admin can change or delete it."]);
    }
    expect((await send(bo, "GET", `/api/generations/${h.ids[0]}/notes`)).body).toMatchObject({ items: [{ text: "by Ana" }] });
    expect((await send(boss, "PATCH", `/api/notes/${made.body.id}`, { text: "tidied by Boss" })).body).toMatchObject({ text: "tidied by Boss", author: "Ana" });
    expect((await send(ana, "DELETE", `/api/notes/${made.body.id}`)).status).toBe(204);
    const second = await send(ana, "POST", `/api/generations/${h.ids[0]}/notes`, { atSeconds: 2, text: "Ana again" });
    expect((await send(boss, "DELETE", `/api/notes/${second.body.id}`)).status).toBe(204);
    expect((await send(ana, "GET", `/api/generations/${h.ids[0]}/notes`)).body).toEqual({ items: [] });
    const unsigned = await call(h.url, `/api/generations/${h.ids[0]}/notes`, { method: "POST", body: { atSeconds: 1, text: "anyone?" } });
    expect(unsigned.status).toBe(401);
  });
});
