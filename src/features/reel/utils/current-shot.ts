import type { ReelShot } from "@/shared/reel";

/** The shot whose slate or take is on screen at `seconds` of the reel; the last one once the reel has ended. */
export function currentShotIndex(shots: readonly ReelShot[], seconds: number): number {
  const index = shots.findIndex((shot) => seconds >= shot.slateAtSeconds && seconds < shot.endSeconds);
  return index >= 0 ? index : shots.length - 1;
}
