import { useRef } from "react";
import { useMutation } from "@tanstack/react-query";
import { ApiError, apiFetch } from "@/lib/api-client";
import { randomId } from "@/lib/random-id";
import { takeBatchSchema } from "@/shared/take";
import type { CreateBatchRequest, Take } from "@/shared/take";
import { generateKeys } from "./keys";

export function createTakes(body: CreateBatchRequest, idempotencyKey: string) {
  return apiFetch("/api/generations/batch", {
    schema: takeBatchSchema,
    method: "POST",
    body,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

/** Worth sending again under the same key: the server may or may not have acted on it. */
function outcomeUnknown(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/**
 * One submit is one attempt with a fresh Idempotency-Key. Sending the very same body again
 * after a network failure or 5xx reuses the key, so the server makes the takes at most once.
 * The route passes `onCreated` so the gallery can refresh without this feature knowing it.
 */
export function useCreateTakes({ onCreated }: { onCreated?: (takes: Take[]) => void } = {}) {
  const pending = useRef<{ body: string; key: string } | null>(null);
  return useMutation({
    mutationKey: generateKeys.create(),
    mutationFn: (body: CreateBatchRequest) => {
      const text = JSON.stringify(body);
      const key = pending.current?.body === text ? pending.current.key : randomId();
      pending.current = { body: text, key };
      return createTakes(body, key);
    },
    onSuccess: ({ items }) => {
      pending.current = null;
      // Not awaited: the button frees up at once while the gallery refreshes on its own.
      onCreated?.(items);
    },
    onError: (error) => {
      if (!outcomeUnknown(error)) pending.current = null;
    },
  });
}
