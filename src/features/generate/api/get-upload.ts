import { queryOptions } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { uploadSchema } from "@/shared/api";
import type { Upload } from "@/shared/api";
import { generateKeys } from "./keys";

export function getUpload(id: string, signal?: AbortSignal) {
  return apiFetch(`/api/uploads/${encodeURIComponent(id)}`, { schema: uploadSchema, signal });
}

export const uploadQueryOptions = (id: string) =>
  queryOptions({
    queryKey: generateKeys.uploadDetail(id),
    queryFn: ({ signal }) => getUpload(id, signal),
    // A stored upload never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Seeds the detail cache from an upload or library answer, so a frame set to it needs no request. */
export function rememberUpload(queryClient: QueryClient, upload: Upload) {
  queryClient.setQueryData(uploadQueryOptions(upload.id).queryKey, upload);
}
