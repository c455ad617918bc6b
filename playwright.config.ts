import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 8799);
// A second studio with sign-in on, for the shared-studio specs.
const AUTH_PORT = Number(process.env.E2E_AUTH_PORT ?? 8798);
export const E2E_PASSWORD = "e2e-studio-password";

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  },
};

/** The built app and the BFF with the in-process simulator: what `npm start` runs. */
function studio(port: number, dataDir: string, extra: Record<string, string> = {}) {
  return {
    command: `rm -rf ${dataDir} && node --import tsx src/server/main.ts`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: {
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      AIMLAPI_KEY: "",
      SIMULATOR_TIME_SCALE: "0.08",
      // Real MP4s at the real size, the frame held rather than moved: less CPU (README, SIMULATOR_RENDER).
      SIMULATOR_RENDER: "still",
      POLL_INTERVAL_MS: "400",
      LOG_LEVEL: "warn",
      ...extra,
    },
  };
}

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  // A failed test keeps its trace (actions, DOM snapshots, network) and a screenshot. The trace
  // leaves out the screencast: encoding a frame for every paint of every test cost a third of
  // the browser's CPU (studio + memory specs: 114 → 70 CPU-s of the whole machine, /proc/stat
  // read before and after `npx playwright test e2e/studio.spec.ts e2e/memory.spec.ts`).
  use: { trace: { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: true }, screenshot: "only-on-failure" },
  projects: [
    { name: "chromium", testIgnore: /auth\.spec\.ts/, use: { ...chromium, baseURL: `http://127.0.0.1:${PORT}` } },
    { name: "signed-in studio", testMatch: /auth\.spec\.ts/, use: { ...chromium, baseURL: `http://127.0.0.1:${AUTH_PORT}` } },
  ],
  webServer: [
    studio(PORT, ".tmp/e2e-data"),
    studio(AUTH_PORT, ".tmp/e2e-auth-data", { AUTH_MODE: "password", STUDIO_PASSWORD: E2E_PASSWORD, ADMINS: "" }),
  ],
});
