import { expect, it } from "vitest";
import { ERROR_CODES } from "../../shared/api-error";
import { openTestSql } from "../testing/test-sql";
import { openStores } from "./stores";

it("refuses a note on a take deleted since the route found it, with undefined rather than a foreign-key error", async () => {
  const db = await openTestSql();
  const { store, notes } = openStores(db);
  const [take] = await store.createTakes([
    { model: "gen4_turbo", prompt: "gone soon", ratio: "16:9", duration: 5, seed: 1, image: { url: "https://images.example.com/a.jpg" }, lastImage: null, provider: "aimlapi", deadlineAt: Date.now() + 60_000, idempotencyKey: null, author: "Ana" },
  ]);
  await store.markFailed(take!.id, { code: ERROR_CODES.upstreamInternal, message: "failed" });
  // The route checked the take a moment ago; it is deleted before the note is written.
  expect(await store.deleteSettled(take!.id, "Ana")).toMatchObject({ outcome: "deleted" });
  expect(await notes.create({ takeId: take!.id, atSeconds: 1, x: null, y: null, text: "too late", author: "Ana" })).toBeUndefined();
  expect(await db.get("SELECT COUNT(*) AS n FROM notes")).toEqual({ n: 0 });
  await db.close();
});
