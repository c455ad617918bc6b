import Database from "better-sqlite3";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FAMILY_LIMITS, familySchema, type Family } from "../../shared/family";
import { takeSchema } from "../../shared/take";
import { harnessAround } from "../testing/harness-around";
import { PASSWORD_SETTINGS, signIn } from "../testing/password-studio";
import type { TakeSeed } from "../testing/seed-takes";
import { startSeededHarness } from "../testing/seeded-studio";
import { checkedCalls, errorOf } from "../testing/checked-calls";
import { takeRequest, uploadedId, waitForTerminal } from "../testing/studio-harness";

const CHAIN = FAMILY_LIMITS.ancestors + 5;
const WIDE = FAMILY_LIMITS.members + 20;

/**
 * A long chain (each take re-run from the one before), a take with many variations, a take
 * whose source went before tombstones, a take on its own, and a source with one variation.
 */
async function startFamilies() {
  const chain: TakeSeed[] = Array.from({ length: CHAIN }, (_, n) => ({ prompt: `chain ${n}`, ...(n ? { sourceIndex: n - 1, sourceKind: "rerun" as const } : {}) }));
  const wide: TakeSeed[] = [{ prompt: "wide" }, ...Array.from({ length: WIDE }, (_, n) => ({ prompt: `variation ${n}`, sourceIndex: CHAIN, sourceKind: "variation" as const }))];
  const more = CHAIN + 1 + WIDE;
  const h = await startSeededHarness([
    ...chain,
    ...wide,
    { prompt: "orphan", sourceId: "gone-before-tombstones", sourceKind: "variation" },
    { prompt: "on its own" },
    { prompt: "a source" },
    { prompt: "its variation", sourceIndex: more + 2, sourceKind: "variation" },
  ]);
  const [orphan, alone, source, variation] = h.ids.slice(more) as [string, string, string, string];
  return { ...h, chain: h.ids.slice(0, CHAIN), wide: h.ids[CHAIN]!, children: h.ids.slice(CHAIN + 1, more), orphan, alone, source, variation };
}

const h = harnessAround(startFamilies);
const call = checkedCalls();
const send = (method: string, path: string, body?: unknown) => call(h.url, path, { method, body });
const familyOf = async (id: string) => familySchema.parse((await send("GET", `/api/generations/${id}/family`)).body);
/** The ids the studio keeps tombstones for, read from its database. */
function tombstoneIds(): string[] {
  const db = new Database(join(h.dataDir, "dailies.sqlite"), { readonly: true });
  try {
    return db.prepare<[], { id: string }>("SELECT id FROM deleted_takes").all().map((row) => row.id);
  } finally {
    db.close();
  }
}
/** `id<parent:how` per member, in the order given, with deleted members marked †. */
const shape = (family: Family) => family.members.map((m) => `${m.id}${m.take ? "" : "†"}<${m.parentId ?? "-"}:${m.how ?? "-"}`);

