import { useState } from "react";
import type { ReactNode } from "react";
import { MODELS } from "@/shared/models";
import type { Take } from "@/shared/take";
import { useCompareKeys } from "../hooks/use-compare-keys";
import { usePlayback } from "../hooks/use-playback";
import { frameCount, frameTime } from "../utils/frames";
import { SideBySide } from "./side-by-side";
import { TakeDifferences } from "./take-differences";
import type { TakeSlot } from "./take-slot";
import { TransportBar } from "./transport-bar";
import { ViewToggle, type CompareLayout } from "./view-toggle";
import { WipeView } from "./wipe-view";

export type CompareViewProps = {
  /** Two to four completed takes. */
  takes: Take[];
  /** Shown under each player (review state, notes): `seconds` is that take's time at the current frame. */
  renderTakeExtras?: (take: Take, seconds: number) => ReactNode;
  /** Keys the transport does not use (C/M/X/N/F…), for the focused take; true when handled. */
  onKey?: (event: KeyboardEvent, focusedTake: Take, seconds: number) => boolean;
};

/** Takes played side by side (or as an A/B wipe) under one transport, with what differs between them. */
export function CompareView({ takes, renderTakeExtras, onKey }: CompareViewProps) {
  const fps = Math.max(...takes.map((take) => MODELS[take.model].frameRate));
  const { engine, state } = usePlayback(fps);
  const [layout, setLayout] = useState<CompareLayout>("side-by-side");
  const [withSound, setWithSound] = useState<ReadonlySet<string>>(() => new Set());
  const [focusedId, setFocusedId] = useState(takes[0]?.id);
  const focused = takes.find((take) => take.id === focusedId) ?? takes[0];

  // A take shorter than the transport holds its last frame, so its time stops there too.
  const secondsOf = (take: Take) => frameTime(Math.min(state.frame, frameCount(take.video?.durationSeconds ?? take.duration, fps) - 1), fps);

  useCompareKeys({
    togglePlay: () => engine.toggle(),
    step: (delta) => engine.step(delta),
    setLoopStart: () => engine.markLoopStart(),
    setLoopEnd: () => engine.markLoopEnd(),
    focusTake: (index) => {
      const take = takes[index];
      if (take) setFocusedId(take.id);
    },
    other: (event) => (focused && onKey ? onKey(event, focused, secondsOf(focused)) : false),
  });

  const slots: TakeSlot[] = takes.map((take, index) => ({
    take,
    index,
    focused: take === focused,
    muted: !withSound.has(take.id),
    onFocus: () => setFocusedId(take.id),
    onToggleMute: () =>
      setWithSound((current) => {
        const next = new Set(current);
        if (!next.delete(take.id)) next.add(take.id);
        return next;
      }),
    extras: renderTakeExtras?.(take, secondsOf(take)),
  }));
  const [a, b] = slots;
  const wipe = layout === "wipe" && slots.length === 2 && a && b;

  return (
    <div className="space-y-4">
      {slots.length === 2 && <ViewToggle layout={layout} onChange={setLayout} />}
      {wipe ? <WipeView slots={[a, b]} engine={engine} /> : <SideBySide slots={slots} engine={engine} />}
      <TransportBar engine={engine} state={state} fps={fps} />
      <TakeDifferences takes={takes} />
    </div>
  );
}
