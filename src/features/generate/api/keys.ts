export const generateKeys = {
  all: ["generate"] as const,
  models: () => [...generateKeys.all, "models"] as const,
  upload: () => [...generateKeys.all, "upload"] as const,
  create: () => [...generateKeys.all, "create"] as const,
};
