import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";

export type MediaKind = "uploads" | "videos" | "posters" | "reels";

/** Files live under `<dataDir>/media/<kind>/`, named only by ids the BFF made itself. */
export function createMediaDir(dataDir: string) {
  const root = join(dataDir, "media");
  for (const kind of ["uploads", "videos", "posters", "reels", "tmp"]) mkdirSync(join(root, kind), { recursive: true, mode: 0o700 });

  return {
    root,
    path: (kind: MediaKind, fileName: string) => join(root, kind, fileName),
    /** A temporary path in the same file system, so the final rename is atomic. */
    tempPath: () => join(root, "tmp", randomBytes(8).toString("hex")),
    /** Writes to a temporary name first: a crash never leaves half a file under a real name. */
    writeAtomic(kind: MediaKind, fileName: string, bytes: Buffer): void {
      const temp = join(root, "tmp", randomBytes(8).toString("hex"));
      writeFileSync(temp, bytes, { mode: 0o600 });
      renameSync(temp, join(root, kind, fileName));
    },
    moveIn(tempPath: string, kind: MediaKind, fileName: string): void {
      renameSync(tempPath, join(root, kind, fileName));
    },
    remove(path: string): void {
      rmSync(path, { force: true });
    },
  };
}

export type MediaDir = ReturnType<typeof createMediaDir>;
