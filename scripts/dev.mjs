// `npm run dev`: the BFF (restarting on change) and Vite with HMR, which proxies /api and /media.
import { spawn } from "node:child_process";

const children = [
  spawn("npx", ["tsx", "watch", "--clear-screen=false", "src/server/main.ts"], {
    stdio: "inherit",
    // Vite's proxy passes the page's Host and Origin through: the BFF must answer to them.
    env: { ...process.env, STATIC_DIR: "", PUBLIC_ORIGIN: process.env.PUBLIC_ORIGIN ?? "http://127.0.0.1:5173" },
  }),
  spawn("npx", ["vite"], { stdio: "inherit" }),
];

const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) child.on("exit", (code) => {
  stop();
  process.exitCode = code ?? 0;
});
