import type { Adaptation } from "@/shared/closest-model";
import { MODELS } from "@/shared/models";
import type { Take } from "@/shared/take";

/** What each of the take's settings becomes under the adapted model, in a creator's words. */
export function describeSwap(take: Pick<Take, "ratio" | "duration" | "lastImage">, adaptation: Adaptation): string[] {
  const label = MODELS[adaptation.model].label;
  const changes: string[] = [];
  if (adaptation.dropsLastImage) changes.push(`the last frame is dropped (${label} has no last frame)`);
  else if (take.lastImage) changes.push("last frame kept");
  changes.push(adaptation.ratio === take.ratio ? `ratio ${take.ratio} kept` : `ratio ${take.ratio} becomes ${adaptation.ratio} (the closest ${label} has)`);
  changes.push(adaptation.duration === take.duration ? `${take.duration} s kept` : `${take.duration} s becomes ${adaptation.duration} s (the closest ${label} has)`);
  return changes;
}
