import { useMutation, useQueryClient } from "@tanstack/react-query";
import { uploadWithProgress } from "@/lib/api-client";
import { uploadSchema } from "@/shared/api";
import { rememberUpload } from "./get-upload";
import { generateKeys } from "./keys";

export type UploadImageInput = { file: File; onProgress?: (fraction: number) => void; signal?: AbortSignal };

export function uploadImage({ file, onProgress, signal }: UploadImageInput) {
  return uploadWithProgress("/api/uploads", file, { schema: uploadSchema, onProgress, signal });
}

/** The form waits on this key ("Waiting for upload…"); a stored image joins the library. */
export function useUploadImage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: generateKeys.upload(),
    mutationFn: uploadImage,
    onSuccess: (upload) => {
      rememberUpload(queryClient, upload);
      void queryClient.invalidateQueries({ queryKey: generateKeys.uploadLists() });
    },
  });
}
