/** Error codes for 409s on one take (`not_completed` as the uploads routes use it). */
export const TAKE_CONFLICT_CODES = {
  stillRunning: "still_running",
  notCompleted: "not_completed",
} as const;
