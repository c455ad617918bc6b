import { writeFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import type { Logger } from "pino";
import { ERROR_CODES } from "../../shared/api-error";
import { REEL_FPS } from "../../shared/reel";
import type { MediaStore } from "../media/media-store";
import type { NoteRecord } from "../notes/note";
import type { Stores } from "../store/stores";
import { cutReel, reelArgs, type ReelSegment } from "./cut-reel";
import { canvasSize, reelFiles, type ReelRecord } from "./reel";
import { reelEdl, reelEdlCsv, reelFrames } from "./reel-edl";
import { SLATE_FRAMES } from "./plan-reel";
import { renderSlate } from "./slate";

export type RenderDeps = Pick<Stores, "reels" | "store" | "notes" | "projects"> & { media: MediaStore; ffmpeg: string; log: Logger };

/** A reason to give up that the person who asked for the reel can act on. */
class ReelProblem extends Error {}

/** Removes a reel's files (each may be missing). */
export async function removeReelFiles(media: MediaStore, id: string): Promise<void> {
  for (const file of Object.values(reelFiles(id))) await media.remove("reels", file);
}

/** Slates and takes as local files for ffmpeg; `release` is called for whatever was made, even when this throws. */
async function slates(deps: RenderDeps, reel: ReelRecord, projectName: string, release: (() => void)[]): Promise<ReelSegment[]> {
  const { width, height } = canvasSize(reel.canvas);
  const segments: ReelSegment[] = [];
  for (const event of reel.events) {
    const take = await deps.store.get(event.takeId);
    if (!take?.video) throw new ReelProblem(`Take ${event.takeId} of ${event.code} was deleted after the reel was asked for: make the reel again.`);
    const date = new Date(event.takeCreatedAt).toISOString().slice(0, 10);
    const png = await renderSlate({ project: projectName, shot: event.code, takeId: event.takeId, model: event.model, seed: event.seed, author: event.author, date }, width, height);
    const slatePng = `${deps.media.tempPath()}-slate.png`;
    release.push(() => deps.media.removeTemp(slatePng));
    writeFileSync(slatePng, png, { mode: 0o600 });
    const video = await deps.media.localCopy("videos", take.video.file);
    release.push(video.release);
    segments.push({ slatePng, slateFrames: SLATE_FRAMES, video: video.path, takeFrames: event.takeFrames });
  }
  return segments;
}

/** The reel's files, written under their real names only once each is whole. */
async function writeResult(deps: RenderDeps, reel: ReelRecord, project: { id: string; name: string }, cut: string): Promise<number> {
  const notes = new Map<string, NoteRecord[]>();
  for (const event of reel.events) notes.set(event.takeId, await deps.notes.ofTake(event.takeId));
  const edl = reelEdl(reel, project, notes);
  const files = reelFiles(reel.id);
  await deps.media.writeAtomic("reels", files.edlJson, Buffer.from(`${JSON.stringify(edl, null, 2)}\n`));
  await deps.media.writeAtomic("reels", files.edlCsv, Buffer.from(reelEdlCsv(edl)));
  const { size } = await stat(cut);
  await deps.media.moveIn(cut, "reels", files.video);
  return size;
}

/**
 * Cuts one queued reel: slates drawn, ffmpeg run with its progress stored as it goes, the
 * edit lists written beside the MP4. A reel whose project went while it was cut leaves no files.
 */
export async function renderReel(deps: RenderDeps, id: string, signal: AbortSignal): Promise<void> {
  if (!(await deps.reels.markRendering(id))) return;
  const reel = (await deps.reels.get(id))!;
  const release: (() => void)[] = [];
  try {
    const project = await deps.projects.get(reel.projectId);
    if (!project) return;
    const segments = await slates(deps, reel, project.name, release);
    const cut = `${deps.media.tempPath()}-reel.mp4`;
    release.push(() => deps.media.removeTemp(cut));
    const totalSeconds = reelFrames(reel.events) / REEL_FPS;
    let shown = 0;
    await cutReel(reelArgs(segments, canvasSize(reel.canvas), cut), {
      binary: deps.ffmpeg,
      totalSeconds,
      signal,
      // Encoding runs near real time on a busy machine; twenty times that, plus start-up, is a hang.
      timeoutMs: 60_000 + totalSeconds * 20_000,
      onProgress: (fraction) => {
        // A write per percent at most; 1 is kept for "completed", after the files are in place.
        if (fraction - shown < 0.01) return;
        shown = fraction;
        // A lost progress write (the database out of reach a moment) only delays the bar.
        deps.reels.setProgress(id, Math.min(fraction, 0.99)).catch((error: unknown) => deps.log.warn({ reelId: id, err: String(error) }, "could not save a reel's progress"));
      },
    });
    const bytes = await writeResult(deps, reel, project, cut);
    if (!(await deps.reels.markCompleted(id, bytes))) await removeReelFiles(deps.media, id);
  } catch (error) {
    // A stopping studio leaves the reel "rendering"; the next start says it was cut short.
    if (signal.aborted) return;
    // A store that fails to delete now (a bucket) must not keep the reel "rendering": the sweep retries.
    await removeReelFiles(deps.media, id).catch(() => {});
    deps.log.error({ reelId: id, err: error instanceof Error ? error.message : String(error) }, "reel failed");
    const message =
      error instanceof ReelProblem ? error.message : "ffmpeg could not cut the reel. Try again; if it fails again, the operator will find the reason in the studio's log.";
    await deps.reels.markFailed(id, { code: ERROR_CODES.reelFailed, message });
  } finally {
    for (const done of release) done();
  }
}
