import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import { fileURLToPath } from "node:url";
import rooms from "./scripts/lint/rooms.mjs";
import { zones } from "./scripts/lint/zones.mjs";

const root = fileURLToPath(new URL(".", import.meta.url));

export default tseslint.config(
  // scripts/lint/fixtures break the fences on purpose; fences.test.mjs lints them.
  { ignores: ["dist", "node_modules", "data", "reports", "test-results", "playwright-report", ".tmp", ".stryker-tmp", "scripts/lint/fixtures"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks, rooms },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "rooms/no-cross-room-imports": ["error", { zones: zones(root) }],
    },
  },
  {
    // Packages the wire contracts must not lean on; our own paths are the zones' business.
    files: ["src/shared/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["node:*", "react", "react-dom"] }] },
  },
  {
    // Settings come from the parsed env (src/server/env.ts) or the program's options.
    files: ["src/server/**/*.ts", "src/simulator/**/*.ts", "src/node/**/*.ts"],
    ignores: ["src/server/env.ts", "src/server/main.ts", "src/simulator/main.ts", "src/**/*.test.ts", "src/server/testing/**"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "read settings from the parsed env (src/server/env.ts) or the options passed in" }],
    },
  },
);
