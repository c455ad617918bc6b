import { randomBytes } from "node:crypto";
import type { Db } from "../db/database";
import type { GenerationRow } from "./generation-row";
import type { ModelId } from "../../shared/models";
import type { Provider } from "../../shared/api";

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
};

export type Failure = { code: string; message: string; detail?: string | null };

const newId = () => randomBytes(9).toString("base64url");

export type GenerationsStore = ReturnType<typeof createGenerationsStore>;

export function createGenerationsStore(db: Db, now: () => number = Date.now) {
  const byId = db.prepare<[string], GenerationRow>("SELECT * FROM generations WHERE id = ?");
  const insert = db.prepare(`
    INSERT INTO generations (id, model, prompt, ratio, duration, seed, image_url, image_upload_id,
      last_image_url, last_image_upload_id, status, provider, created_at, updated_at, deadline_at, idempotency_key)
    VALUES (@id, @model, @prompt, @ratio, @duration, @seed, @image_url, @image_upload_id,
      @last_image_url, @last_image_upload_id, 'queued', @provider, @now, @now, @deadline_at, @idempotency_key)`);
  const byKey = db.prepare<[string], GenerationRow>("SELECT * FROM generations WHERE idempotency_key = ?");
  const pageFirst = db.prepare<[number], GenerationRow>("SELECT * FROM generations ORDER BY seq DESC LIMIT ?");
  const pageAfter = db.prepare<[number, number], GenerationRow>(
    "SELECT * FROM generations WHERE seq < ? ORDER BY seq DESC LIMIT ?",
  );
  const unfinished = db.prepare<[], GenerationRow>(
    "SELECT * FROM generations WHERE status IN ('queued', 'generating') ORDER BY seq",
  );

  function get(id: string): GenerationRow | undefined {
    return byId.get(id);
  }

  function update(id: string, fields: Partial<Omit<GenerationRow, "seq" | "id">>): GenerationRow {
    const entries = Object.entries({ ...fields, updated_at: now() });
    const sets = entries.map(([key]) => `${key} = @${key}`).join(", ");
    db.prepare(`UPDATE generations SET ${sets} WHERE id = @id`).run({ ...Object.fromEntries(entries), id });
    const row = get(id);
    if (!row) throw new Error(`generation ${id} vanished during an update`);
    return row;
  }

  return {
    get,
    update,
    findByIdempotencyKey: (key: string) => byKey.get(key),

    /** Recorded before the upstream is called, so a crash can never lose a paid create. */
    create(input: NewGeneration): GenerationRow {
      const id = newId();
      insert.run({
        id,
        model: input.model,
        prompt: input.prompt,
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
      });
      return get(id)!;
    },

    markAccepted(id: string, upstreamId: string, upstreamStatus: string, tokensUsed: number | null): GenerationRow {
      return update(id, {
        submit_state: "accepted",
        upstream_id: upstreamId,
        upstream_status: upstreamStatus,
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

    markCompleted(id: string, videoFile: string, videoBytes: number): GenerationRow {
      return update(id, { status: "completed", video_file: videoFile, video_bytes: videoBytes, completed_at: now() });
    },

    list(limit: number, cursor: number | null): { rows: GenerationRow[]; nextCursor: number | null } {
      const rows = cursor === null ? pageFirst.all(limit + 1) : pageAfter.all(cursor, limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return { rows: page, nextCursor: rows.length > limit && last ? last.seq : null };
    },

    listUnfinished(): GenerationRow[] {
      return unfinished.all();
    },
  };
}
