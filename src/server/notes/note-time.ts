import { ERROR_CODES } from "../../shared/api-error";
import { fieldError, HttpError } from "../http/http-error";
import type { TakeRecord } from "../takes/take";

const seconds = (value: number) => `${Number(value.toFixed(3))} s`;

/**
 * A note pins to a time in the take's archived video, so the take must have one and the
 * time must fall inside it: from 0 to before its end (the video's probed length, else the
 * length asked for), since a note at the very end would be past the last frame.
 */
export function checkNoteTime(take: TakeRecord, atSeconds: number | undefined): void {
  if (take.status !== "completed" || !take.video) {
    const why = take.status === "failed" ? "it failed, so there is no video to note on" : `it is still ${take.status}; add notes once it has finished`;
    throw new HttpError(ERROR_CODES.notCompleted, `This take has no video yet: ${why}.`);
  }
  if (atSeconds === undefined) return;
  const length = take.video.durationSeconds ?? take.duration;
  if (atSeconds < length) return;
  const message = `This take is ${seconds(length)} long: pin the note before ${seconds(length)}, where its last frame ends (got ${seconds(atSeconds)}).`;
  throw fieldError("atSeconds", message);
}
