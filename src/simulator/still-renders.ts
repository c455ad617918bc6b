import { createHash } from "node:crypto";
import { copyFile, readFile } from "node:fs/promises";

/**
 * "still" clips already made, by what they are made of: a held frame depends only on the frame
 * files and the clip's size and length, so the first render of each is copied for the rest.
 * The test runs send one frame over and over; at ~1.4 CPU-s a render, forty takes would
 * otherwise spend a minute of CPU making the same file. Never used for "motion".
 */
export type StillRenders = {
  /** The key of a clip from these frame files (the last one, if any) at this size and length. */
  keyOf(frames: readonly string[], shape: { width: number; height: number; duration: number }): Promise<string>;
  /** Copies a clip made before under `key` to `to`; false when there is none (or it is gone). */
  copy(key: string, to: string): Promise<boolean>;
  remember(key: string, file: string): void;
};

export function createStillRenders(): StillRenders {
  const made = new Map<string, string>();
  return {
    async keyOf(frames, { width, height, duration }) {
      const hash = createHash("sha256").update(`${width}x${height}:${duration}:${frames.length}`);
      for (const frame of frames) hash.update(createHash("sha256").update(await readFile(frame)).digest());
      return hash.digest("hex");
    },
    async copy(key, to) {
      const from = made.get(key);
      if (from === undefined) return false;
      try {
        await copyFile(from, to);
        return true;
      } catch {
        made.delete(key);
        return false;
      }
    },
    remember(key, file) {
      made.set(key, file);
    },
  };
}
