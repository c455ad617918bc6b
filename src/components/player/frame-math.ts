/**
 * A time at a frame's start often reads back a hair under it: Chromium keeps the playhead in
 * whole microseconds (1/24 s reads back as 0.041666, frame 0.99998), and `k * (1/24) * 24`
 * can be 6.999…. A thousandth of a frame absorbs both before flooring.
 */
const FRAME_EPSILON = 1e-3;

/**
 * Where the player seeks to show a frame: a millisecond past its start, so a playhead rounded
 * down to the microsecond (or, in some browsers, the millisecond) is still inside that frame
 * and the browser draws it, not the one before.
 */
const SEEK_INTO_FRAME_S = 0.001;

/** The frame shown at `seconds` (0 is the first). */
export function frameAt(seconds: number, fps: number): number {
  return Math.max(0, Math.floor(seconds * fps + FRAME_EPSILON));
}

/** Where a frame starts, in seconds: a note on the frame is pinned here. */
export function frameStart(frame: number, fps: number): number {
  return frame / fps;
}

/** The time to seek to for a frame to be shown. */
export function seekTimeOf(frame: number, fps: number): number {
  return frameStart(frame, fps) + SEEK_INTO_FRAME_S;
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
