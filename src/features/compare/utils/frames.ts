/**
 * The middle of a frame. Seeking to a frame's start lands on the boundary with the previous
 * one, where a decoder may show either; the middle shows that frame in every player.
 */
export function frameTime(frame: number, fps: number): number {
  return (frame + 0.5) / fps;
}

/** The frame shown at a time (the tiny epsilon keeps 0.5/24*24 from flooring below its frame). */
export function frameAt(seconds: number, fps: number): number {
  return Math.max(0, Math.floor(seconds * fps + 1e-6));
}

export function frameCount(durationSeconds: number, fps: number): number {
  return Math.max(1, Math.round(durationSeconds * fps));
}

const two = (n: number) => String(n).padStart(2, "0");

/** `mm:ss:ff`, as an editor reads it. */
export function formatTimecode(frame: number, fps: number): string {
  const seconds = Math.floor(frame / fps);
  return `${two(Math.floor(seconds / 60))}:${two(seconds % 60)}:${two(frame % fps)}`;
}
