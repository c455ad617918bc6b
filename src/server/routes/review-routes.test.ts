import { describe, expect, it } from "vitest";
import { takeListSchema, takeSchema } from "../../shared/take";
import { harnessAround } from "../testing/harness-around";
import { PASSWORD_SETTINGS, signIn } from "../testing/password-studio";
import { checkedCalls, errorOf } from "../testing/checked-calls";
import { startSeededHarness } from "../testing/seeded-studio";

const call = checkedCalls();

describe("a take's review state", () => {
  // Each test its own takes, told apart in the list by their prompts' first word.
  const h = harnessAround(() =>
    startSeededHarness([{ prompt: "alpha first" }, { prompt: "alpha second" }, { prompt: "alpha third" }, { prompt: "beta", favourite: true }, { prompt: "gamma" }]),
  );
  const send = (method: string, path: string, body?: unknown) => call(h.url, path, { method, body });
  const takeOf = async (id: string) => takeSchema.parse((await send("GET", `/api/generations/${id}`)).body);
  const listed = async (query: string) => takeListSchema.parse((await send("GET", `/api/generations?${query}`)).body).items.map((t) => t.id);

  it("starts unreviewed; setting it records who and when, and the list and detail show it at once", async () => {
    const [first, second, third] = h.ids;
    expect((await takeOf(first!)).review).toEqual({ state: "unreviewed", by: null, at: null });
    expect(await listed("review=circled&q=alpha")).toEqual([]);
    const circled = takeSchema.parse((await send("PATCH", `/api/generations/${first}`, { review: "circled" })).body);
    expect(circled.review).toEqual({ state: "circled", by: "studio", at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect((await takeOf(first!)).review.state).toBe("circled");
    await send("PATCH", `/api/generations/${second}`, { review: "maybe" });
    expect(await listed("review=circled&q=alpha")).toEqual([first]);
    expect(await listed("review=maybe&q=alpha")).toEqual([second]);
    expect(await listed("review=unreviewed&q=alpha")).toEqual([third]);
    const cleared = takeSchema.parse((await send("PATCH", `/api/generations/${second}`, { review: "unreviewed" })).body);
    expect(cleared.review).toEqual({ state: "unreviewed", by: null, at: null });
  });

  it("leaves the favourite alone, and sets both when both are sent", async () => {
    const beta = h.ids[3]!;
    const rejected = takeSchema.parse((await send("PATCH", `/api/generations/${beta}`, { review: "rejected" })).body);
    expect([rejected.review.state, rejected.favourite]).toEqual(["rejected", true]);
    const both = takeSchema.parse((await send("PATCH", `/api/generations/${beta}`, { review: "maybe", favourite: false })).body);
    expect([both.review.state, both.favourite]).toEqual(["maybe", false]);
    expect(takeSchema.parse((await send("PATCH", `/api/generations/${beta}`, { favourite: true })).body).review.state).toBe("maybe");
  });

  it("refuses a state not in the list, an empty change and an unknown take, changing nothing", async () => {
    const gamma = h.ids[4]!;
    const before = await takeOf(gamma);
    const cases: [unknown, string, RegExp][] = [
      [{ review: "loved" }, "review", /review must be one of unreviewed, circled, maybe, rejected/],
      [{ review: "Circled" }, "review", /one of unreviewed/],
      [{ review: null }, "review", /one of unreviewed/],
      [{}, "body", /Send favourite, review or shotId/],
      [{ review: "maybe", rating: 5 }, "rating", /not a field/],
    ];
    for (const [body, field, message] of cases) {
      const refused = await send("PATCH", `/api/generations/${gamma}`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(errorOf(refused).fields?.[field]).toMatch(message);
    }
    expect(await takeOf(gamma)).toEqual(before);
    const unknown = await send("PATCH", "/api/generations/nope", { review: "circled" });
    expect([unknown.status, errorOf(unknown).message]).toEqual([404, 'There is no generation with id "nope".']);
    const badFilter = await send("GET", "/api/generations?review=loved");
    expect([badFilter.status, errorOf(badFilter).fields?.review]).toEqual([400, expect.stringMatching(/one of unreviewed/)]);
  });
});

describe("AUTH_MODE=password: anyone signed in reviews any take", () => {
  const h = harnessAround(() => startSeededHarness([{ prompt: "Ana's take", author: "Ana" }], PASSWORD_SETTINGS));

  it("records the reviewer, who need not be the author or an admin", async () => {
    const bo = await signIn(h.url, "Bo");
    const reviewed = await call(h.url, `/api/generations/${h.ids[0]}`, { method: "PATCH", body: { review: "circled" }, headers: { cookie: bo } });
    expect(takeSchema.parse(reviewed.body)).toMatchObject({ author: "Ana", review: { state: "circled", by: "Bo" } });
    expect((await call(h.url, `/api/generations/${h.ids[0]}`, { method: "PATCH", body: { review: "rejected" } })).status).toBe(401);
  });
});
