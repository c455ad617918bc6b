import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/** Tightens what an older build (or a copy) left readable to others; links are left alone. */
function tighten(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== PRIVATE_DIR) chmodSync(path, PRIVATE_DIR);
    for (const name of readdirSync(path)) tighten(join(path, name));
  } else if ((stat.mode & 0o077) !== 0) {
    chmodSync(path, PRIVATE_FILE);
  }
}

/**
 * The data folder holds the studio's database, session secret, uploads and videos: only the
 * user Dailies runs as may read it. The umask makes everything created later private too
 * (SQLite, ffmpeg and sharp create files with the process's umask, not a mode of ours).
 */
export function prepareDataDir(dir: string): void {
  try {
    process.umask(0o077);
  } catch {
    // Worker threads can't set the umask; the explicit modes below still apply.
  }
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  // A private folder was tightened at an earlier start and has only held private files since:
  // walking every video and upload again at each start would be start-up work for nothing.
  if ((lstatSync(dir).mode & 0o777) !== PRIVATE_DIR) tighten(dir);
}
