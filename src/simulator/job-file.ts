import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Job } from "./jobs";
import { findModel } from "./models";

/**
 * The simulator's jobs on disk (`<dataDir>/jobs.json`, images from data URIs beside it), so a
 * restart continues what was in flight as a real provider would: the timeline is wall-clock
 * (`createdAt` is absolute), a finished render is found by its file, an unfinished one is
 * rendered again from the saved inputs.
 */
const savedJobSchema = z.object({
  id: z.string(),
  wireName: z.string(),
  duration: z.number(),
  createdAt: z.number(),
  queuedMs: z.number(),
  totalMs: z.number(),
  injection: z.union([
    z.object({ kind: z.literal("none") }),
    z.object({ kind: z.literal("error"), name: z.string(), message: z.string() }),
    z.object({ kind: z.literal("status"), status: z.string() }),
  ]),
  render: z.union([z.object({ state: z.literal("pending") }), z.object({ state: z.literal("done") }), z.object({ state: z.literal("failed"), message: z.string() })]),
  jwt: z.string(),
  input: z.object({
    ratio: z.string(),
    seed: z.number(),
    imageUrl: z.string(),
    lastImageUrl: z.string().optional(),
    /** Files under inputs/ holding the bytes of data-URI images. */
    firstFile: z.string().optional(),
    lastFile: z.string().optional(),
  }),
});
const KEEP_MS = 48 * 3_600_000;

export type SavedJob = z.infer<typeof savedJobSchema>;
export type JobInput = SavedJob["input"];

export type RestoredJob = { job: Job; input: JobInput & { firstImage: Buffer | undefined; lastImage: Buffer | undefined } };

export function createJobFile(dataDir: string, log: (line: string) => void) {
  const file = path.join(dataDir, "jobs.json");
  const inputs = path.join(dataDir, "inputs");
  const saved = new Map<string, SavedJob>();
  /** The whole list, under a temporary name then renamed: a crash never leaves half a file. */
  function save(): void {
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify([...saved.values()]));
    renameSync(temp, file);
  }

  return {
    /** Reads what the last run left; a file that does not parse is set aside, not fatal. */
    load(): RestoredJob[] {
      if (!existsSync(file)) return [];
      let rows: SavedJob[];
      try {
        rows = z.array(savedJobSchema).parse(JSON.parse(readFileSync(file, "utf8")));
      } catch (error) {
        log(`jobs.json unreadable, starting empty (${error instanceof Error ? error.message : String(error)})`);
        renameSync(file, `${file}.unreadable-${Date.now()}`);
        return [];
      }
      const restored: RestoredJob[] = [];
      for (const row of rows) {
        const model = findModel(row.wireName);
        if (!model) continue;
        saved.set(row.id, row);
        const read = (name: string | undefined) => (name && existsSync(path.join(inputs, name)) ? readFileSync(path.join(inputs, name)) : undefined);
        restored.push({
          job: { id: row.id, model, duration: row.duration, createdAt: row.createdAt, queuedMs: row.queuedMs, totalMs: row.totalMs, injection: row.injection, render: row.render, jwt: row.jwt },
          input: { ...row.input, firstImage: read(row.input.firstFile), lastImage: read(row.input.lastFile) },
        });
      }
      return restored;
    },
    /** Records a new job with its inputs (data-URI bytes go to files); forgets jobs past the result URLs' 48 h. */
    add(job: Job, input: Omit<JobInput, "firstFile" | "lastFile">, firstImage: Buffer | undefined, lastImage: Buffer | undefined): void {
      mkdirSync(inputs, { recursive: true });
      for (const [id, row] of saved) {
        if (row.createdAt > job.createdAt - KEEP_MS) continue;
        saved.delete(id);
        for (const name of [row.input.firstFile, row.input.lastFile]) if (name) rmSync(path.join(inputs, name), { force: true });
      }
      const keep = (bytes: Buffer | undefined, name: string) => {
        if (!bytes) return undefined;
        writeFileSync(path.join(inputs, name), bytes);
        return name;
      };
      const firstFile = keep(firstImage, `${job.id}-first`);
      const lastFile = keep(lastImage, `${job.id}-last`);
      saved.set(job.id, {
        id: job.id,
        wireName: job.model.wireName,
        duration: job.duration,
        createdAt: job.createdAt,
        queuedMs: job.queuedMs,
        totalMs: job.totalMs,
        injection: job.injection,
        render: job.render,
        jwt: job.jwt,
        input: { ...input, ...(firstFile ? { firstFile } : {}), ...(lastFile ? { lastFile } : {}) },
      });
      save();
    },
    /** A render ended: its state is written at once, so a restart neither loses nor repeats it. */
    update(job: Job): void {
      const row = saved.get(job.id);
      if (!row) return;
      row.render = job.render;
      save();
    },
  };
}
