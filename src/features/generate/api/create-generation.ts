import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { generationSchema } from "@/shared/generation";
import type { CreateGenerationRequest, Generation } from "@/shared/generation";
import { generateKeys } from "./keys";

export function createGeneration(body: CreateGenerationRequest) {
  return apiFetch("/api/generations", { schema: generationSchema, method: "POST", body });
}

/** The route passes `onCreated` so the gallery can refresh without this feature knowing it. */
export function useCreateGeneration({ onCreated }: { onCreated?: (generation: Generation) => void } = {}) {
  return useMutation({
    mutationKey: generateKeys.create(),
    mutationFn: createGeneration,
    // Not awaited: the button frees up at once while the gallery refreshes on its own.
    onSuccess: (generation) => {
      onCreated?.(generation);
    },
  });
}
