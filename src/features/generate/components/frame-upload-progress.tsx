import { useId } from "react";
import { Button } from "@/components/ui/button";

type FrameUploadProgressProps = { label: string; fraction: number; onCancel: () => void };

export function FrameUploadProgress({ label, fraction, onCancel }: FrameUploadProgressProps) {
  const id = useId();
  const percent = Math.round(fraction * 100);
  return (
    <div className="flex items-center gap-3">
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex justify-between text-xs text-zinc-600 dark:text-zinc-400">
          <label htmlFor={id}>Uploading {label.toLowerCase()}</label>
          <span className="tabular-nums">{percent}%</span>
        </div>
        <progress id={id} max={100} value={percent} className="h-1.5 w-full accent-accent-600" />
      </div>
      <Button size="sm" aria-label={`Cancel ${label.toLowerCase()} upload`} onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
