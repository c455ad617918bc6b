import { describe, expect, it } from "vitest";
import { FAMILY_LIMITS, familySchema, type Family } from "../../shared/family";
import { takeSchema } from "../../shared/take";
import { harnessAround } from "../testing/harness-around";
import type { TakeSeed } from "../testing/seed-takes";
import { startSeededHarness } from "../testing/seeded-studio";
import { checkedCalls, errorOf } from "../testing/checked-calls";
import { takeRequest, uploadedId, waitForTerminal } from "../testing/studio-harness";

const CHAIN = FAMILY_LIMITS.ancestors + 5;
const WIDE = FAMILY_LIMITS.members + 20;

/** A long chain (each take re-run from the one before), a take with many variations, and a take whose source went before tombstones. */
async function startFamilies() {
  const chain: TakeSeed[] = Array.from({ length: CHAIN }, (_, n) => ({ prompt: `chain ${n}`, ...(n ? { sourceIndex: n - 1, sourceKind: "rerun" as const } : {}) }));
  const wide: TakeSeed[] = [{ prompt: "wide" }, ...Array.from({ length: WIDE }, (_, n) => ({ prompt: `variation ${n}`, sourceIndex: CHAIN, sourceKind: "variation" as const }))];
  const h = await startSeededHarness([...chain, ...wide, { prompt: "orphan", sourceId: "gone-before-tombstones", sourceKind: "variation" }]);
  return { ...h, chain: h.ids.slice(0, CHAIN), wide: h.ids[CHAIN]!, children: h.ids.slice(CHAIN + 1, -1), orphan: h.ids.at(-1)! };
}

const h = harnessAround(startFamilies);
const call = checkedCalls();
const send = (method: string, path: string, body?: unknown) => call(h.url, path, { method, body });
const familyOf = async (id: string) => familySchema.parse((await send("GET", `/api/generations/${id}/family`)).body);
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
  }, 90_000);

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
