/**
 * Failure injection through the prompt, so tests in other processes can script failures
 * through the real contract rather than through a side channel:
 *
 *   [sim:error:<REASON>]  the job runs queued → generating → `error`, with
 *                         `error: {name: REASON, message: <a provider-like sentence>}`.
 *   [sim:status:<word>]   every poll reports `status: <word>` and the job never finishes,
 *                         to exercise a client's handling of unknown statuses.
 *
 * Per-job and in-band; faults configured per run (HTTP errors, resets, hangs, mangled
 * replies, doomed creates) live in faults-config.ts.
 */
export type Injection =
  | { kind: "none" }
  | { kind: "error"; name: string; message: string }
  | { kind: "status"; status: string };

const ERROR_MARKER = /\[sim:error:([A-Za-z0-9_.-]+)\]/;
const STATUS_MARKER = /\[sim:status:([A-Za-z0-9_-]+)\]/;

// Sentences in the style of Runway's task failures (`failure` text), by reason prefix.
const FAILURE_MESSAGES: [prefix: string, message: string][] = [
  ["SAFETY.INPUT.TEXT", "Your text prompt did not pass our content moderation. Please try a different prompt."],
  ["SAFETY.INPUT.IMAGE", "Your input image did not pass our content moderation. Please try a different image."],
  ["SAFETY.INPUT", "Your input did not pass our content moderation. Please try a different input."],
  ["SAFETY.OUTPUT", "The generated video did not pass our content moderation. Please try a different prompt."],
  ["INTERNAL.BAD_OUTPUT", "The model produced an output that failed our quality checks. Please try again."],
  ["ASSET.INVALID", "An input asset could not be processed. Check that the image is a valid JPEG, PNG or WebP."],
  ["INTERNAL", "An unexpected error occurred while generating the video. Please try again."],
];

export function failureMessage(name: string): string {
  const found = FAILURE_MESSAGES.find(([prefix]) => name === prefix || name.startsWith(`${prefix}.`));
  return found?.[1] ?? "The task failed.";
}

export function readInjection(prompt: string | undefined): Injection {
  const error = prompt === undefined ? null : ERROR_MARKER.exec(prompt);
  if (error?.[1]) return { kind: "error", name: error[1], message: failureMessage(error[1]) };
  const status = prompt === undefined ? null : STATUS_MARKER.exec(prompt);
  if (status?.[1]) return { kind: "status", status: status[1] };
  return { kind: "none" };
}
