import { expect, it } from "vitest";
import { ERROR_CODES } from "../../shared/api-error";
import { openTestSql } from "../testing/test-sql";
import { createChangeCounter } from "./change-counter";
import { LeaseLostError } from "./leases";
import { createTakesStore } from "./takes-store";

const newTake = { model: "gen4_turbo" as const, prompt: "p", ratio: "16:9", duration: 5, seed: 1, image: { url: "https://images.example.com/a.jpg" }, lastImage: null, provider: "aimlapi" as const, deadlineAt: Date.now() + 60_000, idempotencyKey: null, author: "Ana" };

it("lets a replica that lost a take's lease neither send it nor write over what the replica holding it now did", async () => {
  const sql = await openTestSql();
  // Replica A records a take and stalls past its lease (here: a lease that lapses at once).
  const a = createTakesStore(sql, Date.now, createChangeCounter(), { owner: "replica-a", ms: -1 });
  const b = createTakesStore(sql, Date.now, createChangeCounter(), { owner: "replica-b", ms: 30_000 });
  const [take] = await a.createTakes([newTake]);
  // B takes it over (on SQLite there is one process, so only a start claims) and fails it as interrupted.
  const claimed = await b.claimUnfinished(sql.engine === "sqlite" ? "restart" : "lapsed");
  expect(claimed.map((t) => t.id)).toEqual([take!.id]);
  await b.markFailed(take!.id, { code: ERROR_CODES.submitInterrupted, message: "interrupted" });

  // A wakes: it may not send the create, and an answer it got meanwhile changes nothing.
  expect(await a.claimSend(take!.id)).toBe(false);
  await expect(a.markAccepted(take!.id, "up-1", "queued", null)).rejects.toBeInstanceOf(LeaseLostError);
  await expect(a.update(take!.id, { pollCount: 1 })).rejects.toBeInstanceOf(LeaseLostError);
  expect(await a.get(take!.id)).toMatchObject({ status: "failed", submitState: "pending", upstreamId: null, error: { code: "submit_interrupted" } });
  // Marks (a favourite, a review) are anyone's, settled or not.
  expect(await a.setMarks(take!.id, { favourite: true })).toMatchObject({ outcome: "updated", take: { favourite: true } });
  await sql.close();
});

it("lets the replica holding a take send it once, and settle it once", async () => {
  const sql = await openTestSql();
  const a = createTakesStore(sql, Date.now, createChangeCounter(), { owner: "replica-a", ms: 30_000 });
  const [take] = await a.createTakes([newTake]);
  expect(await a.claimSend(take!.id)).toBe(true);
  await a.markAccepted(take!.id, "up-1", "queued", null);
  expect(await a.claimSend(take!.id)).toBe(false);
  await a.markFailed(take!.id, { code: ERROR_CODES.upstreamInternal, message: "failed" });
  await expect(a.markFailed(take!.id, { code: ERROR_CODES.upstreamInternal, message: "again" })).rejects.toBeInstanceOf(LeaseLostError);
  await sql.close();
});
