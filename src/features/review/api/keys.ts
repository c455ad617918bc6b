import type { ReviewSource } from "./list-review-takes";

export const reviewKeys = {
  all: ["review"] as const,
  notes: (takeId: string) => [...reviewKeys.all, "notes", takeId] as const,
  family: (takeId: string) => [...reviewKeys.all, "family", takeId] as const,
  session: (source: ReviewSource) => [...reviewKeys.all, "session", source] as const,
  setReview: () => [...reviewKeys.all, "set-review"] as const,
  favourite: () => [...reviewKeys.all, "favourite"] as const,
  createNote: () => [...reviewKeys.all, "create-note"] as const,
  updateNote: () => [...reviewKeys.all, "update-note"] as const,
  deleteNote: () => [...reviewKeys.all, "delete-note"] as const,
};
