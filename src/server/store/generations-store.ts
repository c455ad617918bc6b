import { randomBytes } from "node:crypto";
import type { Db } from "../db/database";
import { foldForSearch } from "../db/fold-for-search";
import type { GenerationRow } from "./generation-row";
import { createGenerationLister } from "./list-generations";
import type { ModelId } from "../../shared/models";
import type { Provider } from "../../shared/api";
import type { ErrorCode } from "../../shared/api-error";

export type NewGeneration = {
  model: ModelId;
  prompt: string;
  ratio: string;
  duration: number;
  seed: number;
  image: { url: string } | { uploadId: string };
  lastImage: { url: string } | { uploadId: string } | null;
  provider: Provider;
  deadlineAt: number;
  idempotencyKey: string | null;
  /** Who sent which request under that key; a replay must match it. */
  idempotencyFingerprint?: string | null;
  sourceId?: string | null;
  author: string;
};

export type Failure = { code: ErrorCode; message: string; detail?: string | null };

export type ArchivedFacts = {
  videoFile: string;
  bytes: number;
  width: number;
  height: number;
  durationSeconds: number;
  posterFile: string;
};

export type DeleteOutcome = { outcome: "missing" } | { outcome: "running"; row: GenerationRow } | { outcome: "deleted"; row: GenerationRow };

const newId = () => randomBytes(9).toString("base64url");

export type GenerationsStore = ReturnType<typeof createGenerationsStore>;

