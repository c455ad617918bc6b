/** Inclusive frame range the transport loops over. */
export type LoopRange = { start: number; end: number };

/** The loop starts here; an end before it gives way to the last frame. */
export function withLoopStart(loop: LoopRange | null, frame: number, lastFrame: number): LoopRange {
  const end = loop && loop.end >= frame ? loop.end : lastFrame;
  return { start: frame, end };
}

/** The loop ends here (inclusive); a start after it gives way to the first frame. */
export function withLoopEnd(loop: LoopRange | null, frame: number): LoopRange {
  const start = loop && loop.start <= frame ? loop.start : 0;
  return { start, end: frame };
}
