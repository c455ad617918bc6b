import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { MediaKind, MediaStore } from "./media-store";
import { serveFile } from "./serve-file";

/** The local scratch folder, `<dataDir>/media/tmp`, which every media store works in. */
export function createScratch(dataDir: string) {
  const tempDir = join(dataDir, "media", "tmp");
  mkdirSync(tempDir, { recursive: true, mode: 0o700 });
  const removeTemp = (path: string) => rmSync(path, { force: true });
  return {
    tempDir,
    tempPath: () => join(tempDir, randomBytes(8).toString("hex")),
    removeTemp,
    async removeStaleTemps(before: number): Promise<number> {
      let removed = 0;
      for (const file of readdirSync(tempDir)) {
        const path = join(tempDir, file);
        try {
          // Stryker disable next-line EqualityOperator: a temporary file exactly an hour old may go either way
          if (statSync(path).mtimeMs >= before) continue;
        } catch {
          continue;
        }
        removeTemp(path);
        // Stryker disable next-line UpdateOperator: only the count in the sweep's log line
        removed++;
      }
      return removed;
    },
  };
}

/** Files live under `<dataDir>/media/<kind>/`; the scratch folder is on the same file system, so moving in is an atomic rename. */
export function createMediaDir(dataDir: string): MediaStore {
  const root = join(dataDir, "media");
  for (const kind of ["uploads", "videos", "posters", "reels"]) mkdirSync(join(root, kind), { recursive: true, mode: 0o700 });
  const scratch = createScratch(dataDir);
  const path = (kind: MediaKind, name: string) => join(root, kind, name);

  return {
    ...scratch,
    shared: false,
    async moveIn(tempPath, kind, name) {
      renameSync(tempPath, path(kind, name));
    },
    /** Writes to a temporary name first: a crash never leaves half a file under a real name. */
    async writeAtomic(kind, name, bytes) {
      const temp = scratch.tempPath();
      writeFileSync(temp, bytes, { mode: 0o600 });
      renameSync(temp, path(kind, name));
    },
    async remove(kind, name) {
      rmSync(path(kind, name), { force: true });
    },
    async localCopy(kind, name) {
      return { path: path(kind, name), release: () => {} };
    },
    async list(kind) {
      return readdirSync(join(root, kind));
    },
    async serve(kind, name, { contentType, range, method, disposition }) {
      const response = serveFile(path(kind, name), contentType, range, method);
      if (disposition && response.ok) response.headers.set("content-disposition", disposition);
      return response;
    },
    async probe() {},
  };
}
