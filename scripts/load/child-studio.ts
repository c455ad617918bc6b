import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { LOOP_LINE, type ChildLoopDelay } from "./child-process-life";

export type ChildStudio = {
  url: string;
  pid: number;
  logLines: string[];
  /** Where its whole log goes (LOAD_LOG_FILE in its env; studio-child.ts), if anywhere. */
  logFile: string | null;
  /** Starts the child's event-loop delay afresh (child-process-life.ts). */
  resetLoopDelay(): void;
  /** The child's event-loop delay since the last reset; null if it does not answer within a second. */
  loopDelay(): Promise<ChildLoopDelay | null>;
  stop(): Promise<void>;
};

const LOOP_ANSWER_MS = 1_000;

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/**
 * Starts the BFF in its own process (so its memory can be read from outside) and waits for
 * its address; `script` names another program that says "ready at <url>" the same way.
 */
export async function startChildStudio(repoRoot: string, env: Record<string, string>, script = "scripts/load/studio-child.ts"): Promise<ChildStudio> {
  // LOAD_PROFILE_DIR: each child writes a V8 CPU profile there when it exits (open it in Chrome's DevTools).
  const profile = process.env.LOAD_PROFILE_DIR ? ["--cpu-prof", "--cpu-prof-dir", process.env.LOAD_PROFILE_DIR] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", script], {
    cwd: repoRoot,
    // MALLOC_ARENA_MAX as `npm start` sets it: glibc's per-thread arenas otherwise hold on to
    // the memory libvips used for large images.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TMPDIR: process.env.TMPDIR ?? "/tmp", MALLOC_ARENA_MAX: "2", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const logLines: string[] = [];
  const stop = () => stopChild(child);
  let onLoopLine: ((delay: ChildLoopDelay) => void) | null = null;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script} did not say "ready at" within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      const onLine = (line: string) => {
        const ready = /ready at (http:\/\/\S+)/.exec(line);
        if (line.startsWith(LOOP_LINE)) {
          onLoopLine?.(JSON.parse(line.slice(LOOP_LINE.length)) as ChildLoopDelay);
        } else if (ready?.[1]) {
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
    const resetLoopDelay = () => void child.stdin.write("loop-reset\n");
    const loopDelay = () =>
      new Promise<ChildLoopDelay | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), LOOP_ANSWER_MS);
        onLoopLine = (delay) => {
          clearTimeout(timer);
          onLoopLine = null;
          resolve(delay);
        };
        child.stdin.write("loop\n");
      });
    return { url, pid: child.pid, logLines, logFile: env.LOAD_LOG_FILE ?? null, resetLoopDelay, loopDelay, stop };
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
