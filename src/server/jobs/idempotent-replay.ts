import { createHash } from "node:crypto";
import { ERROR_CODES } from "../../shared/api-error";
import { MAX_VARIATIONS } from "../../shared/take";
import { HttpError } from "../http/http-error";
import type { TakesStore } from "../store/takes-store";
import type { TakeRecord } from "../takes/take";
import type { TakeRequest } from "./take-request";

/** Who asked for what: the author, the route and the validated body (stable key order). */
export function requestFingerprint(author: string, route: string, body: unknown): string {
  return createHash("sha256").update(JSON.stringify([author, route, body])).digest("base64url");
}

// Each take of a keyed request stores `batch:<key>:<n>` (a single create is a batch of one).
// The header's alphabet has no ':', so these never collide with the plain keys single
// creates stored before.
export const takeKey = (key: string, n: number) => `batch:${key}:${n}`;

/**
 * The takes an earlier request with this key made, on either create route, when this request
 * is a replay of it (empty when the key is new). The same key with another body, on another
 * route or from another person is refused: answering it with the first request's takes would
 * show someone a take they did not ask for, and making new ones could charge twice.
 */
export async function earlierTakes(store: TakesStore, request: TakeRequest): Promise<TakeRecord[]> {
  const key = request.idempotencyKey;
  // Stryker disable next-line ConditionalExpression: without a key both lookups below miss: stored keys have 8+ characters and no ':', so none is "null" or "batch:null:<n>"
  if (!key) return [];
  const single = await store.findByIdempotencyKey(key);
  const takes: TakeRecord[] = single ? [single] : [];
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a batch has at most MAX_VARIATIONS takes, and a key is either an older plain one or a batch's, so the loop ends at the first missing take anyway
  for (let n = 0; !single && n < MAX_VARIATIONS; n++) {
    const take = await store.findByIdempotencyKey(takeKey(key, n));
    if (!take) break;
    takes.push(take);
  }
  const first = takes[0];
  // Takes made before keys were bound have no fingerprint: they replay as they always did.
  if (!first?.idempotencyFingerprint || first.idempotencyFingerprint === request.fingerprint) return takes;
  throw new HttpError(
    ERROR_CODES.idempotencyKeyReused,
    "This Idempotency-Key was already used for a different request. Send a new key with each new submit.",
  );
}
