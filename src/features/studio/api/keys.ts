export const studioKeys = {
  all: ["studio"] as const,
  health: () => [...studioKeys.all, "health"] as const,
};
