import { expect, it } from "vitest";
import { openTestSql } from "../testing/test-sql";
import { wireTake } from "../takes/wire-take";
import { openStores } from "./stores";

const video = { videoFile: "v.mp4", bytes: 1, width: 1280, height: 720, durationSeconds: 5, posterFile: "p.jpg" };
const newTake = { model: "gen4_turbo" as const, prompt: "p", ratio: "16:9", duration: 5, seed: 1, image: { url: "https://images.example.com/a.jpg" }, lastImage: null, provider: "aimlapi" as const, deadlineAt: Date.now() + 60_000, idempotencyKey: null, author: "Ana" };

it("keeps the catalogue's price as an estimate for a completed take whose charge was never reported, and never over a reported one", async () => {
  const db = await openTestSql();
  const { store } = openStores(db);
  const [unreported, reported, unpriced] = await store.createTakes([newTake, newTake, newTake]);
  // The create's headers said 0 (charges post after completion), and nothing came after.
  await store.markAccepted(unreported!.id, "u1", "queued", null, { inferenceId: "u1", credits: 0, usd: 0 });
  expect(wireTake(await store.markCompleted(unreported!.id, video, 0.25)).charge).toEqual({ state: "charged", usd: 0.25, credits: 0, estimated: true });

  await store.markAccepted(reported!.id, "u2", "queued", null, { inferenceId: "u2", credits: 250_000, usd: 0.125 });
  expect(wireTake(await store.markCompleted(reported!.id, video, 0.25)).charge).toEqual({ state: "charged", usd: 0.125, credits: 250_000, estimated: false });

  expect(wireTake(await store.markCompleted(unpriced!.id, video, null)).charge).toEqual({ state: "charged", usd: null, credits: null, estimated: false });
  // The estimate counts in what the month has spent, as the ledger reads it; the take with no
  // price at all counts what its kind typically cost (the mean of $0.25 and $0.125).
  expect(await store.committedUsd(0, "Ana")).toEqual({ userUsd: 0.25 + 0.125 + 0.1875, studioUsd: 0.25 + 0.125 + 0.1875 });
  await db.close();
});
