/**
 * `t * fps` lands a hair under a whole number for many frame starts (0.35 * 24 = 8.399999…):
 * nudged before flooring, a time exactly at a frame's start is that frame, not the one before.
 */
const FRAME_EPSILON = 1e-6;

/** The frame shown at `seconds` (0 is the first). */
export function frameAt(seconds: number, fps: number): number {
  return Math.max(0, Math.floor(seconds * fps + FRAME_EPSILON));
}

/** Where a frame starts, in seconds: seeking there shows that frame. */
export function frameStart(frame: number, fps: number): number {
  return frame / fps;
}

/** The last frame of a take `duration` seconds long (a 5 s take at 24 fps: frames 0 to 119). */
export function lastFrameOf(duration: number, fps: number): number {
  return Math.max(0, Math.round(duration * fps) - 1);
}

/** "1.25 s" */
export function secondsLabel(seconds: number): string {
  return `${seconds.toFixed(2)} s`;
}

/** "1.25 s (frame 30)": where a frame starts and its number. */
export function frameLabel(frame: number, fps: number): string {
  return `${secondsLabel(frameStart(frame, fps))} (frame ${frame})`;
}
