import { ERROR_CODES } from "../../shared/api-error";
import { openStudioSql } from "./test-sql";
import { createTakesStore, type NewTake } from "../store/takes-store";

export type TakeSeed = Partial<Omit<NewTake, "provider">> & {
  /**
   * `sending`: recorded, its create sent, no reply yet (submit_state "pending"), as a crash
   * mid-create leaves it; `running`: accepted upstream as `up-<index>`, not finished.
   */
  status?: "completed" | "failed" | "sending" | "running";
  favourite?: boolean;
  /** When it was recorded (and accepted); default now. The deadline defaults to a minute after. */
  createdAt?: number;
  /** The provider's status once accepted; default "queued". */
  upstreamStatus?: string;
  /** The source is the seed at this index of the same list (seeded earlier), instead of a `sourceId`. */
  sourceIndex?: number;
  /** The archived video's probed length; the length asked for (`duration`) unless given. */
  durationSeconds?: number;
};

function sourceOf(seed: TakeSeed, ids: readonly string[]): Pick<NewTake, "sourceId" | "sourceKind"> {
  const sourceId = seed.sourceIndex === undefined ? seed.sourceId : ids[seed.sourceIndex];
  if (seed.sourceIndex !== undefined && !sourceId) throw new Error(`seed source ${seed.sourceIndex} is not an earlier seed`);
  return sourceId ? { sourceId, sourceKind: seed.sourceKind ?? null } : {};
}

/**
 * Writes takes straight into a studio's database (through the store) before the
 * studio starts: list tests need hundreds of varied rows, not hundreds of generations.
 * Returns the ids in insertion order (oldest first).
 */
export async function seedTakes(dataDir: string, seeds: readonly TakeSeed[], where: "studio" | "sqlite" = "studio"): Promise<string[]> {
  const sql = await openStudioSql(dataDir, where);
  let clock = Date.now();
  const ids: string[] = [];
  // One transaction for the lot: hundreds of separate commits would make list tests slow.
  try {
    await sql.transaction(async (tx) => {
      // Leases already lapsed: the studio started next claims whatever is left running.
      const store = createTakesStore(tx, () => clock, undefined, { owner: "seed", ms: -1 });
      for (const [n, seed] of seeds.entries()) {
        clock = seed.createdAt ?? Date.now();
        const [take] = await store.createTakes([
          {
            model: seed.model ?? "gen4_turbo",
            prompt: seed.prompt ?? `take ${n}`,
            ratio: seed.ratio ?? "16:9",
            duration: seed.duration ?? 5,
            seed: seed.seed ?? n,
            image: seed.image ?? { url: "https://images.example.com/a.jpg" },
            lastImage: seed.lastImage ?? null,
            provider: "aimlapi",
            deadlineAt: seed.deadlineAt ?? clock + 60_000,
            idempotencyKey: seed.idempotencyKey ?? null,
            idempotencyFingerprint: seed.idempotencyFingerprint ?? null,
            author: seed.author ?? "studio",
            ...sourceOf(seed, ids),
          },
        ]);
        const id = take!.id;
        ids.push(id);
        if (seed.status === "sending") continue;
        await store.markAccepted(id, `up-${n}`, seed.upstreamStatus ?? "queued", null);
        if (seed.status === "running") continue;
        // Settled otherwise: the studio's poller would chase anything unfinished at start.
        if (seed.status === "failed") await store.markFailed(id, { code: ERROR_CODES.upstreamInternal, message: "The model failed on its side. Try again." });
        else await store.markCompleted(id, { videoFile: `${id}.mp4`, bytes: 1000, width: 1280, height: 720, durationSeconds: seed.durationSeconds ?? seed.duration ?? 5, posterFile: `${id}.jpg` });
        if (seed.favourite) await store.setMarks(id, { favourite: true });
      }
    });
    return ids;
  } finally {
    await sql.close();
  }
}
