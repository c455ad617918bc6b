export const reelKeys = {
  all: ["reels"] as const,
  lists: () => [...reelKeys.all, "list"] as const,
  list: (projectId: string) => [...reelKeys.lists(), projectId] as const,
  details: () => [...reelKeys.all, "detail"] as const,
  detail: (id: string) => [...reelKeys.details(), id] as const,
  create: () => [...reelKeys.all, "create"] as const,
  /** The takes a shot could put on the reel, and the notes of a take on it: read here, owned elsewhere. */
  shotTakes: (shotId: string) => [...reelKeys.all, "shot-takes", shotId] as const,
  takeNotes: (takeId: string) => [...reelKeys.all, "take-notes", takeId] as const,
};
