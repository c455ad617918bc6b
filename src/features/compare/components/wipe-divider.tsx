import type { KeyboardEvent } from "react";

const KEY_STEPS: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -10, PageUp: 10 };

export const clampPercent = (value: number) => Math.min(100, Math.max(0, value));

/** The wipe's divider as a slider: arrows move it 1 % (with Shift 10 %), Home/End to the edges. */
export function WipeDivider({ position, onChange }: { position: number; onChange: (position: number) => void }) {
  function onKeyDown(event: KeyboardEvent) {
    let next: number | null = null;
    const step = KEY_STEPS[event.key];
    if (step !== undefined) next = position + step * (event.shiftKey ? 10 : 1);
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = 100;
    if (next === null) return;
    event.preventDefault();
    onChange(clampPercent(next));
  }
  const rounded = Math.round(position);
  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label="Wipe divider"
      aria-orientation="horizontal"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={rounded}
      aria-valuetext={`${rounded}%: take 1 on the left, take 2 on the right`}
      onKeyDown={onKeyDown}
      className="absolute inset-y-0 z-10 flex w-8 -translate-x-1/2 cursor-ew-resize touch-none justify-center rounded-md focus-visible:outline-offset-0"
      style={{ left: `${position}%` }}
    >
      <span aria-hidden="true" className="h-full w-0.5 bg-white shadow-[0_0_0_1px_rgba(0,0,0,0.5)]" />
      <span aria-hidden="true" className="absolute top-1/2 flex size-7 -translate-y-1/2 items-center justify-center rounded-full bg-white text-xs text-zinc-900 shadow">
        ⇔
      </span>
    </div>
  );
}
