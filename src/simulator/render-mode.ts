/**
 * How the simulator animates a take. "motion" (the default): a slow push-in, as a preview of
 * a camera move. "still": the frame held for the whole clip, a real H.264 MP4 of the same
 * size, length and frame rate at about a third of the CPU; for test runs, where the picture's
 * motion is not what is under test. Its own module so the BFF's settings can name the modes
 * without loading the renderer.
 */
export const RENDER_MODES = ["motion", "still"] as const;
export type RenderMode = (typeof RENDER_MODES)[number];
