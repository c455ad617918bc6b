/** What each key does in review mode: the dialog lists these, the handler reads them. */
export const REVIEW_KEYS = [
  { keys: ["Space"], does: "Play or pause" },
  { keys: ["J", "K", "L"], does: "Shuttle: J backwards (again: faster), K stop, L play (again: faster)" },
  { keys: ["←", "→"], does: "One frame back or forward" },
  { keys: ["↑", "↓"], does: "Previous or next take" },
  { keys: ["C"], does: "Circle the take" },
  { keys: ["M"], does: "Mark it maybe" },
  { keys: ["X"], does: "Reject it" },
  { keys: ["N"], does: "Add a note at this frame (Enter saves, Esc cancels)" },
  { keys: ["F"], does: "Favourite or unfavourite it" },
  { keys: ["U"], does: "Next unreviewed take" },
  { keys: ["?"], does: "Show these keys" },
  { keys: ["Esc"], does: "Leave review" },
] as const;

export type ReviewAction =
  | "play"
  | "reverse"
  | "stop"
  | "forward"
  | "frameBack"
  | "frameForward"
  | "previousTake"
  | "nextTake"
  | "circle"
  | "maybe"
  | "reject"
  | "note"
  | "favourite"
  | "nextUnreviewed"
  | "keys"
  | "leave";

const ACTIONS: Record<string, ReviewAction> = {
  " ": "play",
  j: "reverse",
  k: "stop",
  l: "forward",
  ArrowLeft: "frameBack",
  ArrowRight: "frameForward",
  ArrowUp: "previousTake",
  ArrowDown: "nextTake",
  c: "circle",
  m: "maybe",
  x: "reject",
  n: "note",
  f: "favourite",
  u: "nextUnreviewed",
  "?": "keys",
  Escape: "leave",
};

/** Keys that mean something to the focused control itself: typing, and the slider's and radios' arrows. */
function belongsToControl(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  if (["range", "radio"].includes(target.type)) return event.key.startsWith("Arrow");
  return !["checkbox", "button"].includes(target.type);
}

/** The action a key press asks for, or null when it is not review mode's to handle. */
export function reviewActionOf(event: KeyboardEvent): ReviewAction | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || belongsToControl(event)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return ACTIONS[key] ?? null;
}
