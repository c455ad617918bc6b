import { spawn, type ChildProcess } from "node:child_process";

export type SpawnedBff = { url: string; child: ChildProcess; output: () => string };

/**
 * Starts the real server program (src/server/main.ts) in its own process, so a test can
 * kill it with a signal, and resolves once it says it is ready. `children` collects it for
 * the test's clean-up.
 */
export function spawnBff(env: Record<string, string>, children: ChildProcess[]): Promise<SpawnedBff> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: { PATH: process.env.PATH, HOST: "127.0.0.1", PORT: "0", STATIC_DIR: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready at (http:\/\/[\d.:]+)/.exec(out);
      if (match) resolve({ url: match[1]!, child, output: () => out });
    });
    child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`the BFF exited (${code}) before it was ready:\n${out}`)));
  });
}

/** SIGKILLs the process (no shutdown code runs) and waits until it is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}
