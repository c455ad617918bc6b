import type { TakeFilters } from "@/shared/take";

export type TakeListFilters = TakeFilters & { limit: number };

export const takeKeys = {
  all: ["takes"] as const,
  lists: () => [...takeKeys.all, "list"] as const,
  list: (filters: TakeListFilters) => [...takeKeys.lists(), filters] as const,
  details: () => [...takeKeys.all, "detail"] as const,
  detail: (id: string) => [...takeKeys.details(), id] as const,
  rerun: () => [...takeKeys.all, "rerun"] as const,
  favourite: () => [...takeKeys.all, "favourite"] as const,
  remove: () => [...takeKeys.all, "delete"] as const,
  lastFrame: () => [...takeKeys.all, "last-frame"] as const,
  // Under "takes": the filters' copies of projects and shots, apart from the projects feature's cache.
  projectOptions: () => [...takeKeys.all, "project-options"] as const,
  shotOptions: (projectId: string) => [...takeKeys.projectOptions(), projectId] as const,
};
