import { z } from "zod";
import { errorCodeSchema } from "./api-error";

/** The two pictures a reel can be cut to: landscape or portrait HD. */
export const REEL_CANVASES = ["1920x1080", "1080x1920"] as const;
export type ReelCanvas = (typeof REEL_CANVASES)[number];

/** Every reel runs at this rate, whatever its takes ran at (the models all make 24 fps). */
export const REEL_FPS = 24;

/** How long the slate before each take holds, in seconds. */
export const SLATE_SECONDS = 2;

export const REEL_STATUSES = ["queued", "rendering", "completed", "failed"] as const;
export type ReelStatus = (typeof REEL_STATUSES)[number];

const TAKES_MESSAGE = "takes maps shot ids to take ids, e.g. {\"<shot id>\": \"<take id>\"}; leave a shot out to use its circled take.";
const id = z.string({ error: TAKES_MESSAGE }).trim().min(1, TAKES_MESSAGE).max(100, TAKES_MESSAGE);

/** `POST /api/projects/:id/reel`: the canvas, and a take per shot where the circled one should not be used. */
export const createReelSchema = z.strictObject({
  canvas: z.enum(REEL_CANVASES, { error: `Choose a canvas: ${REEL_CANVASES.join(" or ")}.` }),
  takes: z.record(id, id, { error: TAKES_MESSAGE }).optional(),
});
export type CreateReelRequest = z.output<typeof createReelSchema>;

/** One shot on the reel: its slate, then its take from `startSeconds` to `endSeconds` (reel time). */
export const reelShotSchema = z.object({
  shotId: z.string(),
  code: z.string(),
  takeId: z.string(),
  slateAtSeconds: z.number(),
  startSeconds: z.number(),
  endSeconds: z.number(),
});
export type ReelShot = z.infer<typeof reelShotSchema>;

export const reelSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  canvas: z.enum(REEL_CANVASES),
  status: z.enum(REEL_STATUSES),
  /** 0 to 1 while rendering; 1 once completed. */
  progress: z.number().min(0).max(1),
  /** The MP4, once completed. */
  video: z
    .object({
      url: z.string(),
      /** The same file as an attachment with a name saying what it is. */
      downloadUrl: z.string(),
      contentType: z.literal("video/mp4"),
      bytes: z.number(),
      width: z.number(),
      height: z.number(),
      durationSeconds: z.number(),
    })
    .nullable(),
  /** The edit decision list as JSON (`reel.json`), once completed. */
  edlUrl: z.string().nullable(),
  /** The same list as CSV, once completed. */
  edlCsvUrl: z.string().nullable(),
  error: z.object({ code: errorCodeSchema, message: z.string() }).nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  completedAt: z.string().nullable(),
  /** The shots on the reel in order, with where each one's slate and take fall. */
  shots: z.array(reelShotSchema),
});
export type Reel = z.infer<typeof reelSchema>;

/** A project's reels, newest first. */
export const reelListSchema = z.object({ items: z.array(reelSchema) });

export const isReelDone = (status: ReelStatus) => status === "completed" || status === "failed";

/** A reel time as SMPTE non-drop timecode at the reel's rate: `HH:MM:SS:FF`. */
export function timecode(seconds: number, fps = REEL_FPS): string {
  const frames = Math.round(seconds * fps);
  const pad = (n: number) => String(n).padStart(2, "0");
  const totalSeconds = Math.floor(frames / fps);
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}:${pad(frames % fps)}`;
}
