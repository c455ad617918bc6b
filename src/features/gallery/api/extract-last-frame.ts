import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { uploadSchema } from "@/shared/api";
import type { Upload } from "@/shared/api";
import { takeKeys } from "./keys";

/** The final frame of a completed take, stored as a new upload. */
export function extractLastFrame(takeId: string) {
  return apiFetch("/api/uploads/from-video", { schema: uploadSchema, method: "POST", body: { generationId: takeId } });
}

export function useExtractLastFrame({ onExtracted }: { onExtracted?: (upload: Upload) => void } = {}) {
  return useMutation({
    mutationKey: takeKeys.lastFrame(),
    mutationFn: extractLastFrame,
    onSuccess: (upload) => onExtracted?.(upload),
  });
}