export function createGenerationsStore(db: Db, now: () => number = Date.now) {
  const byId = db.prepare<[string], GenerationRow>("SELECT * FROM generations WHERE id = ?");
  const insert = db.prepare(`
    INSERT INTO generations (id, model, prompt, prompt_folded, ratio, duration, seed, image_url, image_upload_id,
      last_image_url, last_image_upload_id, status, provider, created_at, updated_at, deadline_at, idempotency_key, idempotency_fingerprint, source_id, author)
    VALUES (@id, @model, @prompt, @prompt_folded, @ratio, @duration, @seed, @image_url, @image_upload_id,
      @last_image_url, @last_image_upload_id, 'queued', @provider, @now, @now, @deadline_at, @idempotency_key, @idempotency_fingerprint, @source_id, @author)`);
  const running = db.prepare<[], { studio: number }>(
    "SELECT count(*) AS studio FROM generations WHERE status IN ('queued', 'generating', 'finishing')",
  );
  const runningBy = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM generations WHERE author = ? AND status IN ('queued', 'generating', 'finishing')",
  );
  const durations = db.prepare<[string, number], { ms: number }>(
    `SELECT finished_at - submitted_at AS ms FROM generations
     WHERE model = ? AND duration = ? AND finished_at IS NOT NULL AND submitted_at IS NOT NULL AND status IN ('finishing', 'completed')
     ORDER BY seq DESC LIMIT 20`,
  );
  const createdSince = db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM generations WHERE created_at >= ?");
  const createdSinceBy = db.prepare<[number, string], { n: number }>(
    "SELECT count(*) AS n FROM generations WHERE created_at >= ? AND author = ?",
  );
  const byKey = db.prepare<[string], GenerationRow>("SELECT * FROM generations WHERE idempotency_key = ?");
  const unfinished = db.prepare<[], GenerationRow>(
    "SELECT * FROM generations WHERE status IN ('queued', 'generating', 'finishing') ORDER BY seq",
  );
  const remove = db.prepare<[string]>("DELETE FROM generations WHERE id = ?");
  const list = createGenerationLister(db);

  function get(id: string): GenerationRow | undefined {
    return byId.get(id);
  }

  // Bumped on every write: lets readers cache what they built from the table (see the list route).
  let version = 0;

  function update(id: string, fields: Partial<Omit<GenerationRow, "seq" | "id">>): GenerationRow {
    version++;
    const entries = Object.entries({ ...fields, updated_at: now() });
    const sets = entries.map(([key]) => `${key} = @${key}`).join(", ");
    db.prepare(`UPDATE generations SET ${sets} WHERE id = @id`).run({ ...Object.fromEntries(entries), id });
    const row = get(id);
    if (!row) throw new Error(`generation ${id} vanished during an update`);
    return row;
  }

  function insertOne(input: NewGeneration): string {
    const id = newId();
    insert.run({
      id,
      model: input.model,
      prompt: input.prompt,
      prompt_folded: foldForSearch(input.prompt),
      ratio: input.ratio,
      duration: input.duration,
      seed: input.seed,
      image_url: "url" in input.image ? input.image.url : null,
      image_upload_id: "uploadId" in input.image ? input.image.uploadId : null,
      last_image_url: input.lastImage && "url" in input.lastImage ? input.lastImage.url : null,
      last_image_upload_id: input.lastImage && "uploadId" in input.lastImage ? input.lastImage.uploadId : null,
      provider: input.provider,
      now: now(),
      deadline_at: input.deadlineAt,
      idempotency_key: input.idempotencyKey,
      idempotency_fingerprint: input.idempotencyFingerprint ?? null,
      source_id: input.sourceId ?? null,
      author: input.author,
    });
    version++;
    return id;
  }

  const insertAll = db.transaction((inputs: readonly NewGeneration[]) => inputs.map(insertOne));

  return {
    get,
    update,
    version: () => version,
    list,
    findByIdempotencyKey: (key: string) => byKey.get(key),

    /** Recorded before the upstream is called, so a crash can never lose a paid create. */
    create(input: NewGeneration): GenerationRow {
      return get(insertOne(input))!;
    },

    /** Several takes in one transaction: a batch is recorded whole or not at all. */
    createMany(inputs: readonly NewGeneration[]): GenerationRow[] {
      return insertAll(inputs).map((id) => get(id)!);
    },

    markAccepted(id: string, upstreamId: string, upstreamStatus: string, tokensUsed: number | null): GenerationRow {
      return update(id, {
        submit_state: "accepted",
        upstream_id: upstreamId,
        upstream_status: upstreamStatus,
        submitted_at: now(),
        ...(tokensUsed === null ? {} : { tokens_used: tokensUsed }),
      });
    },

    markFailed(id: string, failure: Failure): GenerationRow {
      return update(id, {
        status: "failed",
        error_code: failure.code,
        error_message: failure.message,
        error_detail: failure.detail ?? null,
        completed_at: now(),
      });
    },

    markCompleted(id: string, video: ArchivedFacts): GenerationRow {
      return update(id, {
        status: "completed",
        video_file: video.videoFile,
        video_bytes: video.bytes,
        video_width: video.width,
        video_height: video.height,
        video_duration: video.durationSeconds,
        poster_file: video.posterFile,
        completed_at: now(),
      });
    },

    setFavourite(id: string, favourite: boolean): GenerationRow | undefined {
      return get(id) && update(id, { favourite: favourite ? 1 : 0 });
    },

    /** Deletes a settled take; the check and the delete share one transaction. */
    deleteSettled: db.transaction((id: string): DeleteOutcome => {
      const row = get(id);
      if (!row) return { outcome: "missing" };
      if (row.status !== "completed" && row.status !== "failed") return { outcome: "running", row };
      remove.run(id);
      version++;
      return { outcome: "deleted", row };
    }),

    /** What the spend limits count: running takes and takes made since `since`. */
    spendCounts(author: string, since: number) {
      return {
        runningUser: runningBy.get(author)!.n,
        runningStudio: running.get()!.studio,
        todayUser: createdSinceBy.get(since, author)!.n,
        todayStudio: createdSince.get(since)!.n,
      };
    },

    /** How long the upstream took on the last takes of this kind (accepted to done). */
    recentDurations: (model: string, duration: number) => durations.all(model, duration).map((r) => r.ms),

    listUnfinished(): GenerationRow[] {
      return unfinished.all();
    },
  };
}
