import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

const alias = { "@": fileURLToPath(new URL("./src", import.meta.url)) };

export default defineConfig({
  plugins: [react()],
  resolve: { alias },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ["./src/test/setup.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          isolate: false,
          // schema-parity, postgres-lane, migrate-studio and two-replicas need PostgreSQL: the Postgres lane runs them
          // (vitest.postgres.config.ts). Left out here by the pattern, not by `exclude`: a project's
          // own exclude drops the command line's --exclude, which scripts/node24.mjs relies on.
          include: ["src/{server,simulator,shared,node}/**/!(schema-parity|postgres-lane|migrate-studio|two-replicas).test.ts", "scripts/**/*.test.mjs"],
        },
      },
      {
        extends: true,
        test: {
          name: "dom",
          environment: "jsdom",
          isolate: false,
          include: ["src/**/*.test.tsx", "src/{lib,hooks,features,components}/**/*.test.ts"],
        },
      },
    ],
  },
});
