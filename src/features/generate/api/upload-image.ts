import { useMutation } from "@tanstack/react-query";
import { apiUpload } from "@/lib/api-client";
import { uploadSchema } from "@/shared/api";
import { generateKeys } from "./keys";

export function uploadImage(file: File) {
  return apiUpload("/api/uploads", file, { schema: uploadSchema });
}

export function useUploadImage() {
  return useMutation({ mutationKey: generateKeys.upload(), mutationFn: uploadImage });
}
