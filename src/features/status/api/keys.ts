export const statusKeys = {
  all: ["studio"] as const,
  health: () => [...statusKeys.all, "health"] as const,
};