describe("a take's family", () => {
  it("records how each take came from its source, and keeps a deleted member as a tombstone, not a broken link", async () => {
    const uploadId = await uploadedId(h.url);
    const make = async (path: string, body: unknown) => takeSchema.parse((await send("POST", path, body)).body).id;
    const a = await make("/api/generations", takeRequest(uploadId, { prompt: "the first take", seed: 7 }));
    const b = await make(`/api/generations/${a}/rerun`, { seed: "same" });
    const c = await make(`/api/generations/${b}/rerun`, { seed: "new" });
    await waitForTerminal(h.url, a);
    const frame = await send("POST", "/api/uploads/from-video", { generationId: a });
    const e = await make("/api/generations", takeRequest(frame.body.id, { prompt: "carry on" }));
    for (const id of [b, c, e]) await waitForTerminal(h.url, id);

    expect((await send("DELETE", `/api/generations/${b}`)).status).toBe(204);
    const ofC = await familyOf(c);
    expect(ofC).toMatchObject({ takeId: c, rootId: a, truncated: false });
    expect(shape(ofC)).toEqual([`${a}<-:-`, `${b}†<${a}:rerun`, `${c}<${b}:variation`]);
    expect(ofC.members[1]).toMatchObject({ take: null, deleted: { by: "studio", prompt: "the first take", at: expect.stringMatching(/^\d{4}-/) } });
    expect(ofC.members[2]!.take).toMatchObject({ id: c, sourceId: b });

    const ofA = await familyOf(a);
    expect(shape(ofA)).toEqual([`${a}<-:-`, `${b}†<${a}:rerun`, `${e}<${a}:last_frame`, `${c}<${b}:variation`]);

    // A deleted take is not continued: its last frame stays in the library as a plain image.
    expect((await send("DELETE", `/api/generations/${a}`)).status).toBe(204);
    const after = takeSchema.parse((await send("POST", "/api/generations", takeRequest(frame.body.id, { prompt: "after it went" }))).body);
    expect(after.sourceId).toBeNull();
    await waitForTerminal(h.url, after.id);
  }, 90_000);

  it("keeps a tombstone only for a take in a family; a take on its own goes outright, prompt and all", async () => {
    for (const id of [h.alone, h.variation]) expect((await send("DELETE", `/api/generations/${id}`)).status).toBe(204);
    const kept = tombstoneIds();
    expect([kept.includes(h.alone), kept.includes(h.variation)]).toEqual([false, true]);
    expect(shape(await familyOf(h.source))).toEqual([`${h.source}<-:-`, `${h.variation}†<${h.source}:variation`]);
    for (const id of [h.alone, h.variation]) {
      const gone = await send("GET", `/api/generations/${id}/family`);
      expect([gone.status, errorOf(gone).message]).toEqual([404, `There is no generation with id "${id}".`]);
    }
  });

  it("walks at most FAMILY_LIMITS.ancestors up and FAMILY_LIMITS.depth levels down, and says when it left some out", async () => {
    const last = await familyOf(h.chain.at(-1)!);
    expect(last.members).toHaveLength(FAMILY_LIMITS.ancestors + 1);
    expect(last).toMatchObject({ truncated: true, rootId: h.chain[CHAIN - 1 - FAMILY_LIMITS.ancestors] });
    expect(last.members[0]).toMatchObject({ parentId: null, how: "rerun" });
    const first = await familyOf(h.chain[0]!);
    expect(first.members.map((m) => m.id)).toEqual(h.chain.slice(0, FAMILY_LIMITS.depth + 1));
    expect(first.truncated).toBe(true);
    const middle = await familyOf(h.chain[10]!);
    expect(middle.members.map((m) => m.id)).toEqual(h.chain.slice(0, 10 + FAMILY_LIMITS.depth + 1));
  });

  it("holds at most FAMILY_LIMITS.members members, oldest children first", async () => {
    const wide = await familyOf(h.wide);
    expect(wide.members.map((m) => m.id)).toEqual([h.wide, ...h.children.slice(0, FAMILY_LIMITS.members - 1)]);
    expect(wide.truncated).toBe(true);
    const child = await familyOf(h.children[3]!);
    expect(shape(child)).toEqual([`${h.wide}<-:-`, `${h.children[3]}<${h.wide}:variation`]);
    expect(child.truncated).toBe(false);
  });

  it("shows a source deleted before tombstones were kept as a member that says so", async () => {
    const family = await familyOf(h.orphan);
    expect(family.members[0]).toEqual({ id: "gone-before-tombstones", parentId: null, how: null, take: null, deleted: { at: null, by: null, prompt: null } });
    expect(shape(family)[1]).toBe(`${h.orphan}<gone-before-tombstones:variation`);
  });

  it("answers 404 with a message for an unknown take", async () => {
    const answer = await send("GET", "/api/generations/nope/family");
    expect([answer.status, errorOf(answer).message]).toEqual([404, 'There is no generation with id "nope".']);
  });
});

describe("AUTH_MODE=password: a tombstone says who deleted the take", () => {
  const p = harnessAround(() =>
    startSeededHarness([{ prompt: "Ana's source", author: "Ana" }, { prompt: "Ana's variation", author: "Ana", sourceIndex: 0, sourceKind: "variation" }], PASSWORD_SETTINGS),
  );

  it("names the admin who deleted Ana's take, at a time after it was made", async () => {
    const cookie = await signIn(p.url, "Boss");
    const as = (method: string, path: string) => call(p.url, path, { method, headers: { cookie } });
    const take = takeSchema.parse((await as("GET", `/api/generations/${p.ids[1]}`)).body);
    expect((await as("DELETE", `/api/generations/${p.ids[1]}`)).status).toBe(204);
    const member = familySchema.parse((await as("GET", `/api/generations/${p.ids[0]}/family`)).body).members[1]!;
    expect(member).toMatchObject({ id: p.ids[1], take: null, deleted: { by: "Boss", prompt: "Ana's variation" } });
    expect(Date.parse(member.deleted!.at!)).toBeGreaterThan(Date.parse(take.createdAt));
  });
});
