import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../shared/api-error";
import { takeListSchema } from "../../shared/take";
import { seedTakes, type TakeSeed } from "../testing/seed-takes";
import { startHarness, type Harness } from "../testing/studio-harness";

const PROMPTS = [
  "A slow push-in on a harbour",
  "Harbour lights at dusk",
  "100% real footage",
  "100 percent staged",
  "snake_case title",
  "snakeXcase title",
  "Café Éclair in the rain",
  "CAFÉ ÉCLAIR close-up",
  "a back\\slash in the prompt",
  "plain",
];

// 40 takes covering every filter value, so each filter alone and combined has a known answer.
const SEEDS: (TakeSeed & { prompt: string })[] = Array.from({ length: 40 }, (_, i) => {
  const gen3 = i % 2 === 1;
  return {
    model: gen3 ? "gen3a_turbo" : "gen4_turbo",
    ratio: gen3 ? (i % 4 < 2 ? "16:9" : "9:16") : ["16:9", "1:1", "21:9"][i % 3]!,
    duration: i % 3 === 0 ? 10 : 5,
    status: i % 5 === 0 ? "failed" : "completed",
    favourite: i % 7 === 0,
    prompt: PROMPTS[i % PROMPTS.length]!,
  };
});

let h: Harness;
let dataDir: string;
let ids: string[];
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "dailies-list-"));
  ids = await seedTakes(dataDir, SEEDS);
  h = await startHarness({}, dataDir);
});
afterAll(async () => {
  await h.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

type Query = Record<string, string>;

/** What the filters mean, written independently of the SQL: newest first. */
function expected(query: Query): string[] {
  const q = query.q?.trim().toLowerCase();
  return SEEDS.map((s, i) => ({ s, id: ids[i]! }))
    .filter(({ s }) => query.status === undefined || s.status === query.status)
    .filter(({ s }) => query.model === undefined || s.model === query.model)
    .filter(({ s }) => query.ratio === undefined || s.ratio === query.ratio)
    .filter(({ s }) => query.duration === undefined || s.duration === Number(query.duration))
    .filter(({ s }) => query.favourite === undefined || Boolean(s.favourite) === (query.favourite === "true"))
    .filter(({ s }) => !q || s.prompt.toLowerCase().includes(q))
    .map(({ id }) => id)
    .reverse();
}

async function list(query: Query) {
  const response = await fetch(`${h.url}/api/generations?${new URLSearchParams(query)}`);
  expect(response.status).toBe(200);
  return takeListSchema.parse(await response.json());
}

describe("GET /api/generations filters", () => {
  const cases: Query[] = [
    { status: "failed" },
    { status: "completed" },
    { model: "gen3a_turbo" },
    { ratio: "21:9" },
    { duration: "10" },
    { favourite: "true" },
    { favourite: "false" },
    { q: "HARBOUR" },
    { q: "100%" },
    { q: "_" },
    { q: "e_c" },
    { q: "éclair" },
    { q: "\\" },
    { q: "   " },
    { model: "gen4_turbo", status: "completed", duration: "5" },
    { model: "gen3a_turbo", ratio: "9:16", q: "harbour" },
    { favourite: "true", status: "completed", model: "gen4_turbo" },
    { status: "failed", ratio: "16:9", duration: "10", favourite: "false", q: "a" },
  ];

  it.each(cases)("%o", async (query) => {
    const want = expected(query);
    const page = await list({ ...query, limit: "100" });
    expect(page.items.map((g) => g.id)).toEqual(want);
    expect(page.nextCursor).toBeNull();
  });

  it("treats % and _ literally and folds case beyond ASCII", async () => {
    expect((await list({ q: "100%" })).items.map((g) => g.prompt)).toEqual(["100% real footage", "100% real footage", "100% real footage", "100% real footage"]);
    expect(new Set((await list({ q: "e_c" })).items.map((g) => g.prompt))).toEqual(new Set(["snake_case title"]));
    expect(new Set((await list({ q: "ÉCLAIR" })).items.map((g) => g.prompt))).toEqual(new Set(["Café Éclair in the rain", "CAFÉ ÉCLAIR close-up"]));
  });

  it("pages a filtered list by cursor without gaps or repeats", async () => {
    const query = { model: "gen4_turbo", status: "completed" };
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list({ ...query, limit: "3", ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((g) => g.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected(query));
    expect(seen.length).toBeGreaterThan(6);
  });

  it.each([
    ["status", { status: "done" }, /status must be one of/],
    ["model", { model: "gen5_mega" }, /model must be one of/],
    ["duration", { duration: "7" }, /duration must be 5 or 10/],
    ["duration", { duration: "ten" }, /duration must be 5 or 10/],
    ["favourite", { favourite: "yes" }, /favourite must be "true" or "false"/],
    ["limit", { limit: "0" }, /limit must be a whole number/],
    ["limit", { limit: "101" }, /limit must be a whole number/],
    ["q", { q: "x".repeat(201) }, /at most 200/],
    ["ratio", { ratio: "16:9:16:9:16" }, /such as 16:9/],
    ["cursor", { cursor: "abc" }, /nextCursor/],
  ] as const)("400s a bad %s with a field message", async (field, query, message) => {
    const response = await fetch(`${h.url}/api/generations?${new URLSearchParams(query)}`);
    expect(response.status).toBe(400);
    const body = apiErrorSchema.parse(await response.json());
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields?.[field]).toMatch(message);
  });
});
