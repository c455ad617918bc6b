import { closestRatio, ratioValue } from "@/shared/models";
import type { ModelCapability } from "@/shared/models";
import { Button } from "@/components/ui/button";
import { CROP_WARNING_SHARE, centreCrop, outputShape } from "../utils/frame-checks";

type FrameFitProps = {
  width: number;
  height: number;
  model: ModelCapability;
  ratio: string;
  onUseRatio: (ratio: string) => void;
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** How the chosen ratio frames this image, and the model's closest ratio one click away. */
export function FrameFit({ width, height, model, ratio, onUseRatio }: FrameFitProps) {
  const shape = outputShape(model, ratio);
  const crop = centreCrop(width, height, shape);
  if (!crop) return null;
  const size = model.outputSizes[ratio];
  // Say the real output size where the ratio's name rounds it (16:9 for 1280×768).
  const named = size && Math.abs(ratioValue(ratio) - size.width / size.height) > 0.01 ? `${ratio} (${size.width}×${size.height})` : ratio;
  const cut = 1 - crop.kept;
  const closest = closestRatio(model.id, width, height);
  return (
    <div className="space-y-1.5 text-xs text-zinc-600 dark:text-zinc-400">
      {cut < 0.005 ? (
        <p>Fits {named} exactly: nothing is cropped.</p>
      ) : cut > CROP_WARNING_SHARE ? (
        <p className="rounded-md bg-amber-50 px-2 py-1 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
          Heavy crop: at {named} the model keeps only the outlined {percent(crop.kept)}; {percent(cut)} of the picture is cut away.
        </p>
      ) : (
        <p>
          At {named} the model keeps the outlined {percent(crop.kept)}; the dimmed {percent(cut)} is cropped.
        </p>
      )}
      {closest !== ratio && (
        <p className="flex flex-wrap items-center gap-2">
          <span>
            Closest {model.label} ratio: <span className="font-medium text-zinc-800 dark:text-zinc-200">{closest}</span>
          </span>
          <Button size="sm" onClick={() => onUseRatio(closest)}>
            Use {closest}
          </Button>
        </p>
      )}
    </div>
  );
}
