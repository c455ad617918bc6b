import type { ModelId } from "@/shared/models";

export type UploadListFilters = { limit: number };
export type EstimateParams = { model: ModelId; duration: number; variations: number };

export const generateKeys = {
  all: ["generate"] as const,
  upload: () => [...generateKeys.all, "upload"] as const,
  create: () => [...generateKeys.all, "create"] as const,
  /** The studio's image library: every upload, which never changes once stored. */
  uploads: () => [...generateKeys.all, "uploads"] as const,
  uploadLists: () => [...generateKeys.uploads(), "list"] as const,
  uploadList: (filters: UploadListFilters) => [...generateKeys.uploadLists(), filters] as const,
  uploadDetails: () => [...generateKeys.uploads(), "detail"] as const,
  uploadDetail: (id: string) => [...generateKeys.uploadDetails(), id] as const,
  /** What a submit of these settings is expected to cost. */
  estimates: () => [...generateKeys.all, "estimate"] as const,
  estimate: (params: EstimateParams) => [...generateKeys.estimates(), params] as const,
};
