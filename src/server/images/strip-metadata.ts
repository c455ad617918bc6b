import { open } from "node:fs/promises";
import { isWhole, writePlan, type Plan } from "./file-plan";
import type { AcceptedType } from "./inspect-image";
import { planJpeg } from "./strip-jpeg";
import { planPng, planWebp } from "./strip-png-webp";

const PLANNERS: Record<AcceptedType, (file: Awaited<ReturnType<typeof open>>, size: number, orientation: number) => Promise<Plan>> = {
  "image/jpeg": planJpeg,
  "image/png": planPng,
  "image/webp": planWebp,
};

/**
 * Writes `source` without location, serials and other shoot metadata to `dest`, keeping the
 * compressed pixels, the ICC profile and the orientation byte for byte (no re-encode, so no
 * loss). Answers false, writing nothing, when there was nothing to drop.
 */
export async function stripMetadata(source: string, type: AcceptedType, orientation: number, dest: string): Promise<boolean> {
  const file = await open(source, "r");
  let plan: Plan;
  let size: number;
  try {
    size = (await file.stat()).size;
    plan = await PLANNERS[type](file, size, orientation);
  } finally {
    await file.close();
  }
  if (isWhole(plan, size)) return false;
  await writePlan(source, plan, dest);
  return true;
}
