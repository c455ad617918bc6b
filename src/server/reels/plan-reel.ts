import { ERROR_CODES } from "../../shared/api-error";
import { REEL_FPS, SLATE_SECONDS } from "../../shared/reel";
import { HttpError } from "../http/http-error";
import { probeVideo } from "../media/probe-video";
import type { ShotRecord } from "../projects/project";
import type { StudioDeps } from "../studio";
import type { TakeRecord } from "../takes/take";
import type { ReelEvent } from "./reel";

type Deps = Pick<StudioDeps, "store" | "shots" | "media">;

export const SLATE_FRAMES = SLATE_SECONDS * REEL_FPS;

type Pick1 = { shot: ShotRecord; take: TakeRecord };

/** What is wrong with the take a shot would use, or null when it can go on the reel. */
function takeProblem(shot: ShotRecord, takeId: string, take: TakeRecord | undefined, chosen: boolean): string | null {
  const which = chosen ? `Take ${takeId}` : `The circled take of ${shot.code} (${takeId})`;
  if (!take) return `There is no take with id "${takeId}": choose one of ${shot.code}'s takes.`;
  if (take.shotId !== shot.id) return `${which} is not in shot ${shot.code}: choose one of ${shot.code}'s takes.`;
  if (take.status !== "completed" || !take.video) return `${which} is ${take.status}, so it has no video: choose a completed take for ${shot.code}.`;
  return null;
}

/** Checks the shot ids of `takes`: each must be a shot of this project. */
async function unknownShots(deps: Deps, shots: readonly ShotRecord[], chosen: Record<string, string>): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  for (const shotId of Object.keys(chosen)) {
    if (shots.some((shot) => shot.id === shotId)) continue;
    const elsewhere = await deps.shots.projectOf(shotId);
    fields[`takes.${shotId}`] = elsewhere
      ? `Shot "${shotId}" belongs to another project: a reel holds only this project's shots.`
      : `There is no shot with id "${shotId}" in this project: use the id of one of its shots.`;
  }
  return fields;
}

async function probeStored(deps: Deps, file: string): Promise<number> {
  const copy = await deps.media.localCopy("videos", file);
  try {
    return (await probeVideo(copy.path)).durationSeconds;
  } finally {
    copy.release();
  }
}

/** The take's length in frames at the reel's rate; takes archived before videos were probed are probed now. */
async function framesOf(deps: Deps, take: TakeRecord): Promise<number> {
  const video = take.video!;
  const seconds = video.durationSeconds ?? (await probeStored(deps, video.file));
  return Math.max(1, Math.round(seconds * REEL_FPS));
}

/**
 * Which take goes on the reel for each shot, in shot order, and where it falls: the take
 * chosen in `takes`, else the shot's circled take; shots with neither are left out. Refuses
 * with field errors (`takes.<shotId>`) and refuses a reel with nothing on it.
 */
export async function planReel(deps: Deps, projectId: string, chosen: Record<string, string>): Promise<ReelEvent[]> {
  const shots = await deps.shots.ofProject(projectId);
  const fields = await unknownShots(deps, shots, chosen);
  const picks: Pick1[] = [];
  for (const shot of shots) {
    const takeId = chosen[shot.id] ?? shot.circledTakeId;
    if (!takeId) continue;
    const take = await deps.store.get(takeId);
    const problem = takeProblem(shot, takeId, take, chosen[shot.id] !== undefined);
    if (problem) fields[`takes.${shot.id}`] = problem;
    else picks.push({ shot, take: take! });
  }
  const count = Object.keys(fields).length;
  if (count) throw new HttpError(ERROR_CODES.validation, count === 1 ? Object.values(fields)[0]! : `${count} shots need a change.`, { fields });
  if (!picks.length) {
    const message = shots.length
      ? "No shot of this project has a circled take yet: circle a take in each shot you want on the reel, or choose one per shot in takes."
      : "This project has no shots yet: add shots, make takes in them, and circle a take in each (or choose one per shot in takes).";
    throw new HttpError(ERROR_CODES.reelEmpty, message);
  }
  const events: ReelEvent[] = [];
  let frame = 0;
  for (const { shot, take } of picks) {
    const takeFrames = await framesOf(deps, take);
    events.push({
      shotId: shot.id,
      code: shot.code,
      takeId: take.id,
      sourceFile: take.video!.file,
      model: take.model,
      seed: take.seed,
      author: take.author,
      takeCreatedAt: take.createdAt,
      slateFrame: frame,
      takeFrame: frame + SLATE_FRAMES,
      takeFrames,
    });
    frame += SLATE_FRAMES + takeFrames;
  }
  return events;
}
