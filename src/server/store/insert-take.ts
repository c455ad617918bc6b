import type { ImageRef } from "../../shared/take";
import type { Sql } from "../db/sql";
import { foldForSearch } from "../db/fold-for-search";
import type { TakeRecord } from "../takes/take";
import { newId } from "./new-id";

/** What a new take starts from; the store adds the id, status and times. */
export type NewTake = Pick<TakeRecord, "model" | "prompt" | "ratio" | "duration" | "seed" | "lastImage" | "provider" | "deadlineAt" | "idempotencyKey" | "author"> &
  Partial<Pick<TakeRecord, "idempotencyFingerprint" | "sourceId" | "sourceKind" | "shotId">> & { image: ImageRef };

// The project is the shot's: a take can't name a shot of one project and sit in another.
const INSERT = `
    INSERT INTO generations (id, model, prompt, prompt_folded, ratio, duration, seed, image_url, image_upload_id,
      last_image_url, last_image_upload_id, status, provider, created_at, updated_at, deadline_at, idempotency_key, idempotency_fingerprint,
      source_id, source_kind, author, batch_id, shot_id, project_id, lease_owner, lease_until)
    VALUES (@id, @model, @prompt, @prompt_folded, @ratio, @duration, @seed, @image_url, @image_upload_id,
      @last_image_url, @last_image_upload_id, 'queued', @provider, @now, @now, @deadline_at, @idempotency_key, @idempotency_fingerprint,
      @source_id, @source_kind, @author, @batch_id, @shot_id, (SELECT project_id FROM shots WHERE id = @shot_id), @lease_owner, @lease_until)`;

/** A take's lease: the replica that records it sends and polls it (job-runner.ts). */
export type Lease = { owner: string; until: number };

/** Inserts one take through the caller's transaction and returns its id; the caller names the batch, if not the take's own. */
export async function insertTake(tx: Sql, input: NewTake, at: number, lease: Lease, batchId?: string): Promise<string> {
  const id = newId();
  await tx.run(INSERT, {
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
    now: at,
    deadline_at: input.deadlineAt,
    idempotency_key: input.idempotencyKey,
    idempotency_fingerprint: input.idempotencyFingerprint ?? null,
    source_id: input.sourceId ?? null,
    source_kind: input.sourceId ? (input.sourceKind ?? null) : null,
    author: input.author,
    batch_id: batchId ?? id,
    shot_id: input.shotId ?? null,
    lease_owner: lease.owner,
    lease_until: lease.until,
  });
  return id;
}
