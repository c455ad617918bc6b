import { useRef, useState } from "react";
import type { PointerEvent } from "react";
import { ratioValue } from "@/shared/models";
import type { PlaybackEngine } from "../hooks/playback-engine";
import { TakeBar } from "./take-bar";
import type { TakeSlot } from "./take-slot";
import { TakeVideo } from "./take-video";
import { WipeDivider, clampPercent } from "./wipe-divider";

const corner = "pointer-events-none absolute top-2 rounded bg-black/60 px-1.5 py-0.5 text-xs font-medium text-white";

/**
 * A/B wipe: take 2 stacked over take 1 and clipped at the divider, so the left of the picture
 * is take 1 and the right take 2. Drag anywhere on the picture (mouse or touch) to move it.
 */
export function WipeView({ slots, engine }: { slots: [TakeSlot, TakeSlot]; engine: PlaybackEngine }) {
  const [position, setPosition] = useState(50);
  const stage = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const [below, above] = slots;

  function follow(event: PointerEvent) {
    const box = stage.current?.getBoundingClientRect();
    if (!box || box.width <= 0) return;
    setPosition(clampPercent(((event.clientX - box.left) / box.width) * 100));
  }

  return (
    <div className="space-y-2">
      <div
        ref={stage}
        data-testid="wipe-stage"
        className="relative mx-auto touch-none select-none"
        // As wide as the row allows, unless a tall picture would then pass 70 % of the window's height.
        style={{ aspectRatio: below.take.ratio.replace(":", " / "), width: `min(100%, calc(70vh * ${ratioValue(below.take.ratio) || 1}))` }}
        onPointerDown={(event) => {
          dragging.current = true;
          event.currentTarget.setPointerCapture?.(event.pointerId);
          follow(event);
        }}
        onPointerMove={(event) => {
          if (dragging.current) follow(event);
        }}
        onPointerUp={() => (dragging.current = false)}
        onPointerCancel={() => (dragging.current = false)}
      >
        <TakeVideo slot={below} engine={engine} className="absolute inset-0 size-full rounded-lg" />
        <TakeVideo slot={above} engine={engine} className="absolute inset-0 size-full rounded-lg" style={{ clipPath: `inset(0 0 0 ${position}%)` }} />
        <WipeDivider position={position} onChange={setPosition} />
        <span aria-hidden="true" className={`${corner} left-2`}>
          Take 1
        </span>
        <span aria-hidden="true" className={`${corner} right-2`}>
          Take 2
        </span>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {slots.map((slot) => (
          <div key={slot.take.id} className="min-w-0 space-y-2">
            <TakeBar {...slot} />
            {slot.extras}
          </div>
        ))}
      </div>
    </div>
  );
}
