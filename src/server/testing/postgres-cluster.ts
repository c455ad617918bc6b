import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type PostgresCluster = { url: string; stop(): void };

/** Debian keeps the server's programs out of PATH, under /usr/lib/postgresql/<major>/bin. */
export function findPostgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const majors = readdirSync(root).filter((name) => existsSync(join(root, name, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(root, majors[0], "bin") : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway PostgreSQL cluster for tests: `initdb` in a temporary folder, as the `postgres`
 * user when run as root (the server refuses root), listening on a loopback port only, without
 * fsync (nothing in it outlives the run). Its database `dailies` trusts local connections.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL is not installed: apt-get install postgresql (CI does, see .ci/run)");
  const dir = mkdtempSync(join(tmpdir(), "dailies-pg-"));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) => {
    const command = asRoot ? "runuser" : join(bin, program);
    const full = asRoot ? ["-u", "postgres", "--", join(bin, program), ...args] : args;
    const result = spawnSync(command, full, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
  };
  const data = join(dir, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-U", "dailies", "--auth=trust", "-E", "UTF8", "--no-instructions"]);
  run("pg_ctl", [
    "-D", data, "-l", join(dir, "server.log"), "-w", "-t", "30",
    "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`,
    "start",
  ]);
  try {
    execFileSync(join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "dailies", "dailies"]);
  } catch (error) {
    // A server left running would outlive the test run.
    run("pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://dailies@127.0.0.1:${port}/dailies`,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
