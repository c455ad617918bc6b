export const usageKeys = {
  all: ["usage"] as const,
  reports: () => [...usageKeys.all, "report"] as const,
  report: () => [...usageKeys.reports(), "current"] as const,
};
