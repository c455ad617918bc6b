import type { GenerationFilters } from "@/shared/generation";

export type GenerationListFilters = GenerationFilters & { limit: number };

export const generationKeys = {
  all: ["generations"] as const,
  lists: () => [...generationKeys.all, "list"] as const,
  list: (filters: GenerationListFilters) => [...generationKeys.lists(), filters] as const,
  details: () => [...generationKeys.all, "detail"] as const,
  detail: (id: string) => [...generationKeys.details(), id] as const,
  rerun: () => [...generationKeys.all, "rerun"] as const,
  favourite: () => [...generationKeys.all, "favourite"] as const,
  remove: () => [...generationKeys.all, "delete"] as const,
  lastFrame: () => [...generationKeys.all, "last-frame"] as const,
};
