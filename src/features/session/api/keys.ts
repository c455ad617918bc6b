export const sessionKeys = {
  all: ["session"] as const,
  current: () => [...sessionKeys.all, "current"] as const,
  signIn: () => [...sessionKeys.all, "sign-in"] as const,
  signOut: () => [...sessionKeys.all, "sign-out"] as const,
  signOutEveryone: () => [...sessionKeys.all, "sign-out-everyone"] as const,
};
