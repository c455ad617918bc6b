import { join } from "node:path";
import { ERROR_CODES } from "../../shared/api-error";
import { openDatabase } from "../db/database";
import { createGenerationsStore, type NewGeneration } from "../store/generations-store";

export type TakeSeed = Partial<Omit<NewGeneration, "provider" | "deadlineAt" | "idempotencyKey">> & {
  /** `sending`: recorded, its create sent, no reply yet (submit_state "pending"), as a crash mid-create leaves it. */
  status?: "completed" | "failed" | "sending";
  favourite?: boolean;
};

/**
 * Writes takes straight into a studio's database (through the store) before the
 * studio starts: list tests need hundreds of varied rows, not hundreds of generations.
 * Returns the ids in insertion order (oldest first).
 */
export function seedTakes(dataDir: string, seeds: readonly TakeSeed[]): string[] {
  const db = openDatabase(join(dataDir, "dailies.sqlite"));
  const store = createGenerationsStore(db);
  try {
    return db.transaction(() =>
      seeds.map((seed, n) => {
        const row = store.create({
          model: seed.model ?? "gen4_turbo",
          prompt: seed.prompt ?? `take ${n}`,
          ratio: seed.ratio ?? "16:9",
          duration: seed.duration ?? 5,
          seed: seed.seed ?? n,
          image: seed.image ?? { url: "https://images.example.com/a.jpg" },
          lastImage: seed.lastImage ?? null,
          provider: "aimlapi",
          deadlineAt: Date.now() + 60_000,
          idempotencyKey: null,
          author: "studio",
        });
        if (seed.status === "sending") return row.id;
        store.markAccepted(row.id, `up-${n}`, "queued", null);
        // Settled otherwise: the studio's poller would chase anything unfinished at start.
        if (seed.status === "failed") store.markFailed(row.id, { code: ERROR_CODES.upstreamInternal, message: "The model failed on its side. Try again." });
        else store.markCompleted(row.id, { videoFile: `${row.id}.mp4`, bytes: 1000, width: 1280, height: 720, durationSeconds: 5, posterFile: `${row.id}.jpg` });
        if (seed.favourite) store.setFavourite(row.id, true);
        return row.id;
      }),
    )();
  } finally {
    db.close();
  }
}
