import type { MouseEvent } from "react";
import { frameAt } from "@/components/player/frame-math";
import type { Note } from "@/shared/note";
import type { PinDraft } from "../hooks/use-pin-draft";

const dot = "absolute size-4 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white shadow";
const round = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;

/**
 * Over the picture: the pins of the notes on the frame shown now, the pin being placed, and,
 * while placing, a layer that takes the click (from the keyboard, the middle of the picture).
 */
export function NotePins({ notes, frame, fps, pin }: { notes: readonly Note[]; frame: number; fps: number; pin?: PinDraft | undefined }) {
  const here = notes.filter((note) => note.x !== null && note.y !== null && frameAt(note.atSeconds, fps) === frame);

  function place(event: MouseEvent<HTMLButtonElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    const fromKeyboard = event.detail === 0 || box.width === 0 || box.height === 0;
    pin?.pick(fromKeyboard ? { x: 0.5, y: 0.5 } : { x: round((event.clientX - box.left) / box.width), y: round((event.clientY - box.top) / box.height) });
  }

  return (
    <div className="pointer-events-none absolute inset-0">
      {here.map((note) => (
        <span
          key={note.id}
          role="img"
          aria-label={`Pin of ${note.author}'s note: ${note.text}`}
          title={note.text}
          className={`${dot} bg-amber-400`}
          style={{ left: `${(note.x ?? 0) * 100}%`, top: `${(note.y ?? 0) * 100}%` }}
        />
      ))}
      {pin?.point && (
        <span role="img" aria-label="Pin of the new note" className={`${dot} bg-accent-500`} style={{ left: `${pin.point.x * 100}%`, top: `${pin.point.y * 100}%` }} />
      )}
      {pin?.picking && (
        <button
          type="button"
          aria-label="Pin the note here: click the point on the picture"
          onClick={place}
          className="pointer-events-auto absolute inset-0 cursor-crosshair rounded-xl bg-accent-500/10"
        />
      )}
    </div>
  );
}
