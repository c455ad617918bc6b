import { frameAt, frameLabel } from "@/components/player/frame-math";
import type { Note } from "@/shared/note";

const PREVIEW_LENGTH = 60;

/** "Note at 1.25 s (frame 30): Hold on the…" */
export function noteMarkerLabel(note: Note, fps: number): string {
  const text = note.text.length > PREVIEW_LENGTH ? `${note.text.slice(0, PREVIEW_LENGTH).trimEnd()}…` : note.text;
  return `Note at ${frameLabel(frameAt(note.atSeconds, fps), fps)}: ${text}`;
}

/** "40 %, 25 %" of the picture's width and height. */
export function pointLabel(point: { x: number; y: number }): string {
  return `${Math.round(point.x * 100)} %, ${Math.round(point.y * 100)} %`;
}
