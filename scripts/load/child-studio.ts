import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export type ChildStudio = { url: string; pid: number; logLines: string[]; stop(): Promise<void> };

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/**
 * Starts the BFF in its own process (so its memory can be read from outside) and waits for
 * its address; `script` names another program that says "ready at <url>" the same way.
 */
export async function startChildStudio(repoRoot: string, env: Record<string, string>, script = "scripts/load/studio-child.ts"): Promise<ChildStudio> {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: repoRoot,
    // MALLOC_ARENA_MAX as `npm start` sets it: glibc's per-thread arenas otherwise hold on to
    // the memory libvips used for large images.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TMPDIR: process.env.TMPDIR ?? "/tmp", MALLOC_ARENA_MAX: "2", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const logLines: string[] = [];
  const stop = () => stopChild(child);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script} did not say "ready at" within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      const onLine = (line: string) => {
        const ready = /ready at (http:\/\/\S+)/.exec(line);
        if (ready?.[1]) {
          clearTimeout(timer);
          resolve(ready[1]);
        } else if (line.trim()) logLines.push(line);
      };
      createInterface({ input: child.stdout }).on("line", onLine);
      createInterface({ input: child.stderr }).on("line", onLine);
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${script} exited before it was ready (${signal ?? `code ${code}`}):\n${logLines.slice(-20).join("\n")}`));
      });
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    if (child.pid === undefined) throw new Error(`${script} has no pid`);
    return { url, pid: child.pid, logLines, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
