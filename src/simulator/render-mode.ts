import { z } from "zod";

/**
 * How the simulator animates a take. "motion" (the default): a slow push-in, as a preview of
 * a camera move. "still": the frame held for the whole clip, a real H.264 MP4 of the same
 * size, length and frame rate for less CPU (figures in the README's simulator settings); for
 * test runs, where the picture's motion is not what is under test. Its own module so the
 * BFF's settings can name the modes without loading the renderer.
 */
export const RENDER_MODES = ["motion", "still"] as const;
export type RenderMode = (typeof RENDER_MODES)[number];

/** `SIMULATOR_RENDER`, read the same way by the BFF and the simulator program: unset or empty is "motion". */
export const renderModeSetting = z.preprocess((value) => (value === "" ? undefined : value), z.enum(RENDER_MODES).default("motion"));
