import { reelSchema, type Reel } from "@/shared/reel";

/** A reel as the BFF answers it: queued, two shots; `overrides` change any field. */
export function makeReel(overrides: Partial<Reel> = {}): Reel {
  return reelSchema.parse({
    id: "r1",
    projectId: "p1",
    canvas: "1080x1920",
    status: "queued",
    progress: 0,
    video: null,
    edlUrl: null,
    edlCsvUrl: null,
    error: null,
    createdAt: "2026-11-30T10:00:00.000Z",
    createdBy: "ana",
    completedAt: null,
    shots: [
      { shotId: "s1", code: "SH010", takeId: "t1", slateAtSeconds: 0, startSeconds: 2, endSeconds: 7 },
      { shotId: "s2", code: "SH020", takeId: "t3", slateAtSeconds: 7, startSeconds: 9, endSeconds: 14 },
    ],
    ...overrides,
  });
}
