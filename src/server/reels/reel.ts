import type { ErrorCode } from "../../shared/api-error";
import type { ReelCanvas, ReelStatus } from "../../shared/reel";

/** One shot of a reel as planned when it was asked for: what to cut and where it falls, in frames. */
export type ReelEvent = {
  shotId: string;
  code: string;
  takeId: string;
  /** The take's archived file under media/videos. */
  sourceFile: string;
  model: string;
  seed: number;
  author: string;
  /** When the take was made (epoch ms), for the slate. */
  takeCreatedAt: number;
  /** First frame of the slate on the reel; the take follows it after the slate's frames. */
  slateFrame: number;
  takeFrame: number;
  /** How many frames of the take are used: all of it, at the reel's rate. */
  takeFrames: number;
};

/** A reel as the server works with it. Times are epoch milliseconds. */
export type ReelRecord = {
  id: string;
  projectId: string;
  canvas: ReelCanvas;
  status: ReelStatus;
  progress: number;
  events: ReelEvent[];
  /** The MP4's size once completed. */
  bytes: number | null;
  error: { code: ErrorCode; message: string } | null;
  createdAt: number;
  createdBy: string;
  startedAt: number | null;
  completedAt: number | null;
};

/** The files a completed reel leaves under media/reels, named after its id. */
export const reelFiles = (id: string) => ({ video: `${id}.mp4`, edlJson: `${id}.json`, edlCsv: `${id}.csv` });

export const canvasSize = (canvas: ReelCanvas) => {
  const [width, height] = canvas.split("x").map(Number) as [number, number];
  return { width, height };
};
