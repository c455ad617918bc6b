import { projectQueryKeys } from "@/lib/project-queries";

/** The list and detail keys are shared with the form's shot picker (src/lib/project-queries.ts). */
export const projectKeys = {
  ...projectQueryKeys,
  /** The takes of one shot, as the board shows them. */
  shotTakes: () => [...projectKeys.all, "shot-takes"] as const,
  shotTake: (shotId: string) => [...projectKeys.shotTakes(), shotId] as const,
  create: () => [...projectKeys.all, "create"] as const,
  update: () => [...projectKeys.all, "update"] as const,
  remove: () => [...projectKeys.all, "delete"] as const,
  createShot: () => [...projectKeys.all, "create-shot"] as const,
  updateShot: () => [...projectKeys.all, "update-shot"] as const,
  deleteShot: () => [...projectKeys.all, "delete-shot"] as const,
  moveTake: () => [...projectKeys.all, "move-take"] as const,
};
