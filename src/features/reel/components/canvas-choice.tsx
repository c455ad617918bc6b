import type { ReelCanvas } from "@/shared/reel";

const CANVASES: { value: ReelCanvas; label: string }[] = [
  { value: "1920x1080", label: "1920×1080 (landscape)" },
  { value: "1080x1920", label: "1080×1920 (portrait)" },
];

/** The picture every take is scaled and padded to. */
export function CanvasChoice({ value, onChange }: { value: ReelCanvas; onChange: (canvas: ReelCanvas) => void }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Canvas</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {CANVASES.map((canvas) => (
          <label key={canvas.value} className="inline-flex items-center gap-2 text-sm text-zinc-800 dark:text-zinc-200">
            <input
              type="radio"
              name="reel-canvas"
              value={canvas.value}
              checked={value === canvas.value}
              onChange={() => onChange(canvas.value)}
              className="accent-accent-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
            />
            {canvas.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
